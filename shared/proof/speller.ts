/**
 * The spelling dictionary: Hunspell's Vietnamese dictionary (`dictionary-vi`, GPL-3.0) read by nspell, and
 * its syllables by their letters without marks. A Vietnamese typo is most often a mark wrong or missing
 * (ngưòi, đuợc, tiéng): Hunspell's suggestions, built for edits of letters, seldom hold the syllable meant
 * (it offers "ngòi" for "ngưòi"); the syllables spelled with the same letters do, those keeping most of the
 * marks typed first.
 */
import nspell from 'nspell'
import { fold } from '../text'
import type { Speller } from './types'
import { TONE_MARKS } from './vietnamese'

/** Edits between two short strings (Levenshtein), counted on their decomposed forms: each mark is one. */
function marksApart(a: string, b: string): number {
  const x = [...a.normalize('NFD')]
  const y = [...b.normalize('NFD')]
  let row = Array.from({ length: y.length + 1 }, (_, j) => j)
  for (let i = 1; i <= x.length; i++) {
    const next = [i]
    for (let j = 1; j <= y.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1))
    row = next
  }
  return row[y.length]
}

const { hoi: HOI, nga: NGA } = TONE_MARKS

/**
 * How many of the marks of `typed` (tones, horn, circumflex, breve) `candidate` keeps; the hỏi and ngã
 * tones, which writers confuse, count half for each other (nhửng → những).
 */
function marksKept(typed: string, candidate: string): number {
  const marks = (w: string) => [...w.normalize('NFD')].filter((c) => c >= '\u0300' && c <= '\u036f')
  const left = marks(candidate)
  let kept = 0
  for (const m of marks(typed)) {
    const i = left.indexOf(m)
    const swapped = m === HOI ? NGA : m === NGA ? HOI : ''
    if (i >= 0) {
      kept++
      left.splice(i, 1)
    } else if (swapped && left.includes(swapped)) {
      kept += 0.5
      left.splice(left.indexOf(swapped), 1)
    }
  }
  return kept
}

export function createSpeller(aff: string | Uint8Array, dic: string | Uint8Array): Speller {
  const spell = nspell(aff as never, dic as never)
  let byLetters: Map<string, string[]> | null = null
  /** The dictionary's words (one per line after the count, flags after a slash), by their folded letters. */
  const index = () => {
    if (byLetters) return byLetters
    byLetters = new Map()
    const text = typeof dic === 'string' ? dic : new TextDecoder().decode(dic)
    for (const line of text.split('\n').slice(1)) {
      const word = line.split('/')[0].trim().toLowerCase()
      if (!word) continue
      const key = fold(word)
      const list = byLetters.get(key) ?? []
      if (!list.includes(word)) list.push(word)
      byLetters.set(key, list)
    }
    return byLetters
  }
  return {
    correct: (w) => spell.correct(w),
    suggest(w) {
      const lower = w.toLowerCase()
      const sameLetters = (index().get(fold(lower)) ?? []).filter((s) => s !== lower)
      // the marks typed are mostly the ones meant (a horn left off ươ, a tone on the wrong vowel): who keeps
      // more of them first, then the fewest edits
      const closest = sameLetters.map((s) => ({ s, kept: marksKept(lower, s), d: marksApart(lower, s) })).sort((a, b) => b.kept - a.kept || a.d - b.d)
      return [...new Set([...closest.map((c) => c.s), ...spell.suggest(w)])]
    }
  }
}

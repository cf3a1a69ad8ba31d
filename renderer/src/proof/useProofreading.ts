/**
 * Proofread the open article as the journalist writes: the rules run after typing pauses (never on the
 * keystroke), off the input path, and their body and caption problems are laid over the text as underlines.
 */
import type { Node as PMNode } from 'prosemirror-model'
import type { EditorView } from 'prosemirror-view'
import { useEffect, useRef, useState } from 'react'
import { checkArticle, spellingSuggestions, type Problem, type ProofSettings } from '../../../shared/proof'
import type { ArticleFields } from '../../../shared/article'
import { setHighlights } from '../editor/highlights'
import { loadedSpeller, loadSpeller } from './speller'

/** How long after the last change the check runs. */
export const PROOF_DELAY_MS = 600
/**
 * Spelling suggestions are not made by the check (the dictionary takes about 10 ms for each word): the
 * panel asks for them when it shows a word (see suggestionsFor).
 */
const MAX_SUGGESTIONS = 0
/** Underlines laid at most (each one is mapped through every edit): the panel lists every problem. */
const MAX_UNDERLINES = 300

type Checked = Pick<ArticleFields, 'title' | 'sapo' | 'category' | 'tags' | 'author' | 'source'> & { language?: string }

export function useProofreading(input: {
  fields: Checked | null
  /** The body as it is now, and a number that changes with it. */
  body: () => PMNode | null
  version: number
  view: () => EditorView | null
  settings: ProofSettings
  ignored: ReadonlySet<string>
  language: 'vi' | 'en'
}): { problems: Problem[]; checked: PMNode | null; recheck: () => void } {
  /** The problems and the body they were found in (their positions are in it). */
  const [found, setFound] = useState<{ problems: Problem[]; checked: PMNode | null }>({ problems: [], checked: null })
  const [nonce, setNonce] = useState(0)
  const latest = useRef(input)
  latest.current = input
  const { fields, version, settings, ignored, language } = input
  /** The last recheck asked for: one asked (a fix found its words moved) runs at once, not after a pause. */
  const rechecked = useRef(nonce)
  useEffect(() => {
    if (!fields) return
    let cancelled = false
    const asked = rechecked.current !== nonce
    rechecked.current = nonce
    const timer = setTimeout(() => {
      void loadSpeller().then((speller) => {
        const { body, view } = latest.current
        const doc = body()
        if (cancelled || !doc) return
        const problems = checkArticle({ ...fields, body: doc.toJSON() as ArticleFields['body'] }, { settings, speller, ignored, language, maxSuggestions: MAX_SUGGESTIONS })
        setFound({ problems, checked: doc })
        const v = view()
        // an input method composing a syllable is left alone: the underlines come with the next pause
        if (!v || v.composing || v.state.doc !== doc) return
        v.dispatch(
          setHighlights(
            v.state.tr,
            'proof',
            problems
              .filter((p) => (p.field === 'body' || p.field === 'caption') && p.to > p.from && p.rule !== 'length')
              .slice(0, MAX_UNDERLINES)
              .map((p) => ({ from: p.from, to: p.to, className: `proof proof-${p.rule}`, title: p.message }))
          )
        )
      })
    }, asked ? 0 : PROOF_DELAY_MS)
    return () => {
      cancelled = true
      clearTimeout(timer)
    }
  }, [fields, version, settings, ignored, language, nonce])
  return { ...found, recheck: () => setNonce((n) => n + 1) }
}

/** A misspelled word's suggestions, asked of the dictionary when the panel shows it (see spellingSuggestions). */
export function suggestionsFor(p: Problem, toneStyle: ProofSettings['toneStyle']): string[] {
  if (p.rule !== 'spelling' || p.suggestions.length) return p.suggestions
  const speller = loadedSpeller()
  return speller ? spellingSuggestions(p.text, speller, toneStyle) : []
}

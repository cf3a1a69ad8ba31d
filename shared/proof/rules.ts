/**
 * The proofreading rules, each a plain function over the article's texts (see segments.ts). Problems say
 * where (field positions), what, why (in the UI's language) and what to put instead.
 */
import confusableList from '../../resources/confusables.json'
import newsroomWords from '../../resources/newsroom-words.json'
import { fold, nfc, wordCount } from '../text'
import type { Segment } from './segments'
import type { Problem, ProofLanguage, ProofRule, ProofSettings, Speller } from './types'
import { fromTcvn3, fromTelex, fromVni, normaliseToneStyle, SYLLABLE, toneStyleOf, toToneStyle } from './vietnamese'

export interface RuleContext {
  settings: ProofSettings
  speller: Speller
  /** Spelling suggestions left to give (a dictionary's suggestions are slow: a page of unknown words must not freeze the editor). */
  suggestionsLeft: number
  language: ProofLanguage
  /** The personal dictionary, folded, for lookups. */
  personal: Set<string>
}

type Say = Record<ProofLanguage, string>
const say = (ctx: RuleContext, text: Say, vars: Record<string, string | number> = {}) => text[ctx.language].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''))

function problem(rule: ProofRule, s: Segment, from: number, to: number, message: string, suggestions: string[] = []): Problem {
  return { rule, field: s.field, from: s.pos(from), to: s.pos(from) + (to - from), text: s.text.slice(from, to), message, suggestions, ...(s.index !== undefined ? { index: s.index } : {}) }
}

/** Spans a rule leaves alone: web addresses and e-mail addresses (found once per segment, for every rule). */
const spans = new WeakMap<Segment, Array<[number, number]>>()
function ignoredSpans(s: Segment): Array<[number, number]> {
  let found = spans.get(s)
  if (!found) spans.set(s, (found = [...s.text.matchAll(/\b(?:https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.-]+/giu)].map((m): [number, number] => [m.index, m.index + m[0].length])))
  return found
}
const inside = (spans: Array<[number, number]>, at: number) => spans.some(([a, b]) => at >= a && at < b)

/** Spans between quotation marks (“…”, "…", ‘…’). */
function quotedSpans(text: string): Array<[number, number]> {
  return [...text.matchAll(/“[^”]*”|"[^"]*"|‘[^’]*’|«[^»]*»/gu)].map((m) => [m.index, m.index + m[0].length])
}

const VIETNAMESE_MARK = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/iu

// ---------- spelling ----------
/** What newsrooms print as it is though the dictionary lacks it (video, clip, sapo…): never flagged. */
export const NEWSROOM_WORDS: ReadonlySet<string> = new Set(newsroomWords.words)

/** A map per speller (the dictionary's answers do not change): an article repeats its words. */
function memo<V>(store: WeakMap<Speller, Map<string, V>>, speller: Speller): Map<string, V> {
  let seen = store.get(speller)
  if (!seen) store.set(speller, (seen = new Map()))
  return seen
}
const lookedUp = new WeakMap<Speller, Map<string, boolean>>()
function known(lower: string, speller: Speller): boolean {
  const seen = memo(lookedUp, speller)
  let ok = seen.get(lower)
  if (ok === undefined) seen.set(lower, (ok = speller.correct(normaliseToneStyle(lower, 'old'))))
  return ok
}

const suggestedFor = new WeakMap<Speller, Map<string, string[]>>()
/**
 * What the dictionary suggests for a word it does not know, with the word's capital and the newsroom's tone
 * placement (remembered: the dictionary takes ~10 ms a word). The spelling rule and the editor's panel ask here.
 */
export function spellingSuggestions(word: string, speller: Speller, toneStyle: ProofSettings['toneStyle']): string[] {
  const seen = memo(suggestedFor, speller)
  const key = `${toneStyle}:${word}`
  let list = seen.get(key)
  if (!list) {
    const capital = word[0] !== word[0].toLowerCase()
    const cased = (w: string) => (capital ? w[0].toUpperCase() + w.slice(1) : w)
    // typed in Telex with the input method off: the word meant (with its capital: Việt), before the dictionary's guesses
    const telex = fromTelex(word).map(cased).filter((w) => known(w, speller))
    const guesses = [...telex, ...speller.suggest(normaliseToneStyle(word.toLowerCase(), 'old')).map(cased)].map((w) => toToneStyle(w, toneStyle))
    list = [...new Set(guesses)].slice(0, 5)
    seen.set(key, list)
  }
  return list
}

/** The start of a name written with hyphens, up to the hyphen before a syllable: a word with a capital, then syllables. */
const HYPHENATED_NAME = /(?<![\p{L}\p{M}])\p{Lu}[\p{L}\p{M}]*(?:-[\p{L}\p{M}]+)*-$/u

export function spelling(s: Segment, ctx: RuleContext): Problem[] {
  if (s.field === 'author' || s.field === 'source') return []
  const out: Problem[] = []
  const skip = ignoredSpans(s)
  const quoted = quotedSpans(s.text)
  for (const m of s.text.matchAll(SYLLABLE)) {
    const word = m[0]
    const at = m.index
    if (inside(skip, at) || word.length < 2) continue
    // a syllable stuck to digits (COVID-19, 5G), an acronym (HĐND), a name (a capital mid-sentence)
    if (/\d/.test(s.text[at - 1] ?? '') || /\d/.test(s.text[at + word.length] ?? '')) continue
    if (word === word.toUpperCase()) continue
    // a capital inside a word: a brand or a title's abbreviation (iPhone, YouTube, ThS), never a Vietnamese word
    if (/\p{Ll}\p{Lu}/u.test(word)) continue
    // a syllable of a hyphenated name, the name starting with a capital (Kim Sang-sik, Ô-xtrây-li-a)
    if (s.text[at - 1] === '-' && HYPHENATED_NAME.test(s.text.slice(Math.max(0, at - 80), at))) continue
    const capital = word[0] !== word[0].toLowerCase()
    const before = s.text.slice(0, at).trimEnd()
    // (a tag is a sentence of its own: its first word is checked, a capital after it is a name, as in Đà Nẵng)
    const sentenceStart = before === '' || /[.!?…:“"«(\n]$/.test(before)
    if (capital && !sentenceStart) continue
    // a foreign word in quotes ("lockdown", “start-up”) is the writer's choice
    if (inside(quoted, at) && !VIETNAMESE_MARK.test(word)) continue
    const lower = word.toLowerCase()
    if (NEWSROOM_WORDS.has(lower) || ctx.personal.has(fold(lower)) || ctx.personal.has(lower)) continue
    if (known(lower, ctx.speller)) continue
    const suggestions = ctx.suggestionsLeft-- > 0 ? spellingSuggestions(word, ctx.speller, ctx.settings.toneStyle) : []
    out.push(problem('spelling', s, at, at + word.length, say(ctx, { vi: '“{w}” không có trong từ điển', en: '“{w}” is not in the dictionary' }, { w: word }), suggestions))
  }
  return out
}

// ---------- confusable ----------
const PAIRS = (confusableList.pairs as Array<{ wrong: string; right: string }>).map((p) => ({
  ...p,
  re: new RegExp(`(?<![\\p{L}\\p{M}])${normaliseToneStyle(p.wrong, 'old')}(?![\\p{L}\\p{M}])`, 'gu'),
  /** Its last syllable: a text without it needs no closer look. */
  last: normaliseToneStyle(p.wrong, 'old').split(' ').pop()!
}))

export function confusable(s: Segment, ctx: RuleContext): Problem[] {
  const out: Problem[] = []
  const text = normaliseToneStyle(nfc(s.text).toLowerCase(), 'old')
  for (const p of PAIRS) {
    if (!text.includes(p.last)) continue
    for (const m of text.matchAll(p.re)) {
      const found = s.text.slice(m.index, m.index + p.wrong.length)
      const right = toToneStyle(p.right, ctx.settings.toneStyle)
      const fixed = found[0] !== found[0].toLowerCase() ? right[0].toUpperCase() + right.slice(1) : right
      out.push(problem('confusable', s, m.index, m.index + found.length, say(ctx, { vi: 'Viết đúng là “{r}”', en: 'The right spelling is “{r}”' }, { r: fixed }), [normaliseToneStyle(fixed, ctx.settings.toneStyle)]))
    }
  }
  return out
}

// ---------- placeholder ----------
const PLACEHOLDERS = /(?<![\p{L}\p{N}])(?:TK|XXX+|TODO|FIXME)(?![\p{L}\p{N}])|\?{2,}|\[\s*(?:…|\.{3})\s*\]|[([]\s*(?:cần kiểm tra|kiểm tra lại|cần xác minh|chờ xác nhận|bổ sung sau|to come|check)\s*[)\]]/giu

export function placeholder(s: Segment, ctx: RuleContext): Problem[] {
  const skip = ignoredSpans(s)
  return [...s.text.matchAll(PLACEHOLDERS)]
    // TK and XXX only in capitals (tk is a syllable)
    .filter((m) => !inside(skip, m.index) && (!/^(tk|xxx+)$/i.test(m[0]) || m[0] === m[0].toUpperCase()))
    .map((m) => problem('placeholder', s, m.index, m.index + m[0].length, say(ctx, { vi: 'Chỗ đánh dấu còn sót: “{p}”', en: 'A placeholder is left in: “{p}”' }, { p: m[0] })))
}

// ---------- spacing ----------
export function spacing(s: Segment, ctx: RuleContext): Problem[] {
  const out: Problem[] = []
  const skip = ignoredSpans(s)
  const add = (re: RegExp, fix: (m: RegExpMatchArray) => string, message: Say) => {
    for (const m of s.text.matchAll(re)) if (!inside(skip, m.index!)) out.push(problem('spacing', s, m.index!, m.index! + m[0].length, say(ctx, message), [fix(m)]))
  }
  add(/[ \u00a0]+([,.;:!?])(?![.\p{L}\p{N}])/gu, (m) => m[1], { vi: 'Thừa dấu cách trước dấu câu', en: 'A space before punctuation' })
  add(/([,;:!?])(?=[\p{L}])/gu, (m) => m[1] + ' ', { vi: 'Thiếu dấu cách sau dấu câu', en: 'No space after punctuation' })
  add(/(?<=\S) {2,}(?=\S)/gu, () => ' ', { vi: 'Hai dấu cách liền nhau', en: 'Two spaces in a row' })
  add(/([“(\[‘«])[ \u00a0]+/gu, (m) => m[1], { vi: 'Thừa dấu cách sau dấu mở ngoặc', en: 'A space inside the opening quote or bracket' })
  add(/(?<=\S)[ \u00a0]+([”)\]’»])/gu, (m) => m[1], { vi: 'Thừa dấu cách trước dấu đóng ngoặc', en: 'A space inside the closing quote or bracket' })
  return out
}

// ---------- quotes ----------
export function quotes(s: Segment, ctx: RuleContext): Problem[] {
  const out: Problem[] = []
  const skip = ignoredSpans(s)
  if (ctx.settings.quoteStyle === 'curly') {
    for (const m of s.text.matchAll(/"/g)) {
      if (inside(skip, m.index)) continue
      const opening = m.index === 0 || /[\s([{–—-]/.test(s.text[m.index - 1])
      out.push(problem('quotes', s, m.index, m.index + 1, say(ctx, { vi: 'Dùng ngoặc kép “ ” theo quy định của tòa soạn', en: 'The house style uses “ ” quotes' }), [opening ? '“' : '”']))
    }
  } else {
    for (const m of s.text.matchAll(/[“”]/g)) out.push(problem('quotes', s, m.index, m.index + 1, say(ctx, { vi: 'Tòa soạn dùng ngoặc kép thẳng "', en: 'The house style uses straight " quotes' }), ['"']))
  }
  // unbalanced pairs: the mark left without its partner
  for (const [open, close] of [['“', '”'], ['(', ')'], ['[', ']']]) {
    const stack: number[] = []
    const lonely: number[] = []
    for (let i = 0; i < s.text.length; i++) {
      if (inside(skip, i)) continue
      if (s.text[i] === open) stack.push(i)
      else if (s.text[i] === close) stack.length ? stack.pop() : lonely.push(i)
    }
    for (const i of [...stack, ...lonely].sort((a, b) => a - b))
      out.push(problem('quotes', s, i, i + 1, say(ctx, { vi: 'Dấu “{m}” không có dấu đóng/mở tương ứng', en: '“{m}” has no matching mark' }, { m: s.text[i] })))
  }
  return out
}

// ---------- tone style ----------
export function toneStyle(s: Segment, ctx: RuleContext): Problem[] {
  const want = ctx.settings.toneStyle
  const out: Problem[] = []
  for (const m of s.text.matchAll(SYLLABLE)) {
    const style = toneStyleOf(m[0])
    if (!style || style === want) continue
    const fixed = toToneStyle(m[0], want)
    out.push(
      problem('tone-style', s, m.index, m.index + m[0].length, say(ctx, want === 'new' ? { vi: 'Bỏ dấu kiểu cũ (“{w}”); tòa soạn viết “{f}”', en: 'Old tone-mark placement (“{w}”); the newsroom writes “{f}”' } : { vi: 'Bỏ dấu kiểu mới (“{w}”); tòa soạn viết “{f}”', en: 'New tone-mark placement (“{w}”); the newsroom writes “{f}”' }, { w: m[0], f: fixed }), [fixed])
    )
  }
  return out
}

// ---------- legacy encoding ----------
const TCVN3_SIGN = /[µ¸¶·¹¨»¾¼½Æ©ÇËÌÎÏÑªÒÖ×ØÜÞß®«¬\u00ad÷þ¡¢§£¤¥¦]/u
const VNI_SIGN = /[aeiouyAEIOUY][ùøûõïäåëüÙØÛÕÏÄÅËÜ]|ñ[aeiouôö]|ö[ôaø]/u

/** How many words of a text (not acronyms, not single letters) the dictionary does not know. */
export function unknownWords(text: string, speller: Speller): number {
  let n = 0
  for (const m of text.matchAll(SYLLABLE)) if (m[0].length > 1 && m[0] !== m[0].toUpperCase() && !known(m[0].toLowerCase(), speller)) n++
  return n
}

export type LegacyEncoding = 'TCVN3' | 'VNI'
export const LEGACY_CONVERTERS: Record<LegacyEncoding, (text: string) => string> = { TCVN3: fromTcvn3, VNI: fromVni }

const LEGACY_SIGNS = new RegExp(`${TCVN3_SIGN.source}|${VNI_SIGN.source}`, 'gu')

/**
 * Whether a text shows the marks of TCVN3 or VNI often enough to be written in one (cheap: only then is
 * the dictionary asked). Text in those encodings shows them in most words; a Unicode text may hold a
 * stray pair (“ù” after a vowel) or a “«” now and then, which is no reason to read it against the dictionary.
 */
export function mayBeLegacy(text: string): boolean {
  let signs = 0
  for (const _ of text.matchAll(LEGACY_SIGNS)) signs++
  if (signs === 0) return false
  let words = 1
  for (let i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) words++
  // one word in twenty or more
  return signs * 20 >= words
}

/** Whether a text reads as TCVN3 or VNI (most words the dictionary does not know, it knows once converted), and its conversion. */
export function legacyConversion(text: string, speller: Speller): { encoding: LegacyEncoding; text: string } | null {
  let before = -1
  for (const [encoding, sign, convert] of [['TCVN3', TCVN3_SIGN, fromTcvn3], ['VNI', VNI_SIGN, fromVni]] as const) {
    if (!sign.test(text)) continue
    if (before < 0) before = unknownWords(text, speller)
    if (before === 0) return null
    const converted = convert(text)
    const after = unknownWords(converted, speller)
    // most of what the dictionary did not know, it knows after the conversion
    if (before - after >= Math.max(1, Math.ceil(before / 2))) return { encoding, text: converted }
  }
  return null
}

export function legacyEncoding(s: Segment, ctx: RuleContext): Problem[] {
  const found = legacyConversion(s.text, ctx.speller)
  if (!found) return []
  return [problem('legacy-encoding', s, 0, s.text.length, say(ctx, { vi: 'Chữ gõ bằng bảng mã {e} cũ; chuyển sang Unicode', en: 'Text in the old {e} encoding; convert it to Unicode' }, { e: found.encoding }), [found.text])]
}

// ---------- length ----------
export function length(segments: Segment[], body: { size: number }, ctx: RuleContext): Problem[] {
  const out: Problem[] = []
  const { titleMaxChars, sapoMaxWords, bodyMinWords, bodyMaxWords } = ctx.settings
  const title = segments.find((s) => s.field === 'title')!
  const chars = [...title.text].length
  if (chars > titleMaxChars) out.push(problem('length', title, 0, title.text.length, say(ctx, { vi: 'Tiêu đề dài {n} ký tự (tối đa {max})', en: 'The title is {n} characters long (at most {max})' }, { n: chars, max: titleMaxChars })))
  const sapo = segments.find((s) => s.field === 'sapo')!
  const sapoWords = wordCount(sapo.text)
  if (sapoWords > sapoMaxWords) out.push(problem('length', sapo, 0, sapo.text.length, say(ctx, { vi: 'Sapo dài {n} chữ (tối đa {max})', en: 'The sapo is {n} words long (at most {max})' }, { n: sapoWords, max: sapoMaxWords })))
  const words = wordCount(segments.filter((s) => s.field === 'body' || s.field === 'caption').map((s) => s.text).join('\n'))
  const whole: Segment = { field: 'body', text: '', pos: (o) => o }
  if (words < bodyMinWords) out.push({ ...problem('length', whole, 0, body.size, say(ctx, { vi: 'Thân bài có {n} chữ (ít nhất {min})', en: 'The body has {n} words (at least {min})' }, { n: words, min: bodyMinWords })) })
  if (words > bodyMaxWords) out.push({ ...problem('length', whole, 0, body.size, say(ctx, { vi: 'Thân bài dài {n} chữ (tối đa {max})', en: 'The body is {n} words long (at most {max})' }, { n: words, max: bodyMaxWords })) })
  return out
}

// ---------- required ----------
export interface RequiredInput {
  title: string
  sapo: string
  category: string
  author: string
  source: string
  /** Each photo: its position in the body, caption and credit. */
  photos: Array<{ pos: number; size: number; caption: string; credit: string }>
}

export function required(a: RequiredInput, ctx: RuleContext): Problem[] {
  const out: Problem[] = []
  const need = (field: Problem['field'], message: Say, from = 0, to = 0) => out.push({ rule: 'required', field, from, to, text: '', message: say(ctx, message), suggestions: [] })
  if (!a.title.trim()) need('title', { vi: 'Cần có tiêu đề', en: 'A title is needed' })
  if (!a.sapo.trim()) need('sapo', { vi: 'Cần có sapo', en: 'A sapo is needed' })
  if (!a.category.trim()) need('category', { vi: 'Cần chọn chuyên mục', en: 'A category is needed' })
  if (!a.author.trim() && !a.source.trim()) need('author', { vi: 'Cần tác giả hoặc nguồn tin', en: 'An author or a source is needed' })
  for (const p of a.photos) {
    if (!p.caption.trim()) need('caption', { vi: 'Ảnh chưa có chú thích', en: 'A photo has no caption' }, p.pos, p.pos + p.size)
    if (!p.credit.trim()) need('caption', { vi: 'Ảnh chưa ghi tác giả (Ảnh: …)', en: 'A photo has no credit (Photo: …)' }, p.pos, p.pos + p.size)
  }
  return out
}

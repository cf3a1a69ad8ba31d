/** Text rules shared by the editor, the store, importers and export. Vietnamese-first. */

/** NFC-normalise a text; every text entering the system goes through this. */
export function nfc(text: string): string {
  return text.normalize('NFC')
}

/** C0 controls other than tab and line feed, DEL and the C1 controls: never meaningful in an article. */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g

/**
 * Texts cleanText leaves as they are, told without its work: printable characters below U+0300 (no
 * control, no carriage return, nothing NFC changes: combining marks start at U+0300), the precomposed
 * Vietnamese letters (U+1E00–U+1EFF) and the usual dashes, quotes and ellipsis (U+2010–U+2027). Most stored
 * texts are; a test checks each of these characters, and pairs of them, against the definition.
 */
export const ALREADY_CLEAN = /^[\x20-\x7e\u00a0-\u02ff\u1e00-\u1eff\u2010-\u2027]*$/
export const ALREADY_CLEAN_LINES = /^[\t\n\x20-\x7e\u00a0-\u02ff\u1e00-\u1eff\u2010-\u2027]*$/

/**
 * A text as stored: NFC, without control characters (ESC, NUL, …). A carriage return becomes a line feed.
 * Tab and line feed are kept where the field allows lines (body text), else they become spaces.
 */
export function cleanText(text: string, { lines = false }: { lines?: boolean } = {}): string {
  return (lines ? ALREADY_CLEAN_LINES : ALREADY_CLEAN).test(text) ? text : cleanTextSlowly(text, { lines })
}

/** The definition of cleanText, for any text. */
export function cleanTextSlowly(text: string, { lines }: { lines: boolean }): string {
  const unified = text.replace(/\r\n?/g, '\n')
  const kept = unified.replace(CONTROLS, '')
  return nfc(lines ? kept : kept.replace(/[\t\n]/g, ' '))
}

/**
 * Fold a text for search and comparison: decompose, strip combining marks,
 * map đ/Đ to d, lowercase. `Đảng viên` → `dang vien`, `Nguyễn` → `nguyen`.
 */
export function fold(text: string): string {
  return foldByTable(text) ?? foldSlowly(text)
}

/** The definition of folding, for any text. */
export function foldSlowly(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
}

/**
 * Folding character by character, from a table filled as characters are met (6× faster than foldSlowly):
 * the same result wherever no character needs its neighbours (a property test holds the two together).
 * Null for a text with such a character — one that folds to several, a capital sigma (its lowercase
 * depends on what follows), a combining mark that folding keeps (decomposition may reorder marks), a
 * surrogate — or on a big-endian machine.
 */
export function foldByTable(text: string): string | null {
  const n = text.length
  // a big text gets its own buffer (the shared one stays small)
  const out = n <= SHARED_FOLD_CHARS ? sharedFoldBuffer : new Uint16Array(n)
  let k = 0
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i)
    let to = FOLDED[c]
    if (to === UNKNOWN) to = FOLDED[c] = foldedCode(c)
    if (to >= 0) out[k++] = to
    else if (to === COMPLEX) return null
  }
  return LITTLE_ENDIAN ? utf16.decode(out.subarray(0, k)) : null
}

const UNKNOWN = -3
const COMPLEX = -2
const DROPPED = -1
const FOLDED = new Int32Array(0x10000).fill(UNKNOWN)
const KEPT_MARK = /\p{M}/u
function foldedCode(c: number): number {
  if ((c >= 0xd800 && c <= 0xdfff) || c === 0x3a3) return COMPLEX
  const ch = String.fromCharCode(c)
  if (KEPT_MARK.test(ch) && !(c >= 0x300 && c <= 0x36f)) return COMPLEX
  const folded = foldSlowly(ch)
  return folded.length === 0 ? DROPPED : folded.length === 1 ? folded.charCodeAt(0) : COMPLEX
}
const SHARED_FOLD_CHARS = 1 << 16
const sharedFoldBuffer = new Uint16Array(SHARED_FOLD_CHARS)
const utf16 = new TextDecoder('utf-16le', { ignoreBOM: true })
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1

/** Folded words of a text (letters and digits), for indexing and queries. */
export function foldedWords(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? []
}

/** Trim, NFC-normalise and deduplicate tags case- and diacritic-insensitively; first spelling and order kept. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const raw of tags) {
    const tag = cleanText(raw).replace(/\s+/g, ' ').trim()
    if (!tag) continue
    const key = fold(tag)
    if (seen.has(key)) continue
    seen.add(key)
    out.push(tag)
  }
  return out
}

/** Words of a text: every Vietnamese syllable (space-separated unit with a letter or digit) counts as one word. */
export function wordCount(text: string): number {
  return wordCountByTable(text) ?? wordCountSlowly(text)
}

/** The definition of a word: a letter or digit, then letters, digits, marks and ' ’ . , : / - */
export function wordCountSlowly(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.,:/-]*/gu)?.length ?? 0
}

/**
 * Words counted character by character from a table filled as characters are met (no list of the words
 * is made: a save counts its body's words); null for a text with a surrogate (a character outside the BMP),
 * left to the definition. A property test holds the two together.
 */
export function wordCountByTable(text: string): number | null {
  let words = 0
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    let kind = WORD_CLASS[c]
    if (kind === UNSEEN) kind = WORD_CLASS[c] = wordClassOf(c)
    if (kind === STARTS) {
      if (!inWord) words++
      inWord = true
    } else if (kind === OUTSIDE) inWord = false
    else if (kind === SURROGATE) return null
    // CONTINUES: goes on with a word, starts none
  }
  return words
}

const [OUTSIDE, CONTINUES, STARTS, SURROGATE, UNSEEN] = [0, 1, 2, 3, 4]
const WORD_CLASS = new Uint8Array(0x10000).fill(UNSEEN)
function wordClassOf(c: number): number {
  if (c >= 0xd800 && c <= 0xdfff) return SURROGATE
  const ch = String.fromCharCode(c)
  return /[\p{L}\p{N}]/u.test(ch) ? STARTS : /[\p{M}'’.,:/-]/u.test(ch) ? CONTINUES : OUTSIDE
}

/** Characters as a reader sees them (grapheme-ish: NFC code points, line breaks excluded). */
export function charCount(text: string): number {
  let n = 0
  for (const ch of nfc(text)) if (ch !== '\n' && ch !== '\r') n++
  return n
}

/** Reading time in whole minutes at about 200 Vietnamese words a minute (at least 1 for any text). */
export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / 200))
}

/** A Vietnamese-aware URL/file slug: đ→d, diacritics removed, lowercase, hyphens. */
export function slugify(text: string): string {
  return fold(nfc(text))
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

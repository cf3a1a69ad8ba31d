/** Text rules shared by the editor, the store, importers and export. Vietnamese-first. */

/** NFC-normalise a text; every text entering the system goes through this. */
export function nfc(text: string): string {
  return text.normalize('NFC')
}

/** C0 controls other than tab and line feed, DEL and the C1 controls: never meaningful in an article. */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g

/**
 * A text as stored: NFC, without control characters (ESC, NUL, …). A carriage return becomes a line feed.
 * Tab and line feed are kept where the field allows lines (body text), else they become spaces.
 */
export function cleanText(text: string, { lines = false }: { lines?: boolean } = {}): string {
  const unified = text.replace(/\r\n?/g, '\n')
  const kept = unified.replace(CONTROLS, '')
  return nfc(lines ? kept : kept.replace(/[\t\n]/g, ' '))
}

/**
 * Fold a text for search and comparison: decompose, strip combining marks,
 * map đ/Đ to d, lowercase. `Đảng viên` → `dang vien`, `Nguyễn` → `nguyen`.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
}

const WORD = /[\p{L}\p{N}]+/gu
/** Whitespace (JavaScript's \s but U+FEFF, which lowercasing looks through: Σ before it may not end a word). */
const SPACES = /[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/
/** Folded words of each whitespace-separated piece of text seen lately (articles repeat their words). */
const foldedPieces = new Map<string, string[]>()

/**
 * Folded words of a text (letters and digits), for indexing and queries. Folded piece by piece between
 * whitespace, which gives what folding the whole text gives (no decomposition, mark or lowercasing rule
 * reaches across whitespace) at half the cost, since pieces repeat.
 */
export function foldedWords(text: string): string[] {
  const out: string[] = []
  for (const piece of text.split(SPACES)) {
    let words = foldedPieces.get(piece)
    if (words === undefined) {
      words = fold(piece).match(WORD) ?? []
      if (foldedPieces.size >= 50_000) foldedPieces.clear()
      foldedPieces.set(piece, words)
    }
    for (const w of words) out.push(w)
  }
  return out
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
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.,:/-]*/gu)?.length ?? 0
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

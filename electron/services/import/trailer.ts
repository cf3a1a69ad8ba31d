/** Trailer metadata lines at the end of a draft: `Từ khóa:`, `Thể loại:`, `Tác giả:`, `Nguồn tin:` and English forms. */

export interface TrailerMeta {
  tags?: string[]
  category?: string
  author?: string
  source?: string
}

/** How exports write the trailer lines (each is one of the forms read below), in the article's language. */
export const TRAILER_LABELS: Record<'vi' | 'en', Record<keyof TrailerMeta, string>> = {
  vi: { tags: 'Từ khóa', category: 'Thể loại', author: 'Tác giả', source: 'Nguồn tin' },
  en: { tags: 'Tags', category: 'Category', author: 'Author', source: 'Source' }
}

const RULES: Array<[RegExp, keyof TrailerMeta]> = [
  [/^(?:từ khóa|từ khoá|tags?|keywords?)\s*:\s*(.*)$/iu, 'tags'],
  [/^(?:thể loại|chuyên mục|category|section)\s*:\s*(.*)$/iu, 'category'],
  [/^(?:tác giả|author)\s*:\s*(.*)$/iu, 'author'],
  [/^(?:nguồn tin|nguồn|source)\s*:\s*(.*)$/iu, 'source']
]

/** If `line` is a trailer line, which field and value. */
export function trailerLine(line: string): [keyof TrailerMeta, string] | null {
  for (const [re, field] of RULES) {
    const m = re.exec(line.trim())
    if (m) return [field, m[1].trim()]
  }
  return null
}

export function applyTrailer(meta: TrailerMeta, field: keyof TrailerMeta, value: string): void {
  if (field === 'tags') meta.tags = value.split(/[,;]/).map((t) => t.trim()).filter(Boolean)
  else meta[field] = value
}

/** Take trailer lines off the end of `lines` (blank lines between them allowed); returns the rest and the metadata. */
export function takeTrailer(lines: readonly string[]): { lines: string[]; meta: TrailerMeta } {
  const meta: TrailerMeta = {}
  let end = lines.length
  let cut = lines.length
  while (end > 0) {
    const line = lines[end - 1]
    if (!line.trim()) {
      end--
      continue
    }
    const hit = trailerLine(line)
    if (!hit || meta[hit[0]] !== undefined) break
    applyTrailer(meta, hit[0], hit[1])
    end--
    cut = end
  }
  return { lines: lines.slice(0, cut), meta }
}

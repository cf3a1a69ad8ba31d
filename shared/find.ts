/**
 * Find and replace, for the open article (title, sapo, body with captions) and across the store: plain text
 * or a regular expression, match case, whole word, and accent-insensitive (`dang vien` finds `đảng viên`:
 * both sides folded, one character for one, so a match maps back to the original text).
 */
export interface FindOptions {
  find: string
  regex?: boolean
  matchCase?: boolean
  wholeWord?: boolean
  accentInsensitive?: boolean
}

/** Each character folded alone (đ→d, ễ→e, case kept), remembered: a text repeats its letters. */
const folded = new Map<string, string>()
function foldChar(c: string): string {
  let f = folded.get(c)
  if (f === undefined) {
    const base = c.normalize('NFD').replace(/[\u0300-\u036f]/g, '') || c
    const d = base === 'đ' ? 'd' : base === 'Đ' ? 'D' : base
    folded.set(c, (f = d.length === 1 ? d : c))
  }
  return f
}

/** Fold each character alone (case kept for match-case): the folded text has the original's length. */
function foldEach(text: string, matchCase: boolean): string {
  let out = ''
  for (let i = 0; i < text.length; i++) out += text.charCodeAt(i) < 0xc0 ? text[i] : foldChar(text[i])
  return matchCase ? out : out.toLowerCase().length === out.length ? out.toLowerCase() : out
}

/** The expression a search runs, or an error message naming what is wrong with it. */
export function searchPattern(o: FindOptions): RegExp | { error: string } {
  if (!o.find) return { error: 'nothing to find' }
  let source = o.regex ? o.find : o.find.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  if (o.accentInsensitive) source = foldEach(source, !!o.matchCase)
  if (o.wholeWord) source = `(?<![\\p{L}\\p{M}\\p{N}])(?:${source})(?![\\p{L}\\p{M}\\p{N}])`
  try {
    return new RegExp(source, 'gu' + (o.matchCase ? '' : 'i'))
  } catch (err) {
    return { error: `the regular expression is not valid: ${(err as Error).message}` }
  }
}

/** Where `pattern` matches in `text` (empty matches skipped). */
export function findIn(text: string, pattern: RegExp, o: FindOptions): Array<{ from: number; to: number }> {
  const haystack = o.accentInsensitive ? foldEach(text, !!o.matchCase) : text
  const out: Array<{ from: number; to: number }> = []
  for (const m of haystack.matchAll(pattern)) if (m[0]) out.push({ from: m.index, to: m.index + m[0].length })
  return out
}

/**
 * What replaces the match `from`–`to` of `text`: the replacement, for a regular expression (not in
 * accent-insensitive mode) with $1, $&, $<name>… filled in as String.replace fills them, from the match made
 * again in place (sticky, at `from`): its lookbehind and lookahead see the text around it, as they did when
 * it was found.
 */
export function replacementFor(text: string, from: number, to: number, pattern: RegExp, o: FindOptions, replacement: string): string {
  if (!o.regex || o.accentInsensitive) return replacement
  const here = new RegExp(pattern.source, pattern.flags.replace('g', '') + 'y')
  here.lastIndex = from
  const replaced = text.replace(here, replacement)
  return replaced.slice(from, replaced.length - (text.length - to))
}

/** Replace every match in a text; how many. */
export function replaceAll(text: string, pattern: RegExp, o: FindOptions, replacement: string): { text: string; count: number } {
  const hits = findIn(text, pattern, o)
  let out = ''
  let at = 0
  for (const h of hits) {
    out += text.slice(at, h.from) + replacementFor(text, h.from, h.to, pattern, o, replacement)
    at = h.to
  }
  return { text: out + text.slice(at), count: hits.length }
}

interface JsonNode {
  type: string
  text?: string
  content?: JsonNode[]
}

/**
 * Replace in an article's title, sapo and body (each text node, captions too: a match never spans two
 * differently formatted pieces): the patch, how many replacements, and a few of them in context.
 */
export function replaceInArticle(
  a: { title: string; sapo: string; body: unknown },
  o: FindOptions,
  replacement: string
): { patch: { title?: string; sapo?: string; body?: unknown }; count: number; samples: Array<{ before: string; after: string }> } | { error: string } {
  const pattern = searchPattern(o)
  if (!(pattern instanceof RegExp)) return pattern
  const samples: Array<{ before: string; after: string }> = []
  let count = 0
  const sample = (text: string) => {
    for (const h of findIn(text, pattern, o)) {
      if (samples.length >= 3) return
      const start = Math.max(0, h.from - 24)
      const end = Math.min(text.length, h.to + 24)
      samples.push({ before: (start ? '…' : '') + text.slice(start, end) + (end < text.length ? '…' : ''), after: (start ? '…' : '') + text.slice(start, h.from) + replacementFor(text, h.from, h.to, pattern, o, replacement) + text.slice(h.to, end) + (end < text.length ? '…' : '') })
    }
  }
  const patch: { title?: string; sapo?: string; body?: unknown } = {}
  for (const field of ['title', 'sapo'] as const) {
    const r = replaceAll(a[field], pattern, o, replacement)
    if (r.count) (sample(a[field]), (patch[field] = r.text), (count += r.count))
  }
  let inBody = 0
  const walk = (n: JsonNode): JsonNode => {
    if (typeof n.text === 'string') {
      const r = replaceAll(n.text, pattern, o, replacement)
      if (!r.count) return n
      sample(n.text)
      inBody += r.count
      return { ...n, text: r.text }
    }
    return n.content ? { ...n, content: n.content.map(walk) } : n
  }
  const body = walk(a.body as JsonNode)
  if (inBody) (patch.body = dropEmptyText(body)), (count += inBody)
  return { patch, count, samples }
}

/** Text nodes a replacement emptied go (ProseMirror has no empty text node). */
function dropEmptyText(n: JsonNode): JsonNode {
  if (!n.content) return n
  return { ...n, content: n.content.filter((c) => c.text !== '').map(dropEmptyText) }
}

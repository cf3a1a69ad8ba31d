/**
 * YAML front matter, read and written by us with the `yaml` package (core schema: plain data, no tags that
 * build objects, nothing that runs). Only YAML is read: a block that names another language (`---js`,
 * `--- javascript`, `---toml` …) is refused, never evaluated. The body is never parsed as front matter
 * when writing, so a body that starts with a rule (`---`) comes back whole.
 */
import { parse, stringify } from 'yaml'
import { FrontMatterError } from '../errors'

/** Front matter larger than this is refused (metadata of an article is a few KB). */
export const MAX_FRONT_MATTER_CHARS = 256 * 1024

const OPENING = /^---([^\n]*)\n/
/**
 * The closing line, `---` or `...`, alone on a line. Lines end at \n (and \r\n): not with the `m` flag, for
 * which a line separator (U+2028, pasted from InDesign or a PDF) inside a quoted value ends a line too, so
 * that `"\u2028..."` in a sapo closed the front matter there and the other fields fell into the body.
 */
const CLOSING = /(?<=^|\n)(?:---|\.\.\.)[ \t]*\r?(?=\n|$)/

/**
 * Split a Markdown text into its front matter (a YAML mapping) and body. A text with no front matter,
 * or whose `---` block is not a mapping (a thematic break and a setext heading, say), is all body.
 */
export function readFrontMatter(text: string): { data: Record<string, unknown>; body: string; hasFrontMatter: boolean } {
  const none = { data: {}, body: text, hasFrontMatter: false }
  const open = OPENING.exec(text)
  if (!open) return none
  const language = open[1].trim()
  // `----` or `--- *` is a thematic break, not the start of front matter
  if (language && !/^[A-Za-z]/.test(language)) return none
  if (language && !/^ya?ml$/i.test(language)) {
    throw new FrontMatterError(`the front matter is marked as "${language.slice(0, 40)}", not YAML; only YAML front matter is read (nothing in it was run)`)
  }
  const rest = text.slice(open[0].length)
  const close = CLOSING.exec(rest)
  if (!close) return none
  const source = rest.slice(0, close.index)
  if (source.length > MAX_FRONT_MATTER_CHARS) throw new FrontMatterError(`the front matter is larger than ${MAX_FRONT_MATTER_CHARS / 1024} KB`)
  let data: unknown
  try {
    data = parse(source, { schema: 'core', maxAliasCount: 100, uniqueKeys: false, prettyErrors: false, logLevel: 'error' })
  } catch (err) {
    const message = (err as Error).message
    // the parser recurses per level of nesting: `[[[[…` ends in a stack overflow, reported as a parse error
    if (/call stack/i.test(message)) throw new FrontMatterError('the front matter is nested too deeply')
    throw new FrontMatterError(`the front matter is not valid YAML: ${message.split('\n')[0]}`)
  }
  const after = rest.slice(close.index + close[0].length).replace(/^\n/, '')
  // nothing but blanks: an empty front matter; only comments (`## foo`): a rule and a heading, not metadata
  if (data === null || data === undefined) return source.trim() ? none : { data: {}, body: after, hasFrontMatter: true }
  if (typeof data !== 'object' || Array.isArray(data)) return none
  return { data: data as Record<string, unknown>, body: after, hasFrontMatter: true }
}

/** `---`, the fields as YAML, `---`, then the body exactly as given. */
export function writeFrontMatter(data: Record<string, unknown>, body: string): string {
  return `---\n${stringify(data, { schema: 'core', lineWidth: 0, aliasDuplicateObjects: false })}---\n${body}`
}

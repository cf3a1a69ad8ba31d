/**
 * An article's metadata as every export states it, never empty where a reader or a search engine expects
 * something: the description falls back to the body's first paragraph, the byline to the source, the
 * headline to the description; dates carry their time zone. Used by the HTML page (meta, Open Graph,
 * JSON-LD), ninjs, Word and PDF alike.
 */
import type { Article } from './article'
import { jsonText } from './doc'

/** Google's guidance for NewsArticle headlines: at most 110 characters. */
const MAX_HEADLINE = 110
/** About what a search result shows of a description. */
const DESCRIPTION_LENGTH = 160

/** Cut `text` at a word boundary to at most `max` characters, marking the cut with an ellipsis. */
export function trimAtWord(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()]
  if (chars.length <= max) return chars.join('')
  const cut = chars.slice(0, max - 1).join('')
  const space = cut.lastIndexOf(' ')
  return (space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '') + '…'
}

/** The text of the body's first paragraph with words in it (a photo's caption or an empty line is not one). */
function firstParagraph(body: unknown): string {
  for (const block of ((body as { content?: unknown[] })?.content ?? []) as Array<{ type?: string }>) {
    if (block.type !== 'paragraph' && block.type !== 'blockquote') continue
    const text = jsonText(block).replace(/\s+/g, ' ').trim()
    if (/[\p{L}\p{N}]/u.test(text)) return text
  }
  return ''
}

/** The description: the sapo, else the first paragraph cut at a word near 160 characters. */
export function descriptionOf(a: Pick<Article, 'sapo' | 'body'>): string {
  return a.sapo.trim() || trimAtWord(firstParagraph(a.body), DESCRIPTION_LENGTH)
}

/** Who the byline names: the author, else the source (a news agency, the newsroom). */
export function bylineOf(a: Pick<Article, 'author' | 'source'>): { type: 'Person' | 'Organization'; name: string } | null {
  if (a.author.trim()) return { type: 'Person', name: a.author.trim() }
  if (a.source.trim()) return { type: 'Organization', name: a.source.trim() }
  return null
}

/** The headline for metadata: the title (cut to 110 characters), else the description's start. */
export function headlineOf(a: Pick<Article, 'title' | 'sapo' | 'body'>): string {
  return trimAtWord(a.title.trim() || descriptionOf(a), MAX_HEADLINE)
}

/**
 * When the article was published, as an instant with its time zone: its date at the start of the day in
 * the newsroom's zone (Vietnam: UTC+7, no daylight saving), else when it was created.
 */
export function publishedAt(a: Pick<Article, 'date' | 'createdAt' | 'language'>): string {
  if (!a.date) return a.createdAt
  return `${a.date}T00:00:00${a.language === 'vi' ? '+07:00' : 'Z'}`
}

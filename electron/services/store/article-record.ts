/** Pure helpers of the store: reading an article file's text, and what the index keeps of an article. */
import { ArticleSchema, describeZodError, type Article, type ArticleMeta } from '../../../shared/article'
import { jsonText } from '../../../shared/doc'
import { wordCount } from '../../../shared/text'
import { jsonProblem } from './durable-file'

/** Parse and validate the text of an article file. */
export function parseArticle(text: string, id: string): { article: Article } | { problem: string } {
  const parsed = jsonProblem(text)
  if ('problem' in parsed) return parsed
  const r = ArticleSchema.safeParse(parsed.value)
  if (r.success && r.data.id === id) return { article: r.data }
  return { problem: r.success ? `file holds article ${r.data.id}, not ${id}` : `article does not match its schema: ${describeZodError(r.error)}` }
}

/** The text search indexes; `bodyText`: the body's text, when the caller has it already. */
export function searchText(a: Article, bodyText = jsonText(a.body)): string {
  return [a.title, a.sapo, a.tags.join(' '), a.author, a.source, bodyText].join('\n')
}

export function toMeta(a: Article, deletedAt?: string, bodyText = jsonText(a.body)): ArticleMeta {
  const meta: ArticleMeta = {
    id: a.id,
    title: a.title,
    category: a.category,
    tags: a.tags,
    author: a.author,
    source: a.source,
    date: a.date,
    status: a.status,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    words: wordCount(bodyText)
  }
  if (a.featuredImage) meta.featuredImage = a.featuredImage
  if (a.conflictOf) meta.conflictOf = a.conflictOf
  if (a.origin?.missing) meta.sourceMissing = true
  if (a.origin) meta.originFile = a.origin.file
  if (a.origin?.hash) meta.originHash = a.origin.hash
  if (deletedAt) meta.deletedAt = deletedAt
  return meta
}

export function sameContent(a: Article, b: Article): boolean {
  const strip = ({ updatedAt: _u, ...rest }: Article) => rest
  return JSON.stringify(strip(a)) === JSON.stringify(strip(b))
}

/** The first words (about ten) of the first line that differs between two versions' lines, '' if none does. */
export function firstDifference(older: string[], newer: string[]): string {
  const n = Math.max(older.length, newer.length)
  for (let i = 0; i < n; i++) {
    if (older[i] === newer[i]) continue
    const line = older[i] ?? newer[i]
    const words = line.split(/\s+/)
    return words.slice(0, 10).join(' ') + (words.length > 10 ? '…' : '')
  }
  return ''
}

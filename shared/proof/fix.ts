/** A fix of a problem in a one-line field (title, sapo, author, source, a tag): the field's new value. The body is fixed by the editor (a transaction) or by replacing in its JSON. */
import type { ArticleFields } from '../article'
import type { Problem } from './types'

export type FieldTexts = Pick<ArticleFields, 'title' | 'sapo' | 'author' | 'source' | 'tags'>

/** The patch that puts `replacement` where `p` is (null for the body, captions and category). */
export function applyFix(a: FieldTexts, p: Problem, replacement: string): Partial<FieldTexts> | null {
  const splice = (s: string) => s.slice(0, p.from) + replacement + s.slice(p.to)
  if (p.field === 'title' || p.field === 'sapo' || p.field === 'author' || p.field === 'source') return { [p.field]: splice(a[p.field]) }
  if (p.field === 'tags' && p.index !== undefined) return { tags: a.tags.map((t, i) => (i === p.index ? splice(t) : t)) }
  return null
}

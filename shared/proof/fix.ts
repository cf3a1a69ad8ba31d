/** A fix of a problem in a one-line field (title, sapo, author, source, a tag): the field's new value. The body is fixed by the editor (a transaction) or by replacing in its JSON. */
import type { ArticleFields } from '../article'
import type { Problem } from './types'

export type FieldTexts = Pick<ArticleFields, 'title' | 'sapo' | 'author' | 'source' | 'tags'>

/**
 * The patch that puts `replacement` where `p` is (null for the body, captions and category); 'moved' when the
 * field no longer holds the problem's text there (typed in since the check: check again, never splice blind).
 */
export function applyFix(a: FieldTexts, p: Problem, replacement: string): Partial<FieldTexts> | 'moved' | null {
  const splice = (s: string) => (s.slice(p.from, p.to) === p.text ? s.slice(0, p.from) + replacement + s.slice(p.to) : null)
  if (p.field === 'title' || p.field === 'sapo' || p.field === 'author' || p.field === 'source') {
    const fixed = splice(a[p.field])
    return fixed === null ? 'moved' : { [p.field]: fixed }
  }
  if (p.field === 'tags' && p.index !== undefined) {
    const fixed = splice(a.tags[p.index] ?? '')
    return fixed === null ? 'moved' : { tags: a.tags.map((t, i) => (i === p.index ? fixed : t)) }
  }
  return null
}

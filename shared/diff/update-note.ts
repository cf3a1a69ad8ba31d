/**
 * The newsroom's update note ("Cập nhật lúc 15:30 28/11/2026: …") for re-exporting an article that has
 * changed since it was sent: what changed, in a line the journalist can edit, put at the top of the body as
 * an italic paragraph of the exported copy (every format alike). The article itself is not changed.
 */
import type { ArticleFields } from '../article'
import { formatDateTime, type UiLanguage } from '../dates'
import { changesOf, type ArticleDiff, type DiffField } from './article-diff'

const FIELD_NAMES: Record<UiLanguage, Partial<Record<DiffField, string>>> = {
  vi: { title: 'tiêu đề', sapo: 'sapo', body: 'nội dung', category: 'chuyên mục', tags: 'từ khóa', author: 'tác giả', source: 'nguồn tin', date: 'ngày', related: 'tin liên quan', featuredImage: 'ảnh đại diện' },
  en: { title: 'headline', sapo: 'lead', body: 'text', category: 'category', tags: 'tags', author: 'author', source: 'source', date: 'date', related: 'related headlines', featuredImage: 'featured photo' }
}
const WORDS = {
  vi: { updated: 'Cập nhật lúc', edited: 'sửa', numbers: 'số liệu' },
  en: { updated: 'Updated at', edited: 'changed', numbers: 'figures' }
}

/** The suggested note: when, the fields that changed (not notes or status, which readers never see) and each number that changed. */
export function updateNoteText(diff: ArticleDiff, at: Date, language: UiLanguage = 'vi'): string {
  const names = FIELD_NAMES[language]
  const w = WORDS[language]
  const changes = changesOf(diff).filter((c) => c.kind !== 'diacritics')
  const fields = [...new Set(changes.filter((c) => c.kind !== 'number' && names[c.field]).map((c) => names[c.field]!))]
  const numbers = changes.filter((c) => c.kind === 'number' && c.removed && c.added).map((c) => `${c.removed} → ${c.added}`)
  const parts = [...(fields.length ? [`${w.edited} ${fields.join(', ')}`] : []), ...(numbers.length ? [`${w.numbers} ${numbers.join('; ')}`] : [])]
  return `${w.updated} ${formatDateTime(at, language)}${parts.length ? ': ' + parts.join('; ') : ''}.`
}

/** The article as exported with an update note: the note, in italics, as the body's first paragraph. */
export function withUpdateNote<T extends Pick<ArticleFields, 'body'>>(article: T, note: string): T {
  const text = note.trim()
  if (!text) return article
  const body = article.body as { type: 'doc'; content?: unknown[] }
  const paragraph = { type: 'paragraph', content: [{ type: 'text', text, marks: [{ type: 'em' }] }] }
  return { ...article, body: { ...body, content: [paragraph, ...(body.content ?? [])] } }
}

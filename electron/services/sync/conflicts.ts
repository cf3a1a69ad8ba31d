/**
 * Settling a sync conflict: keep the app's version, the file's version, both, or a merge of the two built
 * change by change in the compare dialog. Nothing is deleted for good.
 */
import { editableFields, type Article, type ArticlePatch } from '../../../shared/article'
import { type ArticleStore } from '../store/article-store'
import { NotFoundError, ValidationError } from '../errors'

export type ConflictChoice = 'app' | 'file' | 'both' | 'merge'

/** `merged`: with `merge`, the fields of the merged version (the app's text stays as a revision). */
export async function resolveConflict(store: ArticleStore, conflictId: string, keep: ConflictChoice, merged?: ArticlePatch): Promise<Article> {
  if ((keep === 'merge') !== (merged !== undefined)) throw new ValidationError(keep === 'merge' ? 'A merge needs the merged version' : 'Only a merge takes a merged version')
  const copy = await store.get(conflictId)
  if (!copy.conflictOf) throw new ValidationError(`Article ${conflictId} is not a conflict copy`)
  const original = await store.get(copy.conflictOf).catch(() => {
    throw new NotFoundError(`The article this conflict copy belongs to (${copy.conflictOf}) no longer exists`)
  })
  if (keep === 'both') {
    // the copy becomes an ordinary draft of its own, which no longer follows the file (the original does)
    return store.save(conflictId, {}, { extra: { conflictOf: undefined, origin: undefined } })
  }
  if (keep === 'file' || keep === 'merge') {
    const { status: _s, ...fields } = keep === 'merge' ? merged! : editableFields(copy)
    // the app's text stays as a revision of the article
    const saved = await store.save(original.id, fields, { reason: keep === 'merge' ? 'merge' : 'conflict' })
    await store.delete(conflictId)
    return saved
  }
  // keep the app's version: the copy goes to the trash (restorable)
  await store.delete(conflictId)
  return original
}

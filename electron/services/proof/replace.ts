/**
 * Replace across the store (the list's articles, or the ids given): what would change in each article —
 * how many replacements, a few in context — and, unless it is a dry run, one save per changed article with
 * the text before kept as a revision (reason `replace`), so each can be undone on its own.
 */
import { replaceInArticle, type FindOptions } from '../../../shared/find'
import type { ArticleStore } from '../store/article-store'
import { ValidationError } from '../errors'
import type { StoreReplaceResult } from '../../../shared/contract'

export type { StoreReplaceResult }

export async function replaceInStore(store: ArticleStore, ids: readonly string[], o: FindOptions, replacement: string, dryRun: boolean): Promise<StoreReplaceResult> {
  const out: StoreReplaceResult = { changed: [], total: 0, errors: [] }
  for (const id of ids) {
    try {
      const article = await store.get(id)
      const r = replaceInArticle(article, o, replacement)
      if ('error' in r) throw new ValidationError(r.error)
      if (!r.count) continue
      if (!dryRun) await store.save(id, r.patch as Parameters<ArticleStore['save']>[1], { reason: 'replace' })
      out.changed.push({ id, title: article.title, count: r.count, samples: r.samples })
      out.total += r.count
    } catch (err) {
      // a bad expression is the same for every article: say it once
      if (err instanceof ValidationError) throw err
      out.errors.push({ id, error: (err as Error).message })
    }
  }
  return out
}

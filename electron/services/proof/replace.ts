/**
 * Replace across the store (the list's articles, or the ids given): what would change in each article —
 * how many replacements, a few in context — and, unless it is a dry run, one save per changed article with
 * the text before kept as a revision (reason `replace`), so each can be undone on its own.
 */
import { replaceInArticle, searchPattern, type FindOptions } from '../../../shared/find'
import type { ArticleStore } from '../store/article-store'
import { mapAtOnce } from '../at-once'
import { ValidationError } from '../errors'
import type { StoreReplaceResult } from '../../../shared/contract'

export type { StoreReplaceResult }

/** Articles handled at once (each save waits on the disk; the matching is the CPU's). */
const AT_ONCE = 16
/** Reads of an article that keeps being saved by someone else while it is replaced in, before giving up on it. */
const MAX_TRIES = 3

export async function replaceInStore(store: ArticleStore, ids: readonly string[], o: FindOptions, replacement: string, dryRun: boolean): Promise<StoreReplaceResult> {
  const pattern = searchPattern(o)
  // a bad expression is the same for every article: said once
  if (!(pattern instanceof RegExp)) throw new ValidationError(pattern.error)
  const out: StoreReplaceResult = { changed: [], total: 0, errors: [] }
  const one = async (id: string): Promise<StoreReplaceResult['changed'][number] | { id: string; error: string } | null> => {
    try {
      for (let tries = 1; ; tries++) {
        const article = await store.get(id)
        const r = replaceInArticle(article, o, replacement)
        if ('error' in r || !r.count) return null
        const done = { id, title: article.title, count: r.count, samples: r.samples }
        if (dryRun) return done
        // saved meanwhile (a draft synced in): replaced in that version instead, never written over it
        const unchanged = (now: { updatedAt: string }) => now.updatedAt === article.updatedAt
        if (await store.saveIf(id, unchanged, r.patch as Parameters<ArticleStore['save']>[1], { reason: 'replace' })) return done
        if (tries === MAX_TRIES) throw new Error(`it changed ${MAX_TRIES} times while being replaced in: nothing replaced in it`)
      }
    } catch (err) {
      return { id, error: (err as Error).message }
    }
  }
  for (const r of await mapAtOnce(ids, AT_ONCE, one)) {
    if (!r) continue
    if ('error' in r) out.errors.push(r)
    else (out.changed.push(r), (out.total += r.count))
  }
  return out
}

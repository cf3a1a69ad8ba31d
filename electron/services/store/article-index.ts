/**
 * Questions answered from the store's index alone (no article file is read): the list with its filters and
 * sorts, counts, suggestions for the metadata form, and the drafts-folder files articles came from.
 */
import type { ArticleMeta } from '../../../shared/article'
import type { ListQuery, ListResult, Stats, Suggestions } from '../../../shared/contract'
import type { Settings } from '../../../shared/settings'
import { fold } from '../../../shared/text'

type Sort = NonNullable<ListQuery['sort']>

/** Sorted in place: newest edited first; by the article's own date (undated last); or by title. */
function sorted(metas: ArticleMeta[], sort: Sort): ArticleMeta[] {
  const newest = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0)
  if (sort === 'updated') return metas.sort((a, b) => newest(a.updatedAt, b.updatedAt))
  // the article's own date, newest first; undated articles last, by edited time
  if (sort === 'date') return metas.sort((a, b) => (!a.date !== !b.date ? (a.date ? -1 : 1) : newest(a.date, b.date) || newest(a.updatedAt, b.updatedAt)))
  const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true })
  return metas.sort((a, b) => collator.compare(a.title, b.title) || (a.id < b.id ? -1 : 1))
}

export class ArticleIndex {
  private readonly orders = new Map<Sort, string[]>()
  /** Sorts asked for once already (see `list`). */
  private readonly asked = new Set<Sort>()
  private readonly folds = new Map<string, string>()

  /** `metas`: the index's own record (null-prototype), read at each question. */
  constructor(private readonly metas: () => Record<string, ArticleMeta>) {}

  /** The metadata changed: sorted orders are computed again when next asked for. */
  invalidate(): void {
    this.orders.clear()
  }

  /** Folding of category and tag names: few distinct values, asked for 20,000 times per list. */
  private readonly folded = (s: string): string => {
    let f = this.folds.get(s)
    if (f === undefined) {
      f = fold(s)
      if (this.folds.size > 50_000) this.folds.clear()
      this.folds.set(s, f)
    }
    return f
  }

  /**
   * The list page asked for; `hits` (ids found by full-text search) narrows it when given. Filtered in
   * the order kept for that sort; the first time a sort is asked for a narrowed list (a search, a filter),
   * only what matches is sorted (a command that asks once need not sort the whole store), the next time
   * the whole order is made and kept.
   */
  list(q: ListQuery, hits: Set<string> | null): ListResult {
    const f = this.folded
    const tag = q.tag ? f(q.tag) : null
    const category = q.category ? f(q.category) : null
    const matches = (m: ArticleMeta) =>
      !!m.deletedAt === !!q.trash &&
      (!hits || hits.has(m.id)) &&
      (!q.status || m.status === q.status) &&
      (category === null || f(m.category) === category) &&
      (tag === null || m.tags.some((t) => f(t) === tag))
    const sort = q.sort ?? 'updated'
    const metas = this.metas()
    let items: ArticleMeta[]
    const order = this.orders.get(sort)
    if (!order && !this.asked.has(sort) && (hits || q.status || category !== null || tag !== null)) {
      this.asked.add(sort)
      items = sorted(Object.values(metas).filter(matches), sort)
    } else {
      items = []
      for (const id of order ?? this.order(sort)) {
        const m = metas[id]
        if (m && matches(m)) items.push(m)
      }
    }
    const offset = q.offset ?? 0
    const page = { total: items.length, items: items.slice(offset, offset + (q.limit ?? items.length)) }
    return q.locate ? { ...page, located: items.findIndex((m) => m.id === q.locate) } : page
  }

  private order(sort: Sort): string[] {
    let ids = this.orders.get(sort)
    if (!ids) {
      ids = sorted(Object.values(this.metas()), sort).map((m) => m.id)
      this.orders.set(sort, ids)
    }
    return ids
  }

  stats(): Stats {
    const s: Stats = { total: 0, byStatus: {}, byCategory: {}, byTag: {} }
    for (const m of Object.values(this.metas())) {
      if (m.deletedAt) continue
      s.total++
      s.byStatus[m.status] = (s.byStatus[m.status] ?? 0) + 1
      const c = m.category || '—'
      s.byCategory[c] = (s.byCategory[c] ?? 0) + 1
      for (const t of m.tags) s.byTag[t] = (s.byTag[t] ?? 0) + 1
    }
    return s
  }

  /** Values already used in the store, most frequent first, for the metadata form. */
  suggestions(settings: Settings): Suggestions {
    const count = (values: Iterable<string>) => {
      const n = new Map<string, number>()
      const spelling = new Map<string, string>()
      for (const v of values) {
        if (!v.trim()) continue
        const k = this.folded(v)
        n.set(k, (n.get(k) ?? 0) + 1)
        if (!spelling.has(k)) spelling.set(k, v)
      }
      return [...n.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => spelling.get(k)!)
    }
    const live = Object.values(this.metas()).filter((m) => !m.deletedAt)
    const categories = [...settings.categories]
    const known = new Set(categories.map(this.folded))
    for (const c of count(live.map((m) => m.category))) if (!known.has(this.folded(c))) categories.push(c)
    return {
      tags: count(live.flatMap((m) => m.tags)).slice(0, 2000),
      authors: count(live.map((m) => m.author)).slice(0, 500),
      sources: count([settings.defaultSource, ...live.map((m) => m.source)]).slice(0, 500),
      categories
    }
  }

  /** Articles made from or following a drafts-folder file, by the file's path as `key` gives it. */
  byOrigin(key: (file: string) => string): Map<string, ArticleMeta[]> {
    const out = new Map<string, ArticleMeta[]>()
    for (const m of Object.values(this.metas())) {
      if (m.originFile === undefined) continue
      const k = key(m.originFile)
      const list = out.get(k)
      if (list) list.push(m)
      else out.set(k, [m])
    }
    return out
  }
}

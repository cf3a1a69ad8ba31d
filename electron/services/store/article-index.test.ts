/** The list from the index: the same page whether the sorted order is made for the matches only (first ask) or kept (later asks). */
import { describe, expect, it } from 'vitest'
import type { ArticleMeta } from '../../../shared/article'
import type { ListQuery } from '../../../shared/contract'
import { ArticleIndex } from './article-index'

const metas: Record<string, ArticleMeta> = Object.create(null)
const titles = ['Bão số 3', 'bão số 10', 'Áp thấp', 'Bão số 3', 'Mưa lớn', 'Đà Nẵng', 'an toàn']
titles.forEach((title, i) => {
  const id = `id-${i}`
  metas[id] = {
    id,
    title,
    category: i % 2 ? 'Thời sự' : 'Thể thao',
    tags: i % 3 ? ['Hà Nội'] : [],
    author: '',
    source: 'VOV.VN',
    // ties on purpose: equal update times and dates
    date: i % 3 === 0 ? '' : `2026-11-${10 + (i % 2)}`,
    status: i % 4 ? 'draft' : 'ready',
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: `2026-11-2${i % 3}T00:00:00.000Z`,
    words: i,
    ...(i === 6 ? { deletedAt: '2026-11-27T00:00:00.000Z' } : {})
  }
})

describe('ArticleIndex.list', () => {
  it('gives the same page on the first and the later asks, for every sort and filter', () => {
    const queries: Array<[ListQuery, Set<string> | null]> = [
      [{ category: 'thoi su' }, null],
      [{ tag: 'ha noi' }, null],
      [{ status: 'draft' }, null],
      [{}, new Set(['id-1', 'id-3', 'id-5', 'id-2'])],
      [{ trash: true, status: 'draft' }, null]
    ]
    for (const sort of ['updated', 'date', 'title'] as const) {
      for (const [q, hits] of queries) {
        const index = new ArticleIndex(() => metas)
        const first = index.list({ ...q, sort }, hits)
        const second = index.list({ ...q, sort }, hits)
        expect(second).toEqual(first)
        expect(first.items.length).toBeGreaterThan(0)
      }
    }
    const byTitle = new ArticleIndex(() => metas).list({ sort: 'title', category: 'Thời sự' }, null)
    // Vietnamese order, numbers by value (3 before 10), the deleted one not listed
    expect(byTitle.items.map((m) => m.title)).toEqual(['Bão số 3', 'bão số 10', 'Đà Nẵng'])
    expect(new ArticleIndex(() => metas).list({ sort: 'title' }, null).items.map((m) => m.title)).toEqual(['Áp thấp', 'Bão số 3', 'Bão số 3', 'bão số 10', 'Đà Nẵng', 'Mưa lớn'])
  })
})

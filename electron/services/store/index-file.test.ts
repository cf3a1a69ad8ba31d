/** index.json by field: what is written reads back as the same entries; older files still read; damage is named. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ArticleMeta } from '../../../shared/article'
import { INDEX_VERSION, indexFileProblem, indexFromFile, indexToFile } from './index-file'

const meta = (id: string, patch: Partial<ArticleMeta> = {}): ArticleMeta => ({
  id,
  title: `Bài ${id}`,
  category: 'Thời sự',
  tags: ['Hà Nội'],
  author: '',
  source: 'VOV.VN',
  date: '2026-11-28',
  status: 'draft',
  createdAt: '2026-11-28T01:00:00.000Z',
  updatedAt: '2026-11-28T02:00:00.000Z',
  words: 12,
  ...patch
})

const record = (metas: ArticleMeta[]) => Object.assign(Object.create(null) as Record<string, ArticleMeta>, Object.fromEntries(metas.map((m) => [m.id, m])))
const roundTrip = (metas: ArticleMeta[]) => {
  const file = JSON.parse(JSON.stringify(indexToFile({ version: INDEX_VERSION, articles: record(metas), settings: { defaultSource: 'VOV.VN' } })))
  expect(indexFileProblem(file)).toBeNull()
  return indexFromFile(file)
}

describe('index.json by field', () => {
  it('reads back every entry as it was, optional fields absent where they were', () => {
    const metas = [
      meta('a'),
      meta('b', { tags: [], category: 'Thể thao', deletedAt: '2026-11-28T03:00:00.000Z' }),
      meta('__proto__', { conflictOf: 'a', originFile: 'tin/bai.md', originHash: 'abc', sourceMissing: true, featuredImage: 'media:x.jpg' })
    ]
    const back = roundTrip(metas)
    expect(back.version).toBe(INDEX_VERSION)
    expect(back.settings).toEqual({ defaultSource: 'VOV.VN' })
    expect(Object.getPrototypeOf(back.articles)).toBeNull()
    expect(Object.keys(back.articles)).toEqual(['a', 'b', '__proto__'])
    for (const m of metas) expect(back.articles[m.id]).toStrictEqual(m)
    expect('deletedAt' in back.articles.a).toBe(false)
    expect(roundTrip([]).articles).toEqual({})
  })

  it('keeps a repeated value once (categories, sources, tags)', () => {
    const metas = Array.from({ length: 100 }, (_, i) => meta(`id-${i}`, { category: i % 2 ? 'Thể thao' : 'Kinh tế', tags: ['Hà Nội', 'Giao thông'] }))
    const file = indexToFile({ version: INDEX_VERSION, articles: record(metas), settings: {} })
    expect(file.fields.category).toMatchObject({ table: ['Kinh tế', 'Thể thao'] })
    expect(file.fields.tags).toMatchObject({ table: ['Hà Nội', 'Giao thông'] })
    expect(file.fields.title).toHaveProperty('values')
    expect(JSON.stringify(file).length).toBeLessThan(JSON.stringify(record(metas)).length * 0.7)
  })

  it('reads back any entries (property)', () => {
    const text = fc.string({ maxLength: 12 })
    const entry = fc.record(
      { title: text, category: fc.constantFrom('', 'Thời sự', 'Thể thao'), tags: fc.array(fc.constantFrom('a', 'b', 'Đà Nẵng'), { maxLength: 3 }), words: fc.nat(), deletedAt: fc.option(text, { nil: undefined }) },
      { requiredKeys: ['title', 'category', 'tags', 'words'] }
    )
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(fc.string({ minLength: 1, maxLength: 8 }), entry), { selector: ([id]) => id, maxLength: 30 }), (entries) => {
        const metas = entries.map(([id, e]) => {
          const m = meta(id, e as Partial<ArticleMeta>)
          if (m.deletedAt === undefined) delete m.deletedAt
          return m
        })
        const back = roundTrip(metas)
        expect(back.articles).toStrictEqual(record(metas))
      })
    )
  })

  it('still reads entries written as objects (versions 1 and 2)', () => {
    const old = { version: 2, articles: { a: meta('a') }, settings: {} }
    expect(indexFileProblem(old)).toBeNull()
    const back = indexFromFile(old)
    expect(back.version).toBe(2)
    expect(back.articles.a).toEqual(meta('a'))
    expect(Object.getPrototypeOf(back.articles)).toBeNull()
  })

  it('names what is damaged', () => {
    const good = () => JSON.parse(JSON.stringify(indexToFile({ version: INDEX_VERSION, articles: record([meta('a'), meta('b')]), settings: {} })))
    const cases: Array<[(f: ReturnType<typeof good>) => void, RegExp]> = [
      [(f) => (f.count = 'two'), /count: expected a whole number/],
      [(f) => (f.fields = []), /fields: expected an object/],
      [(f) => f.fields.title.values.pop(), /fields\.title: expected 2 values/],
      [(f) => (f.fields.status.refs[1] = 7), /fields\.status: a reference outside its table/],
      [(f) => (f.fields.tags.lists[0] = [3]), /fields\.tags: a reference outside its table/],
      [(f) => (f.fields.category.table = [1]), /fields\.category: expected a table of strings/],
      [(f) => (f.fields.id.values[1] = 'a'), /fields\.id: expected a different id for every entry/],
      [(f) => delete f.fields.updatedAt, /fields\.updatedAt: expected one for every entry/],
      [(f) => (f.fields.title.values[0] = null), /fields\.title: expected one for every entry/],
      [(f) => (f.version = 9), /version: unknown version/]
    ]
    for (const [damage, message] of cases) {
      const f = good()
      damage(f)
      expect(indexFileProblem(f)).toMatch(new RegExp(`^index does not match its schema: ${message.source}`))
    }
    expect(indexFileProblem(null)).toMatch(/expected an object/)
  })
})

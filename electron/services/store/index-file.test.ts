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
      [(f) => (f.count = -1), /count: expected a whole number/],
      [(f) => (f.count = 1.5), /count: expected a whole number/],
      [(f) => (f.fields = null), /fields: expected an object/],
      [(f) => (f.fields = 'title'), /fields: expected an object/],
      [(f) => (f.fields.title = null), /fields\.title: expected a column/],
      [(f) => (f.fields.title = 'x'), /fields\.title: expected a column/],
      [(f) => (f.fields.title.values = 'ab'), /fields\.title: expected 2 values/],
      [(f) => f.fields.status.refs.pop(), /fields\.status: expected 2 references/],
      [(f) => (f.fields.status.refs = null), /fields\.status: expected 2 references/],
      [(f) => (f.fields.status.refs[0] = -1), /fields\.status: a reference outside its table/],
      [(f) => (f.fields.status.refs[0] = 0.5), /fields\.status: a reference outside its table/],
      [(f) => (f.fields.status.refs[0] = f.fields.status.table.length), /fields\.status: a reference outside its table/],
      [(f) => (f.fields.tags.lists[1] = 'a'), /fields\.tags: a reference outside its table/],
      [(f) => f.fields.tags.lists.pop(), /fields\.tags: expected 2 references/],
      [(f) => (f.fields.id.values[0] = 7), /fields\.id: expected a different id for every entry/],
      [(f) => delete f.fields.id, /fields\.id: expected a different id for every entry/],
      [(f) => (f.fields.updatedAt = { table: ['t'], refs: [0, null] }), /fields\.updatedAt: expected one for every entry/],
      [(f) => (f.version = 9), /version: unknown version/]
    ]
    for (const [damage, message] of cases) {
      const f = good()
      damage(f)
      expect(indexFileProblem(f)).toMatch(new RegExp(`^index does not match its schema: ${message.source}`))
    }
    const single = JSON.parse(JSON.stringify(indexToFile({ version: INDEX_VERSION, articles: record([meta('a')]), settings: {} })))
    single.fields.title.values.push('thừa')
    expect(indexFileProblem(single)).toBe('index does not match its schema: fields.title: expected 1 value')
    expect(indexFileProblem(null)).toMatch(/expected an object/)
    expect(indexFileProblem('index')).toMatch(/expected an object/)
    // the field's name is cut in the message
    const long = good()
    long.fields['x'.repeat(100)] = null
    expect(indexFileProblem(long)).toBe(`index does not match its schema: fields.${'x'.repeat(40)}: expected a column`)
    // a field that would set each entry's prototype (JSON.parse keeps `__proto__` as a key)
    const proto = good()
    proto.fields = JSON.parse(JSON.stringify(proto.fields).replace(/^\{/, '{"__proto__":{"values":[{"deletedAt":"x"},{"deletedAt":"x"}]},'))
    expect(Object.keys(proto.fields)).toContain('__proto__')
    expect(indexFileProblem(proto)).toBe('index does not match its schema: fields.__proto__: not a field of an entry')
    // an empty index needs no entries' fields
    expect(indexFileProblem({ version: INDEX_VERSION, settings: {}, count: 0, fields: {} })).toBeNull()
    // updatedAt kept in a table is fine when every entry has one
    const tabled = good()
    tabled.fields.updatedAt = { table: ['t'], refs: [0, 0] }
    expect(indexFileProblem(tabled)).toBeNull()
  })

  it('names what is damaged in entries written as objects', () => {
    const entries = (articles: unknown) => ({ version: 2, articles, settings: {} })
    expect(indexFileProblem(entries({ a: meta('a') }))).toBeNull()
    expect(indexFileProblem({ version: 1, articles: { a: meta('a') } })).toBeNull()
    for (const articles of [null, [], 'a']) expect(indexFileProblem(entries(articles))).toBe('index does not match its schema: articles: expected an object')
    const bad = (m: unknown) => indexFileProblem(entries({ a: m }))
    for (const m of [null, 'a', { ...meta('a'), id: 'b' }, { ...meta('a'), title: 1 }, { ...meta('a'), updatedAt: undefined }]) {
      expect(bad(m)).toBe('index does not match its schema: articles.a: expected an entry with its id, title and updatedAt')
    }
    const longId = 'y'.repeat(60)
    expect(indexFileProblem(entries({ [longId]: null }))).toBe(`index does not match its schema: articles.${'y'.repeat(40)}: expected an entry with its id, title and updatedAt`)
  })

  it('keeps as they are the values of a field that are not all strings or all lists', () => {
    const odd = [meta('a', { author: 'An' }), meta('b', { author: ['An'] as unknown as string }), meta('c', { author: 'An' }), meta('d', { author: 'An' })]
    const file = indexToFile({ version: INDEX_VERSION, articles: record(odd), settings: {} })
    expect(file.fields.author).toEqual({ values: ['An', ['An'], 'An', 'An'] })
    expect(indexFromFile(JSON.parse(JSON.stringify(file))).articles.b.author).toEqual(['An'])
  })

  it('keeps in a table an optional field whose values repeat, and reads its absence back', () => {
    const metas = Array.from({ length: 10 }, (_, i) => meta(`id-${i}`, i < 6 ? { originFile: 'tin/a.md', deletedAt: '2026-11-28T03:00:00.000Z' } : {}))
    const file = indexToFile({ version: INDEX_VERSION, articles: record(metas), settings: {} })
    expect(file.fields.originFile).toEqual({ table: ['tin/a.md'], refs: [0, 0, 0, 0, 0, 0, null, null, null, null] })
    // a value each, or too few repeats: values as they are
    expect(file.fields.words).toEqual({ values: metas.map(() => 12) })
    const one = indexToFile({ version: INDEX_VERSION, articles: record([meta('a', { tags: [] }), meta('b', { tags: [] })]), settings: {} })
    expect(one.fields.tags).toEqual({ table: [], lists: [[], []] })
    expect(one.fields.title).toEqual({ values: ['Bài a', 'Bài b'] })
    const back = indexFromFile(JSON.parse(JSON.stringify(file)))
    expect('originFile' in back.articles['id-7']).toBe(false)
    expect(back.articles['id-1'].originFile).toBe('tin/a.md')
    // a list some entries lack (an older entry without tags, say)
    const untagged = meta('c') as Partial<ArticleMeta>
    delete untagged.tags
    const mixed = indexToFile({ version: INDEX_VERSION, articles: record([meta('a'), untagged as ArticleMeta]), settings: {} })
    expect(mixed.fields.tags).toEqual({ table: ['Hà Nội'], lists: [[0], null] })
    expect(indexFileProblem(JSON.parse(JSON.stringify(mixed)))).toBeNull()
    const mixedBack = indexFromFile(JSON.parse(JSON.stringify(mixed)))
    expect('tags' in mixedBack.articles.c).toBe(false)
    expect(mixedBack.articles.a.tags).toEqual(['Hà Nội'])
  })
})

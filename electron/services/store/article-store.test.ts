import { promises as fs } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import sample from '../../../resources/sample-article.json'
import { docFromParagraphs } from '../../../shared/doc'
import { ArticleStore } from './article-store'
import { NotFoundError, StoreLockedError, ValidationError } from '../errors'
import { tempDir } from '../test-support/temp-dir'

let dir: string
let cleanup: () => Promise<void>
let store: ArticleStore | undefined

beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir('nd-store-'))
})
afterEach(async () => {
  await store?.close()
  store = undefined
  await cleanup()
})

const open = async (options = {}) => (store = await ArticleStore.open(dir, { sample: false, ...options }))
/** Simulate a crash: the process goes away without closing (its lock is left behind with a dead pid). */
async function crash(s: ArticleStore): Promise<void> {
  await fs.writeFile(path.join(dir, 'store.lock'), JSON.stringify({ pid: 999_999_999 }))
  ;(s as unknown as { closed: boolean }).closed = true
  store = undefined
}

describe('ArticleStore basics', () => {
  it('creates the sample article in a brand-new store, once', async () => {
    store = await ArticleStore.open(dir)
    const { items } = await store.list()
    expect(items).toHaveLength(1)
    expect(items[0].title).toBe(sample.title)
    await store.close()
    store = await ArticleStore.open(dir)
    expect((await store.list()).total).toBe(1)
  })

  it('creates, reads and saves an article with NFC text and normalised tags', async () => {
    const s = await open()
    const a = await s.create({ title: 'Tiếng Việt'.normalize('NFD'), tags: ['Đà Nẵng', 'da nang', ' kinh tế '] })
    expect(a.title).toBe('Tiếng Việt')
    expect(a.tags).toEqual(['Đà Nẵng', 'kinh tế'])
    expect(a.source).toBe('VOV.VN')
    const b = await s.save(a.id, { sapo: 'VOV.VN - Mở đầu', body: docFromParagraphs(['Đoạn một'.normalize('NFD')]) })
    expect(b.updatedAt > a.updatedAt).toBe(true)
    const again = await s.get(a.id)
    expect(again.sapo).toBe('VOV.VN - Mở đầu')
    expect(JSON.stringify(again.body)).toContain('Đoạn một')
    expect(s.meta(a.id)?.words).toBe(2)
  })

  it('rejects invalid input with a message naming the field', async () => {
    const s = await open()
    const a = await s.create({ title: 'x' })
    await expect(s.save(a.id, { date: '21/02/2023' })).rejects.toThrow(/date/)
    await expect(s.save(a.id, { status: 'published' as never })).rejects.toThrow(ValidationError)
    await expect(
      s.save(a.id, { body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] } })
    ).rejects.toThrow(/body.*href/)
    await expect(s.save(a.id, { bogus: 1 } as never)).rejects.toThrow(/bogus/)
    await expect(s.save('00000000-0000-4000-8000-000000000000', { title: 'y' })).rejects.toThrow(NotFoundError)
    expect((await s.get(a.id)).title).toBe('x')
  })

  it('serialises quick saves so the later one always wins', async () => {
    const s = await open()
    const a = await s.create({ title: 'v0' })
    await Promise.all(Array.from({ length: 20 }, (_, i) => s.save(a.id, { title: `v${i + 1}` })))
    expect((await s.get(a.id)).title).toBe('v20')
  })
})

describe('edits saved over a version they were not made on', () => {
  it('keeps the version saved meanwhile as a conflict copy, then saves the edits; on the version they were made on, no copy', async () => {
    const s = await open()
    const a = await s.create({ title: 'Tin lũ', body: docFromParagraphs(['Nước lên.']) })
    // the sync takes a colleague's text while the journalist's edits wait to be saved
    const synced = await s.save(a.id, { body: docFromParagraphs(['Nước lên 2 mét.']) }, { reason: 'sync' })
    const mine = await s.saveEdits(a.id, { body: docFromParagraphs(['Nước lên. Dân sơ tán.']) }, a.updatedAt)
    expect(mine.conflictId).toBeDefined()
    const copy = await s.get(mine.conflictId!)
    expect(copy).toMatchObject({ conflictOf: a.id, title: 'Tin lũ', status: 'draft', body: synced.body })
    expect((await s.get(a.id)).body).toEqual(docFromParagraphs(['Nước lên. Dân sơ tán.']))
    expect(s.openConflicts()).toEqual([{ conflictId: copy.id, id: a.id, file: '' }])
    // the next edits are made on the version just saved: no copy
    expect((await s.saveEdits(a.id, { title: 'Tin lũ miền Trung' }, mine.article.updatedAt)).conflictId).toBeUndefined()
    // edits that change nothing write nothing, whatever their base
    expect(await s.saveEdits(a.id, { title: 'Tin lũ miền Trung' }, a.updatedAt)).toEqual({ article: await s.get(a.id) })
    expect((await s.list()).total).toBe(2)
  })

  it('makes no copy when only the sync\'s bookkeeping was saved meanwhile (the file it follows, renamed)', async () => {
    const s = await open()
    const a = await s.create({ title: 'Tin mưa', body: docFromParagraphs(['Mưa to.']) })
    await s.save(a.id, {}, { extra: { origin: { file: 'tin-mua.md', missing: false } } })
    await s.save(a.id, {}, { extra: { origin: { file: 'tin-mua-moi.md', missing: false } } })
    const mine = await s.saveEdits(a.id, { body: docFromParagraphs(['Mưa rất to.']) }, a.updatedAt)
    expect(mine.conflictId).toBeUndefined()
    expect(mine.article).toMatchObject({ origin: { file: 'tin-mua-moi.md' }, body: docFromParagraphs(['Mưa rất to.']) })
    expect((await s.list()).total).toBe(1)
  })
})

describe('revisions', () => {
  it('keeps previous versions, coalescing rapid autosaves, and restores one', async () => {
    let t = Date.parse('2026-01-01T00:00:00Z')
    const s = await open({ now: () => new Date(t) })
    const a = await s.create({ title: 'một' })
    t += 1000
    await s.save(a.id, { title: 'hai' }) // keeps "một"
    t += 1000
    await s.save(a.id, { title: 'ba' }) // coalesced: "hai" not kept
    t += 120_000
    await s.save(a.id, { title: 'bốn' }) // keeps "ba"
    const revs = await s.revisionsOf(a.id)
    expect(revs).toHaveLength(2)
    const restored = await s.restoreRevision(a.id, revs[1].id)
    expect(restored.title).toBe('một')
    expect((await s.revisionsOf(a.id)).length).toBe(3)
    await expect(s.restoreRevision(a.id, '../../etc')).rejects.toThrow()
  })

  it('does not keep a revision when nothing changed', async () => {
    const s = await open()
    const a = await s.create({ title: 'same' })
    const b = await s.save(a.id, { title: 'same' })
    expect(b.updatedAt).toBe(a.updatedAt)
    expect(await s.revisionsOf(a.id)).toEqual([])
  })
})

describe('trash', () => {
  it('moves to the trash, restores, and empties only on request', async () => {
    const s = await open()
    const a = await s.create({ title: 'Bài xóa' })
    await s.delete(a.id)
    expect((await s.list()).total).toBe(0)
    expect((await s.list({ trash: true })).items.map((m) => m.id)).toEqual([a.id])
    await s.restore(a.id)
    expect((await s.list({ query: 'bai xoa' })).total).toBe(1)
    await s.delete(a.id)
    expect(await s.emptyTrash()).toBe(1)
    expect((await s.list({ trash: true })).total).toBe(0)
    await expect(s.get(a.id)).rejects.toThrow(NotFoundError)
  })
})

describe('search and filters', () => {
  it('finds folded words and filters by category, tag and status, sorted', async () => {
    const s = await open()
    const a = await s.create({ title: 'Phát triển đảng viên', category: 'Chính trị', tags: ['Đà Nẵng'], status: 'ready' })
    const b = await s.create({ title: 'Bóng đá', category: 'Thể thao', tags: ['bóng đá'], author: 'Nguyễn Văn An' })
    const c = await s.create({ title: 'An ninh biển', body: docFromParagraphs(['Các đảng viên trẻ']), category: 'Chính trị' })
    await s.indexed
    const ids = async (q: Parameters<ArticleStore['list']>[0]) => (await s.list(q)).items.map((m) => m.id)
    expect((await ids({ query: 'dang vien' })).sort()).toEqual([a.id, c.id].sort())
    expect(await ids({ query: 'nguyen' })).toEqual([b.id])
    expect((await ids({ category: 'chinh tri' })).sort()).toEqual([a.id, c.id].sort())
    expect(await ids({ tag: 'da nang' })).toEqual([a.id])
    expect(await ids({ status: 'ready' })).toEqual([a.id])
    expect(await ids({ sort: 'title' })).toEqual([c.id, b.id, a.id])
    expect(await ids({ sort: 'updated' })).toEqual([c.id, b.id, a.id])
    await s.save(a.id, { title: 'Kinh tế' })
    expect(await ids({ query: 'dang vien' })).toEqual([c.id])
    expect(await ids({ sort: 'updated', limit: 1 })).toEqual([a.id])
    // by the article's own date, newest first; an undated one last
    await s.save(b.id, { date: '2023-02-20' })
    await s.save(c.id, { date: '2024-01-05' })
    expect(await ids({ sort: 'date' })).toEqual([c.id, b.id, a.id])
    expect(s.stats()).toMatchObject({ total: 3, byStatus: { ready: 1, draft: 2 }, byCategory: { 'Chính trị': 2, 'Thể thao': 1 } })
  })

  it('finds and counts the words either side of a line break as two words', async () => {
    const s = await open()
    const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Sáng nay ở Hà Nội' }, { type: 'hard_break' }, { type: 'text', text: 'Đà Nẵng mưa to' }] }] }
    const a = await s.create({ title: 'Thời tiết', body: body as never })
    await s.indexed
    expect((await s.list({ query: 'da nang' })).items.map((m) => m.id)).toEqual([a.id])
    expect((await s.list({ query: 'noi' })).items.map((m) => m.id)).toEqual([a.id])
    expect(s.meta(a.id)?.words).toBe(9)
  })
})

describe('search without its file', () => {
  it('indexes every article again, telling how far it is, and the search that waited finds them all', async () => {
    const s = await open()
    const made = await s.createMany(Array.from({ length: 600 }, (_, i) => ({ patch: { title: i % 2 ? `Đảng viên ${i}` : `Kinh tế ${i}` } })))
    await s.close()
    store = undefined
    await fs.rm(path.join(dir, 'search.bin'), { force: true })
    const again = await open({ background: 'lazy' })
    const told: Array<{ done: number; total: number }> = []
    again.onSearchProgress((p) => told.push(p))
    const found = await again.list({ query: 'dang vien' })
    expect(found.total).toBe(300)
    expect(told[0]).toEqual({ done: 0, total: 600 })
    expect(told.at(-1)).toEqual({ done: 600, total: 600 })
    expect(told.map((p) => p.done)).toEqual([...told.map((p) => p.done)].sort((a, b) => a - b))
    expect(made.every((a) => !(a instanceof Error))).toBe(true)
    // written again: the next open tells nothing
    await again.close()
    store = undefined
    const third = await open({ background: 'lazy' })
    const quiet: unknown[] = []
    third.onSearchProgress((p) => quiet.push(p))
    expect((await third.list({ query: 'kinh te' })).total).toBe(300)
    expect(quiet).toEqual([])
  })
})

describe('lock', () => {
  it('refuses a second opener, naming the holder pid, and takes over a stale lock', async () => {
    await open()
    await expect(ArticleStore.open(dir)).rejects.toThrow(new StoreLockedError(path.resolve(dir), process.pid).message)
    await store!.close()
    await fs.writeFile(path.join(dir, 'store.lock'), JSON.stringify({ pid: 999_999_999 }))
    store = await ArticleStore.open(dir)
    expect(store.problems).toEqual([])
  })
})

describe('crash recovery and corruption', () => {
  it('picks up saves the index snapshot had not seen yet (journal)', async () => {
    const s = await open()
    const a = await s.create({ title: 'trước' })
    await s.snapshot()
    await s.save(a.id, { title: 'sau' })
    const b = await s.create({ title: 'mới' })
    await crash(s)
    const s2 = await open()
    expect(s2.meta(a.id)?.title).toBe('sau')
    expect(s2.meta(b.id)?.title).toBe('mới')
  })

  const damage: Record<string, string> = {
    empty: '',
    'NUL bytes': '\u0000\u0000\u0000',
    truncated: '{"version":1,"articles":{"a',
    null: 'null',
    'failing validation': '{"version":2,"articles":[]}'
  }

  for (const [kind, content] of Object.entries(damage)) {
    it(`moves a ${kind} index.json aside, rebuilds from the article files and reports it`, async () => {
      const s = await open()
      const a = await s.create({ title: 'Giữ lại' })
      await s.close()
      store = undefined
      await fs.writeFile(path.join(dir, 'index.json'), content)
      const s2 = await open()
      expect(s2.meta(a.id)?.title).toBe('Giữ lại')
      expect(s2.problems).toHaveLength(1)
      expect(s2.problems[0].file).toBe(path.join(dir, 'index.json'))
      expect(await fs.readFile(s2.problems[0].movedTo!, 'utf8')).toBe(content)
      expect(path.basename(s2.problems[0].movedTo!)).toMatch(/^index\.json\.corrupt-\d{8}T\d{9}Z$/)
    })

    it(`moves a ${kind} article file aside and reports it, keeping the others`, async () => {
      const s = await open()
      const good = await s.create({ title: 'Tốt' })
      const bad = await s.create({ title: 'Hỏng' })
      await s.close()
      store = undefined
      const badFile = path.join(dir, 'articles', bad.id + '.json')
      await fs.writeFile(badFile, kind === 'failing validation' ? JSON.stringify({ id: bad.id, title: 5 }) : content)
      const s2 = await open()
      await s2.indexed
      expect(s2.meta(bad.id)).toBeUndefined()
      expect(s2.meta(good.id)?.title).toBe('Tốt')
      expect(s2.problems.map((p) => p.file)).toEqual([badFile])
      expect(s2.problems[0].problem.length).toBeGreaterThan(5)
      await expect(fs.access(s2.problems[0].movedTo!)).resolves.toBeUndefined()
      await s2.close()
      store = await open()
      expect(store.meta(bad.id)).toBeUndefined()
      expect(store.problems).toEqual([])
    })
  }
})

describe('discarding an article left empty', () => {
  it('removes an empty article for good, and keeps any article with something in it', async () => {
    const s = await open()
    const empty = await s.create({})
    const titled = await s.create({ title: 'Có tít' })
    const tagged = await s.create({ tags: ['Đà Nẵng'] })
    const spaces = await s.create({ body: docFromParagraphs(['   ']) })
    expect(await s.discardIfEmpty(titled.id)).toBe(false)
    expect(await s.discardIfEmpty(tagged.id)).toBe(false)
    expect(await s.discardIfEmpty(empty.id)).toBe(true)
    expect(await s.discardIfEmpty(spaces.id)).toBe(true)
    expect((await s.list({})).items.map((m) => m.id).sort()).toEqual([titled.id, tagged.id].sort())
    await expect(s.get(empty.id)).rejects.toThrow(NotFoundError)
    expect(await s.revisionsOf(empty.id)).toEqual([])
    // not there any more: nothing to do
    expect(await s.discardIfEmpty(empty.id)).toBe(false)
  })
})

import { mkdir, rename, rm, truncate, utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { docFromParagraphs, jsonText } from '../../../shared/doc'
import { ArticleStore } from '../store/article-store'
import { tempDir } from '../test-support/temp-dir'
import { syncFolder } from './engine'
import { articleToMarkdown } from '../formats/markdown'
import { hasText, SyncState } from './sync-state'

let root: string
let cleanup: () => Promise<void>
let store: ArticleStore
let state: SyncState
let folder: string

beforeEach(async () => {
  ;({ dir: root, cleanup } = await tempDir('nd-sync-'))
  folder = path.join(root, 'drafts')
  await mkdir(folder)
  store = await ArticleStore.open(path.join(root, 'store'), { sample: false })
  state = await SyncState.open(store.dir, () => {})
})
afterEach(async () => {
  await store.close()
  await cleanup()
})

const sync = () => syncFolder(store, state, folder, { settleMs: 0 })
let tick = 0
/** Write a draft with a distinct mtime (as another machine's sync tool would). */
async function put(rel: string, text: string) {
  const file = path.join(folder, rel)
  await mkdir(path.dirname(file), { recursive: true })
  await writeFile(file, text)
  const t = new Date(Date.now() - 60_000 + ++tick * 1000)
  await utimes(file, t, t)
}
const draft = (title: string, ...body: string[]) => [title, 'VOV.VN - Sapo của bài.', ...body].join('\n')
/** `count` drafts written an hour ago (settled: a pass takes them at once), more than one batch's worth. */
async function putMany(count: number) {
  const old = new Date(Date.now() - 3_600_000)
  for (let i = 0; i < count; i++) {
    const file = path.join(folder, `tin-${String(i).padStart(3, '0')}.txt`)
    await writeFile(file, draft(`Tin ${i}`, 'Một.'))
    await utimes(file, old, old)
  }
}
const bodyOf = async (id: string) => jsonText((await store.get(id)).body)

describe('sync rules', () => {
  it('imports a new file as a draft, recording its source file', async () => {
    await put('tin-a.txt', draft('Tin A', 'Đoạn một.'))
    const r = await sync()
    expect(r.created).toEqual([{ file: 'tin-a.txt', id: expect.any(String) }])
    const a = await store.get(r.created[0].id)
    expect(a).toMatchObject({ title: 'Tin A', status: 'draft', origin: { file: 'tin-a.txt', missing: false } })
  })

  it('updates the article when only the file changed, keeping a revision', async () => {
    await put('tin-a.txt', draft('Tin A', 'Đoạn một.'))
    const { created } = await sync()
    await put('tin-a.txt', draft('Tin A', 'Đoạn một.', 'Đoạn hai thêm từ tệp.'))
    const r = await sync()
    expect(r.updated).toEqual([{ file: 'tin-a.txt', id: created[0].id }])
    expect(await bodyOf(created[0].id)).toContain('Đoạn hai thêm từ tệp.')
    expect(await store.revisionsOf(created[0].id)).toHaveLength(1)
  })

  it("keeps the journalist's edits when only the article changed", async () => {
    await put('tin-a.txt', draft('Tin A', 'Đoạn một.'))
    const { created } = await sync()
    await store.save(created[0].id, { body: docFromParagraphs(['Đoạn một.', 'Biên tập viên viết thêm.']) })
    const r = await sync()
    expect(r.unchanged).toEqual([{ file: 'tin-a.txt', id: created[0].id }])
    expect(await bodyOf(created[0].id)).toContain('Biên tập viên viết thêm.')
  })

  it('makes a conflict draft when both changed, and the article keeps its text', async () => {
    await put('tin-a.txt', draft('Tin A', 'Đoạn một.'))
    const { created } = await sync()
    const id = created[0].id
    await store.save(id, { body: docFromParagraphs(['Bản trong app.']) })
    await put('tin-a.txt', draft('Tin A', 'Bản trong tệp.'))
    const r = await sync()
    expect(r.conflicts).toEqual([{ file: 'tin-a.txt', id, conflictId: expect.any(String) }])
    expect(await bodyOf(id)).toContain('Bản trong app.')
    const copy = await store.get(r.conflicts[0].conflictId)
    expect(copy.conflictOf).toBe(id)
    expect(jsonText(copy.body)).toContain('Bản trong tệp.')
    expect(store.meta(copy.id)?.conflictOf).toBe(id)
    // seen once: a second run does not make another copy
    expect((await sync()).conflicts).toEqual([])
  })

  it('marks the article "source missing" when the file is deleted, and clears it when it returns', async () => {
    await put('tin-a.txt', draft('Tin A', 'Đoạn một.'))
    const { created } = await sync()
    await rm(path.join(folder, 'tin-a.txt'))
    const r = await sync()
    expect(r.missing).toEqual([{ file: 'tin-a.txt', id: created[0].id }])
    expect((await store.get(created[0].id)).origin).toEqual({ file: 'tin-a.txt', missing: true })
    expect(store.meta(created[0].id)?.sourceMissing).toBe(true)
    await put('tin-a.txt', draft('Tin A', 'Đoạn một.'))
    const back = await sync()
    expect(back.unchanged).toEqual([{ file: 'tin-a.txt', id: created[0].id }])
    expect((await store.get(created[0].id)).origin?.missing).toBe(false)
  })

  it('follows a renamed or moved file with the same content', async () => {
    await put('tin-a.txt', draft('Tin A', 'Đoạn một.'))
    const { created } = await sync()
    await mkdir(path.join(folder, 'da-duyet'))
    await rename(path.join(folder, 'tin-a.txt'), path.join(folder, 'da-duyet', 'tin-a-moi.txt'))
    const r = await sync()
    expect(r.created).toEqual([])
    expect(r.missing).toEqual([])
    expect(r.unchanged).toEqual([{ file: 'da-duyet/tin-a-moi.txt', id: created[0].id }])
    expect((await store.get(created[0].id)).origin?.file).toBe('da-duyet/tin-a-moi.txt')
  })

  it('treats a name in NFC and the same name in NFD as one file', async () => {
    await put('Tin Việt.txt'.normalize('NFC'), draft('Tin Việt', 'Một.'))
    const { created } = await sync()
    await rm(path.join(folder, 'Tin Việt.txt'.normalize('NFC')))
    await put('Tin Việt.txt'.normalize('NFD'), draft('Tin Việt', 'Một.', 'Hai.'))
    const r = await sync()
    expect(r.created).toEqual([])
    expect(r.updated.map((u) => u.id)).toEqual([created[0].id])
  })

  it('does nothing when run twice with no change', async () => {
    await put('tin-a.txt', draft('Tin A', 'Một.'))
    await put('tin-b.md', '---\ntitle: Tin B\n---\nHai.')
    await sync()
    const before = (await store.list()).items.map((m) => m.updatedAt)
    const r = await sync()
    expect(r.created.length + r.updated.length + r.conflicts.length + r.missing.length).toBe(0)
    expect(r.unchanged).toHaveLength(2)
    expect((await store.list()).items.map((m) => m.updatedAt)).toEqual(before)
  })

  it('remembers each folder apart: syncing another folder in between changes nothing', async () => {
    await put('tin-a.txt', draft('Tin A', 'Một.'))
    await sync()
    const other = path.join(root, 'khac')
    await mkdir(other)
    await writeFile(path.join(other, 'tin-b.txt'), draft('Tin B', 'Hai.'))
    expect((await syncFolder(store, state, other, { settleMs: 0 })).created).toHaveLength(1)
    const back = await sync()
    expect(back.created).toEqual([])
    expect(back.unchanged).toHaveLength(1)
  })

  it('ignores hidden, temporary and lock files and other types silently', async () => {
    for (const name of ['.an.txt', '.hidden/x.txt', '~$bai.docx', '.syncthing.bai.txt.tmp', '~syncthing~bai.txt.tmp', '.dropbox.cache/a.txt', 'a.tmp', 'b.txt.partial', 'c.html.crdownload', 'anh.png', 'ghi-chu.pdf', '.newsdesk-tmp-x.txt']) {
      await put(name, draft('Không được nhập', 'x'))
    }
    // names that only look a little like those still sync
    for (const name of ['bai~2.txt', 'ban-tin.tmp.txt', 'thu-muc/tin.part1.md']) await put(name, draft(`Được nhập ${name}`, 'x'))
    const r = await sync()
    expect(r.created.map((c) => c.file).sort()).toEqual(['bai~2.txt', 'ban-tin.tmp.txt', 'thu-muc/tin.part1.md'])
    expect({ ...r, created: [] }).toEqual({ created: [], updated: [], unchanged: [], conflicts: [], missing: [], skipped: [], errors: [] })
  })

  it('imports sync-tool conflict copies as conflict drafts of the linked article', async () => {
    await put('bai.txt', draft('Bài gốc', 'Một.'))
    const { created } = await sync()
    await put('bai.sync-conflict-20240305-101500-ABCDEF1.txt', draft('Bài gốc', 'Bản xung đột Syncthing.'))
    await put('bai (Máy của Lan conflicted copy 2024-03-05).txt', draft('Bài gốc', 'Bản xung đột Dropbox.'))
    const r = await sync()
    expect(r.created).toEqual([])
    expect(r.conflicts).toHaveLength(2)
    for (const c of r.conflicts) {
      expect(c.id).toBe(created[0].id)
      expect((await store.get(c.conflictId)).conflictOf).toBe(created[0].id)
    }
  })

  it('reports a failing file with its name and reason and goes on with the others', async () => {
    await put('rong.txt', '')
    await put('nhi-phan.txt', '\u0000\u0001PNG')
    await put('hong.docx', 'không phải zip')
    await put('tot.txt', draft('Tin tốt', 'Một.'))
    // past the importer's limit: refused by its size, unread (3 GB could not even be read into memory; a
    // sparse file: nothing is written)
    await put('qua-lon.txt', 'x')
    await truncate(path.join(folder, 'qua-lon.txt'), 3 * 2 ** 30)
    const r = await sync()
    expect(r.created.map((c) => c.file)).toEqual(['tot.txt'])
    expect(r.errors).toEqual(
      expect.arrayContaining([
        { file: 'qua-lon.txt', error: 'the file is larger than 20 MB (3072.0 MB)' },
        { file: 'rong.txt', error: 'the file is empty' },
        { file: 'nhi-phan.txt', error: expect.stringContaining('binary') },
        { file: 'hong.docx', error: expect.stringContaining('.docx') }
      ])
    )
  })

  it('a batch that cannot be written names each of its files; the next batch is written and a later pass imports the rest', async () => {
    await putMany(150)
    const createMany = store.createMany.bind(store)
    let calls = 0
    store.createMany = async (items) => {
      if (++calls === 1) throw new Error('the disk is full')
      return createMany(items)
    }
    const r = await sync()
    expect(r.errors).toHaveLength(100)
    expect(r.errors.every((e) => e.error === 'the disk is full')).toBe(true)
    expect(r.created).toHaveLength(50)
    expect(new Set([...r.errors, ...r.created].map((x) => x.file)).size).toBe(150)
    store.createMany = createMany
    const again = await sync()
    expect(again.created).toHaveLength(100)
    expect((await store.list({ limit: 0 })).total).toBe(150)
  })

  it('says once that its record cannot be saved, and a later pass links each article to its file without duplicating it', async () => {
    await putMany(120)
    const save = state.save.bind(state)
    state.save = async () => {
      throw new Error('ENOSPC: no space left on device')
    }
    const r = await sync()
    expect(r.created).toHaveLength(120)
    expect(r.errors).toEqual([{ file: 'sync.json', error: "the sync's record (sync.json) could not be saved: ENOSPC: no space left on device" }])
    state.save = save
    // as after a restart that lost what was not saved
    state = await SyncState.open(store.dir, () => {})
    const again = await sync()
    expect(again.created).toEqual([])
    expect(again.unchanged).toHaveLength(120)
    expect((await store.list({ limit: 0 })).total).toBe(120)
  })

  it('waits for a file still being written and skips it if it does not settle', async () => {
    const file = path.join(folder, 'dang-ghi.txt')
    await writeFile(file, draft('Đang ghi', 'Một.'))
    const writer = setInterval(() => void writeFile(file, draft('Đang ghi', 'Một.', String(Date.now()))), 50)
    try {
      const r = await syncFolder(store, state, folder, { settleMs: 500, maxWaitMs: 600 })
      expect(r.skipped).toEqual([{ file: 'dang-ghi.txt', reason: 'the file is still being written' }])
    } finally {
      clearInterval(writer)
    }
    await new Promise((r) => setTimeout(r, 300))
    const r = await syncFolder(store, state, folder, { settleMs: 200, maxWaitMs: 2000 })
    expect(r.created).toHaveLength(1)
  })
})

describe('a Markdown export put in the drafts folder', () => {
  it('follows its article instead of making a copy; edited on a phone, it updates the article', async () => {
    const a = await store.create({ title: 'Tin bão số 5', sapo: 'VOV.VN - Bão vào bờ.', body: docFromParagraphs(['Gió giật cấp 10.']) })
    await put('tin-bao.md', articleToMarkdown(a))
    const first = await sync()
    expect(first.created).toEqual([])
    expect(first.unchanged).toEqual([{ file: 'tin-bao.md', id: a.id }])
    expect((await store.list()).total).toBe(1)
    expect((await store.get(a.id)).origin).toMatchObject({ file: 'tin-bao.md', missing: false })
    // edited on the phone: the article takes the edit (kept as a revision), still one article
    await put('tin-bao.md', articleToMarkdown({ ...a, body: docFromParagraphs(['Gió giật cấp 12.']) }))
    const second = await sync()
    expect(second.updated).toMatchObject([{ file: 'tin-bao.md', id: a.id }])
    expect(await bodyOf(a.id)).toContain('cấp 12')
    expect((await store.list()).total).toBe(1)
  })

  it('edited before the first pass: its text becomes a conflict copy of the article, never written over it', async () => {
    const a = await store.create({ title: 'Tin lũ', body: docFromParagraphs(['Nước lên.']) })
    await put('tin-lu.md', articleToMarkdown({ ...a, body: docFromParagraphs(['Nước lên 2 mét.']) }))
    const r = await sync()
    expect(r.conflicts).toEqual([{ file: 'tin-lu.md', id: a.id, conflictId: expect.any(String) }])
    expect((await bodyOf(a.id)).trim()).toBe('Nước lên.')
    expect(await bodyOf(r.conflicts[0].conflictId)).toContain('2 mét')
    expect(store.openConflicts()).toEqual([{ conflictId: r.conflicts[0].conflictId, id: a.id, file: 'tin-lu.md' }])
  })

  it('holds the same text as its article even when the article\'s body has its keys in another order (the sample article\'s)', async () => {
    const body = { type: 'doc', content: [{ content: [{ text: 'in đậm', marks: [{ type: 'strong' }], type: 'text' }], type: 'paragraph' }] }
    const a = await store.create({ title: 'Bài mẫu', body: body as never })
    expect(JSON.stringify((await store.get(a.id)).body)).toContain('{"text":"in đậm","marks"')
    await put('bai-mau.md', articleToMarkdown(a))
    const r = await sync()
    expect(r).toMatchObject({ created: [], conflicts: [], unchanged: [{ file: 'bai-mau.md', id: a.id }] })
    expect(hasText(a, { body: docFromParagraphs(['in đậm']) })).toBe(false)
  })

  it('of an article in the trash, or of another store, is a new draft', async () => {
    const gone = await store.create({ title: 'Tin đã xóa' })
    await store.delete(gone.id)
    await put('da-xoa.md', articleToMarkdown(gone))
    await put('noi-khac.md', articleToMarkdown({ ...gone, id: '7c0e4b1a-2f3d-4e5f-8a9b-0c1d2e3f4a5b', title: 'Tin nơi khác' }))
    const r = await sync()
    expect(r.created.map((c) => c.file).sort()).toEqual(['da-xoa.md', 'noi-khac.md'])
  })
})

describe('two desks on one shared folder', () => {
  it('never lose text: each concurrent edit is applied or kept as a conflict draft', async () => {
    const storeB = await ArticleStore.open(path.join(root, 'store-b'), { sample: false })
    const stateB = await SyncState.open(storeB.dir, () => {})
    const syncB = () => syncFolder(storeB, stateB, folder, { settleMs: 0 })
    try {
      await put('chung.txt', draft('Bài chung', 'Bản đầu.'))
      const a = (await sync()).created[0].id
      const b = (await syncB()).created[0].id
      // desk B's journalist edits the article; a colleague edits the file
      await storeB.save(b, { body: docFromParagraphs(['Bản đầu.', 'Sửa ở máy B.']) })
      await put('chung.txt', draft('Bài chung', 'Bản đầu.', 'Sửa trong tệp.'))
      const ra = await sync()
      const rb = await syncB()
      expect(ra.updated.map((u) => u.id)).toEqual([a])
      expect(await bodyOf(a)).toContain('Sửa trong tệp.')
      expect(rb.conflicts.map((c) => c.id)).toEqual([b])
      expect(jsonText((await storeB.get(b)).body)).toContain('Sửa ở máy B.')
      expect(jsonText((await storeB.get(rb.conflicts[0].conflictId)).body)).toContain('Sửa trong tệp.')
    } finally {
      await storeB.close()
    }
  })
})

describe('hostile and broken folders', () => {
  it('syncs a file whose name is not valid UTF-8, showing the bad bytes as U+FFFD', async () => {
    // "bài.txt" in Windows-1258/Latin-1 bytes, as an old machine writes it
    const name = Buffer.concat([Buffer.from('b'), Buffer.from([0xe0]), Buffer.from('i.txt')])
    const file = Buffer.concat([Buffer.from(folder + path.sep), name])
    await writeFile(file, draft('Tin tên lạ', 'Đoạn một.'))
    const old = new Date(Date.now() - 60_000)
    await utimes(file, old, old)
    const r = await sync()
    expect(r.errors).toEqual([])
    expect(r.created).toEqual([{ file: 'b\ufffdi.txt', id: expect.any(String) }])
    expect((await store.get(r.created[0].id)).title).toBe('Tin tên lạ')
    expect((await sync()).unchanged).toHaveLength(1)
  })

  it('does not go deeper than the folder depth limit, and says which folder it left out', async () => {
    await put('1/2/3/4/5/6/7/8/sau-8.txt', draft('Sâu tám'))
    await put('1/2/3/4/5/6/7/8/9/sau-9.txt', draft('Sâu chín'))
    const r = await sync()
    expect(r.created.map((c) => c.file)).toEqual(['1/2/3/4/5/6/7/8/sau-8.txt'])
    expect(r.skipped).toEqual([{ file: '1/2/3/4/5/6/7/8/9', reason: expect.stringContaining('8 levels') }])
  })

  it('a lost sync.json re-imports nothing: each file finds the article made from it', async () => {
    await put('a.txt', draft('Tin A', 'Một.'))
    await put('b.md', '# Tin B\n\nHai.')
    await put('c.txt', draft('Tin C', 'Ba.'))
    const first = await sync()
    expect(first.created).toHaveLength(3)
    const [a] = first.created
    // the journalist edits A; then the sync state is lost
    await store.save(a.id, { title: 'Tin A đã sửa' })
    await rm(path.join(store.dir, 'sync.json'))
    state = await SyncState.open(store.dir, () => {})
    const again = await sync()
    expect(again.created).toEqual([])
    expect(again.conflicts).toEqual([])
    expect(again.unchanged.map((u) => u.file).sort()).toEqual(['a.txt', 'b.md', 'c.txt'])
    expect((await store.list()).total).toBe(3)
    expect((await store.get(a.id)).title).toBe('Tin A đã sửa')
    // and the link works again: a change of the file is a change of that article
    await put('c.txt', draft('Tin C', 'Ba.', 'Bốn.'))
    expect((await sync()).updated.map((u) => u.file)).toEqual(['c.txt'])
  })

  it('a damaged sync.json is moved aside and the re-run still creates no duplicate; a file changed meanwhile becomes a conflict copy', async () => {
    await put('a.txt', draft('Tin A', 'Một.'))
    await put('b.txt', draft('Tin B', 'Hai.'))
    await sync()
    await writeFile(path.join(store.dir, 'sync.json'), '{"version": 2, "folders": {')
    const problems: string[] = []
    state = await SyncState.open(store.dir, (file) => problems.push(file))
    expect(problems).toEqual([path.join(store.dir, 'sync.json')])
    await put('b.txt', draft('Tin B', 'Hai.', 'Thêm khi mất trạng thái.'))
    const r = await sync()
    expect(r.created).toEqual([])
    expect(r.conflicts).toEqual([{ file: 'b.txt', id: expect.any(String), conflictId: expect.any(String) }])
    expect(await bodyOf(r.conflicts[0].conflictId)).toContain('Thêm khi mất trạng thái.')
    expect(await bodyOf(r.conflicts[0].id)).not.toContain('Thêm khi mất trạng thái.')
    expect((await store.list()).total).toBe(3)
    expect((await sync()).conflicts).toEqual([])
  })

  it('says in the report where a draft\'s title came from, and what was changed in it', async () => {
    await put('ban-nhap_moi.md', 'Chỉ có thân bài.\n\n| A | B |\n|---|---|\n| 1 | 2 |\n')
    const r = await sync()
    expect(r.created).toEqual([{ file: 'ban-nhap_moi.md', id: expect.any(String), remarks: ['title taken from the file name', expect.stringContaining('table was flattened')] }])
    expect((await store.get(r.created[0].id)).title).toBe('ban nhap moi')
  })
})

describe('photos of drafts', () => {
  it('a draft in a subfolder brings the photo beside it; one outside the drafts folder is reported and the draft still imports', async () => {
    const photo = await import('node:fs/promises').then((fs) => fs.readFile(path.join(import.meta.dirname, '../media/fixtures/co-do.png')))
    await mkdir(path.join(folder, 'ngay-20', 'anh'), { recursive: true })
    await writeFile(path.join(folder, 'ngay-20', 'anh', 'co.png'), photo)
    await writeFile(path.join(root, 'ngoai.png'), photo)
    await put('ngay-20/le-chao-co.md', '---\ntitle: Lễ chào cờ\n---\n\nSáng thứ Hai.\n\n![Lá cờ](anh/co.png "Lá cờ trên sân")\n*Ảnh: Lan Anh*\n\n![x](../../ngoai.png)\n')
    const r = await sync()
    expect(r.errors).toEqual([])
    expect(r.created).toEqual([
      { file: 'ngay-20/le-chao-co.md', id: expect.any(String), remarks: ['title taken from the front matter', 'image ../../ngoai.png left out: points outside the drafts folder'] }
    ])
    const article = await store.get(r.created[0].id)
    const figure = (article.body.content as Array<{ type: string; attrs: { src: string; credit: string } }>).find((n) => n.type === 'figure')!
    expect(figure.attrs.credit).toBe('Lan Anh')
    expect(await store.media.has(figure.attrs.src)).toBe(true)
    expect(await bodyOf(article.id)).toContain('Lá cờ trên sân')
  })
})

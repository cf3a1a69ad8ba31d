/** Revisions say why they were kept; exports are remembered per format, as exported, for "changed since exported". */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { docFromParagraphs } from '../../../shared/doc'
import { tempDir } from '../test-support/temp-dir'
import { ArticleStore } from './article-store'
import { tempPathFor } from './durable-file'

let dir: string
let cleanup: () => Promise<void>
let store: ArticleStore
beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir('nd-versions-'))
  store = await ArticleStore.open(dir, { sample: false })
})
afterEach(async () => {
  await store.close()
  await cleanup()
})

describe('revisions', () => {
  it('say what replaced them: edits coalesce, a restore or a take-back always keeps one', async () => {
    const a = await store.create({ title: 'Bản một', body: docFromParagraphs(['Đoạn đầu.']) })
    await store.save(a.id, { title: 'Bản hai' })
    await store.save(a.id, { title: 'Bản ba' })
    let list = await store.revisionsOf(a.id)
    expect(list.map((r) => r.reason)).toEqual(['edit'])
    await store.restoreRevision(a.id, list[0].id)
    await store.save(a.id, { title: 'Bản bốn' }, { reason: 'take-back' })
    list = await store.revisionsOf(a.id)
    expect(list.map((r) => r.reason)).toEqual(['take-back', 'restore', 'edit'])
    // each can be read back by its id
    expect((await store.readRevision(a.id, list[1].id)).title).toBe('Bản ba')
    await expect(store.readRevision(a.id, '../../x')).rejects.toThrow(/No revision/)
  })
})

describe('exports remembered', () => {
  it('per format, as exported; "changed since" follows edits of text or metadata, not a re-save of the same', async () => {
    const a = await store.create({ title: 'Giá vàng tăng', body: docFromParagraphs(['Giá vàng tăng 200.000 đồng.']) })
    expect(await store.exportedOf(a.id)).toEqual([])
    await expect(store.exportedVersion(a.id)).rejects.toThrow(/has not been exported/)
    await store.recordExport([a], 'html')
    expect(await store.exportedOf(a.id)).toEqual([{ format: 'html', at: expect.any(String), changed: false }])
    await store.save(a.id, { body: docFromParagraphs(['Giá vàng tăng 300.000 đồng.']) })
    expect((await store.exportedOf(a.id))[0].changed).toBe(true)
    expect((await store.exportedVersion(a.id, 'html')).body).toEqual(a.body)
    const now = await store.get(a.id)
    await store.recordExport([now], 'md')
    const both = await store.exportedOf(a.id)
    expect(both.map((e) => [e.format, e.changed])).toEqual([['md', false], ['html', true]])
    // the newest export is the default
    expect((await store.exportedVersion(a.id)).body).toEqual(now.body)
  })

  it('survive reopening; a damaged snapshot is named; deleting for good forgets them', async () => {
    const a = await store.create({ title: 'Tin A' })
    await store.recordExport([a], 'ninjs')
    await store.close()
    store = await ArticleStore.open(dir)
    expect((await store.exportedOf(a.id)).map((e) => e.format)).toEqual(['ninjs'])
    // (a snapshot may share the article's file: it is replaced, as everything in the store, never written in place)
    await fs.rm(path.join(dir, 'exports', `${a.id}.ninjs.json`))
    await fs.writeFile(path.join(dir, 'exports', `${a.id}.ninjs.json`), '{"title": 1')
    await expect(store.exportedVersion(a.id, 'ninjs')).rejects.toThrow(new RegExp(`exported copy of article ${a.id} \\(ninjs\\) is damaged`))
    await store.delete(a.id)
    await store.emptyTrash()
    await expect(fs.access(path.join(dir, 'exports', `${a.id}.ninjs.json`))).rejects.toThrow()
    expect(JSON.parse(await fs.readFile(path.join(dir, 'exports', 'log.json'), 'utf8'))).toEqual({})
  })
})

describe('an export snapshot', () => {
  it('shares the article file while it is the version exported, and keeps that version when the article is saved again', async () => {
    const a = await store.create({ title: 'Tin một', body: docFromParagraphs(['Bản xuất.']) })
    await store.recordExport([a], 'html')
    const snapshot = path.join(dir, 'exports', `${a.id}.html.json`)
    const article = path.join(dir, 'articles', `${a.id}.json`)
    expect((await fs.stat(snapshot)).ino).toBe((await fs.stat(article)).ino)
    await store.save(a.id, { body: docFromParagraphs(['Bản sửa sau khi xuất.']) })
    expect((await fs.stat(snapshot)).ino).not.toBe((await fs.stat(article)).ino)
    expect((await store.exportedVersion(a.id, 'html')).body).toEqual(a.body)
    // an article object that is not the file's version any more is copied, not linked
    const stale = { ...a, title: 'Tin một (bản cũ trong bộ nhớ)' }
    await store.recordExport([stale], 'md')
    expect((await store.exportedVersion(a.id, 'md')).title).toBe('Tin một (bản cũ trong bộ nhớ)')
    expect((await fs.stat(path.join(dir, 'exports', `${a.id}.md.json`))).ino).not.toBe((await fs.stat(article)).ino)
  })

  it('is left as it is when the same version is exported again; a copy or a missing one is made again', async () => {
    const a = await store.create({ title: 'Tin hai', body: docFromParagraphs(['Bản xuất.']) })
    await store.recordExport([a], 'html')
    const link = vi.spyOn(fs, 'link')
    try {
      await store.recordExport([a], 'html')
      expect(link).not.toHaveBeenCalled()
      expect((await store.exportedVersion(a.id, 'html')).body).toEqual(a.body)
      // a snapshot gone, or a copy (not the article's file), is put in place again
      const snapshot = path.join(dir, 'exports', `${a.id}.html.json`)
      await fs.rm(snapshot)
      await store.recordExport([a], 'html')
      expect(link).toHaveBeenCalledTimes(1)
      await fs.rm(snapshot)
      await fs.writeFile(snapshot, '{"title": 1')
      await store.recordExport([a], 'html')
      expect(link).toHaveBeenCalledTimes(2)
      expect((await store.exportedVersion(a.id, 'html')).title).toBe('Tin hai')
    } finally {
      link.mockRestore()
    }
  })

  it('already in place but missing from a lost log is linked again without leaving a temp name behind', async () => {
    const a = await store.create({ title: 'Tin ba', body: docFromParagraphs(['Bản xuất.']) })
    await store.recordExport([a], 'html')
    await store.close()
    await fs.rm(path.join(dir, 'exports', 'log.json'))
    store = await ArticleStore.open(dir, { sample: false })
    await store.recordExport([a], 'html')
    expect((await fs.readdir(path.join(dir, 'exports'))).sort()).toEqual([`${a.id}.html.json`, 'log.json'])
    expect(await store.exportedOf(a.id)).toEqual([{ format: 'html', at: expect.any(String), changed: false }])
  })

  it('temp files an export stopped midway left are removed by the background pass; a write of this process is not touched', async () => {
    const a = await store.create({ title: 'Tin bốn', body: docFromParagraphs(['Bản xuất.']) })
    await store.recordExport([a], 'html')
    const exports = path.join(dir, 'exports')
    const ours = path.basename(tempPathFor(path.join(exports, `${a.id}.md.json`)))
    const left = ours.replace(`.${process.pid}.`, `.${process.pid + 1}.`)
    await store.close()
    for (const name of [ours, left]) await fs.writeFile(path.join(exports, name), '{}')
    store = await ArticleStore.open(dir, { sample: false, background: 'lazy' })
    expect((await fs.readdir(exports)).length).toBe(4)
    await store.indexed
    expect((await fs.readdir(exports)).sort()).toEqual([ours, `${a.id}.html.json`, 'log.json'].sort())
  })
})

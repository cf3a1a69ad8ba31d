/** Revisions say why they were kept; exports are remembered per format, as exported, for "changed since exported". */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { docFromParagraphs } from '../../../shared/doc'
import { tempDir } from '../test-support/temp-dir'
import { ArticleStore } from './article-store'

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
    await fs.writeFile(path.join(dir, 'exports', `${a.id}.ninjs.json`), '{"title": 1')
    await expect(store.exportedVersion(a.id, 'ninjs')).rejects.toThrow(new RegExp(`exported copy of article ${a.id} \\(ninjs\\) is damaged`))
    await store.delete(a.id)
    await store.emptyTrash()
    await expect(fs.access(path.join(dir, 'exports', `${a.id}.ninjs.json`))).rejects.toThrow()
    expect(JSON.parse(await fs.readFile(path.join(dir, 'exports', 'log.json'), 'utf8'))).toEqual({})
  })
})

import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHandlers, progressEvery } from './api-handlers'
import { ArticleStore } from '../store/article-store'
import { SyncService } from '../sync/sync-service'
import { tempDir } from '../test-support/temp-dir'
import type { NewsdeskApi } from '../../../shared/contract'

let store: ArticleStore
let sync: SyncService
let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => {
  const t = await tempDir('nd-handlers-')
  ;({ dir, cleanup } = t)
  store = await ArticleStore.open(path.join(dir, 'store'), { sample: false })
  sync = await SyncService.open(store)
})
afterEach(async () => {
  await store.close()
  await cleanup()
})

describe('batch export', () => {
  it('stops when asked: the files in hand are written and listed, the rest left alone', async () => {
    await store.createMany(Array.from({ length: 40 }, (_, i) => ({ patch: { title: `Tin số ${i}` } })))
    const order = (await store.list({ limit: 100 })).items.map((m) => m.title)
    const out = path.join(dir, 'out')
    await mkdir(out)
    // the 11th article's name is taken: while the journalist is asked about it, they press Stop
    await writeFile(path.join(out, 'tin-so-' + order[10].split(' ').pop() + '.html'), 'của người khác')
    const api: NewsdeskApi = createHandlers(
      { store, sync },
      { version: '0', locale: 'vi' },
      {
        chooseExportFolder: async () => out,
        askExisting: async () => {
          expect(await api.stopExport()).toBe(true)
          return 'skip'
        }
      }
    )
    const result = (await api.exportBatch({}, 'html', {}))!
    expect(result.stopped).toBe(true)
    expect(result.written.map((w) => w.file)).toEqual(order.slice(0, 10).map((t) => `tin-so-${t.split(' ').pop()}.html`))
    expect(result.skipped).toHaveLength(1)
    expect((await readFile(path.join(out, 'index.html'), 'utf8')).match(/<li>/g)).toHaveLength(10)
    expect(await api.stopExport()).toBe(false)
  })
})

describe('progressEvery', () => {
  it('tells the first step, then at most one in each interval, and always the last', async () => {
    const told: Array<[number, number]> = []
    const report = progressEvery((done, total) => void told.push([done, total]), 50)
    for (let i = 1; i <= 5; i++) report(i, 10)
    expect(told).toEqual([[1, 10]])
    await new Promise((resolve) => setTimeout(resolve, 60))
    report(6, 10)
    report(7, 10)
    report(10, 10)
    expect(told).toEqual([
      [1, 10],
      [6, 10],
      [10, 10]
    ])
  })
})

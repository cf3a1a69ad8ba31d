import { appendFile, mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SyncStatus } from '../../../shared/contract'
import { jsonText } from '../../../shared/doc'
import { ArticleStore } from '../article-store'
import { tempDir } from '../test-support/temp-dir'
import { SyncService } from './sync-service'

let root: string
let cleanup: () => Promise<void>
let store: ArticleStore
let service: SyncService
const statuses: SyncStatus[] = []

beforeEach(async () => {
  ;({ dir: root, cleanup } = await tempDir('nd-watch-'))
  await mkdir(path.join(root, 'drafts'))
  store = await ArticleStore.open(path.join(root, 'store'), { sample: false })
  statuses.length = 0
  service = await SyncService.open(store, (s) => statuses.push(s))
})
afterEach(async () => {
  await service.close()
  await store.close()
  await cleanup()
})

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const created = () => statuses.flatMap((s) => (s.running ? [] : (s.last?.created ?? [])))

describe('watching the drafts folder', () => {
  it('imports a file written in three chunks half a second apart once, complete', async () => {
    const folder = path.join(root, 'drafts')
    await service.setFolder(folder)
    const file = path.join(folder, 'tin-dai.txt')
    await writeFile(file, 'Tin viết dần\nVOV.VN - Sapo.\nPhần một.\n')
    await sleep(500)
    await appendFile(file, 'Phần hai.\n')
    await sleep(500)
    await appendFile(file, 'Phần ba.\n')
    await expect.poll(() => created().length, { timeout: 5000 }).toBe(1)
    await sleep(1500)
    expect(created()).toHaveLength(1)
    const { items } = await store.list()
    expect(items).toHaveLength(1)
    const body = jsonText((await store.get(items[0].id)).body)
    expect(body).toContain('Phần một.')
    expect(body).toContain('Phần ba.')
    expect(statuses.flatMap((s) => s.last?.updated ?? [])).toEqual([])
  })

  it('follows the folder in the settings, reports a folder that is gone, and stops on request', async () => {
    const folder = path.join(root, 'drafts')
    await writeFile(path.join(folder, 'a.md'), '# Bài A\n\nMột.')
    await store.updateSettings({ draftsFolder: folder })
    await service.start()
    expect(service.status.folder).toBe(folder)
    expect(service.status.last?.created).toHaveLength(1)
    const stopped = await service.setFolder(null)
    expect(stopped.folder).toBeNull()
    expect(store.settings.draftsFolder).toBeNull()
    expect(await service.runNow()).toBeNull()
    const gone = await service.setFolder(path.join(root, 'khong-co'))
    expect(gone.error).toMatch(/khong-co.*ENOENT/)
  })
})

import { appendFile, mkdir, symlink, utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SyncStatus } from '../../../shared/contract'
import { editableFields } from '../../../shared/article'
import { changesOf, composeArticle, diffArticles } from '../../../shared/diff'
import { jsonText } from '../../../shared/doc'
import { ArticleStore } from '../store/article-store'
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

  it('a pass asked for during a slow pass runs once more, then the service rests (it does not re-arm itself)', async () => {
    await service.close()
    const folder = path.join(root, 'drafts')
    // a file dated in the future is "still being written": each pass waits maxWaitMs for it, longer than the debounce
    const file = path.join(folder, 'dang-viet.txt')
    await writeFile(file, 'Tin\nVOV.VN - Sapo.\n')
    const future = new Date(Date.now() + 3_600_000)
    await utimes(file, future, future)
    const passes: SyncStatus[] = []
    service = await SyncService.open(store, (st) => st.running && passes.push(st), { debounceMs: 10, settleMs: 50, maxWaitMs: 300 })
    const first = service.setFolder(folder)
    await sleep(50)
    const more = [service.runNow(), service.runNow(), service.runNow()]
    await first
    await Promise.all(more)
    await sleep(1500)
    expect(passes).toHaveLength(2)
  })

  it('does not follow a symbolic link out of the drafts folder', async () => {
    const folder = path.join(root, 'drafts')
    const outside = path.join(root, 'ngoai')
    await mkdir(path.join(outside, 'sau'), { recursive: true })
    await writeFile(path.join(outside, 'bi-mat.md'), '# Bí mật\n\nKhông được đọc.')
    await symlink(outside, path.join(folder, 'lien-ket'))
    await writeFile(path.join(folder, 'that.md'), '# Thật\n\nĐược đọc.')
    await service.setFolder(folder)
    const watched = Object.keys((service as unknown as { watcher: { getWatched(): Record<string, string[]> } }).watcher.getWatched())
    expect(watched.some((d) => d.startsWith(outside) || d.includes('lien-ket'))).toBe(false)
    expect((await store.list()).items.map((m) => m.title)).toEqual(['Thật'])
    // a change behind the link starts no pass and imports nothing
    await writeFile(path.join(outside, 'moi.md'), '# Mới\n\nx')
    await sleep(1200)
    expect((await store.list()).total).toBe(1)
  })
})

describe('a conflict settled', () => {
  for (const keep of ['app', 'file', 'both', 'merge'] as const) {
    it(`keep ${keep}: the conflict is no longer open, and the file's next edit updates the article that follows it, with no new conflict`, async () => {
      const { createHandlers } = await import('../bridge')
      const api = createHandlers({ store, sync: service }, { version: 'test', locale: 'vi' })
      const folder = path.join(root, 'drafts')
      const file = path.join(folder, 'lu.txt')
      const put = async (text: string, seconds: number) => {
        await writeFile(file, text)
        const t = new Date(Date.now() - 60_000 + seconds * 1000)
        await utimes(file, t, t)
      }
      await put('Lũ miền Trung\nVOV.VN - Sapo.\nĐoạn gốc.', 1)
      await service.setFolder(folder)
      await service.runNow()
      const [article] = (await store.list({})).items
      await store.save(article.id, { sapo: 'VOV.VN - Sửa ở tòa soạn.' })
      await put('Lũ miền Trung\nVOV.VN - Sapo.\nĐoạn gốc. Sửa trong tệp.', 2)
      await service.runNow()
      expect(service.status.openConflicts).toHaveLength(1)
      const conflictId = service.status.openConflicts[0].conflictId
      if (keep === 'merge') {
        // the file's body change taken, the app's sapo kept: built change by change as the compare dialog does
        const diff = diffArticles(editableFields(await store.get(article.id)), editableFields(await store.get(conflictId)))
        const fromFile = new Set(changesOf(diff).filter((c) => c.field === 'body').map((c) => c.change))
        await api.resolveConflict(conflictId, keep, composeArticle(diff, (c) => fromFile.has(c)))
        const merged = await store.get(article.id)
        expect(merged.sapo).toBe('VOV.VN - Sửa ở tòa soạn.')
        expect(jsonText(merged.body)).toContain('Sửa trong tệp.')
        expect((await store.revisionsOf(article.id))[0].reason).toBe('merge')
        await expect(api.resolveConflict(conflictId, 'file', merged)).rejects.toThrow()
      } else await api.resolveConflict(conflictId, keep)
      expect(service.status.openConflicts).toEqual([])
      expect(statuses.at(-1)?.openConflicts).toEqual([])

      await put('Lũ miền Trung\nVOV.VN - Sapo.\nĐoạn gốc. Sửa trong tệp. Lần hai.', 3)
      const report = await service.runNow()
      expect(report?.conflicts).toEqual([])
      expect(report?.updated.map((u) => u.id)).toEqual([article.id])
      expect(jsonText((await store.get(article.id)).body)).toContain('Lần hai.')
      expect(service.status.openConflicts).toEqual([])
    })
  }
})

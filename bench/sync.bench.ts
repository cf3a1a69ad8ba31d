/** Sync benchmarks: first pass over 1,000 mixed drafts, a pass with no change, and watch latency. */
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { ArticleStore } from '../electron/services/store/article-store'
import { syncFolder } from '../electron/services/sync/engine'
import { SyncService } from '../electron/services/sync/sync-service'
import { SyncState } from '../electron/services/sync/sync-state'
import { rng, sentence } from './corpus'
import { median, round } from './fixtures'
import type { Report } from './run'

function draft(i: number): [string, string] {
  const r = rng(i)
  const title = sentence(r, 10).slice(0, -1)
  const paragraphs = Array.from({ length: 8 }, () => sentence(r, 70))
  const kind = i % 3
  if (kind === 0) return [`tin-${i}.txt`, [title, 'Cập nhật: 05/03/2024', 'VOV.VN - ' + sentence(r, 30), ...paragraphs, 'Từ khóa: thời sự, Hà Nội', 'Tác giả: Phóng viên'].join('\n')]
  if (kind === 1) return [`tin-${i}.md`, `---\ntitle: "${title}"\nsummary: ${sentence(r, 25)}\ntags: [thời sự]\n---\n\n${paragraphs.join('\n\n')}\n`]
  return [`tin-${i}.html`, `<!DOCTYPE html><html lang="vi"><head><title>${title}</title><meta name="keywords" content="thời sự"></head><body><h1>${title}</h1><p class="sapo">${sentence(r, 25)}</p>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</body></html>`]
}

export default async function syncBench(report: Report): Promise<void> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'nd-bench-sync-'))
  try {
    const folder = path.join(root, 'drafts')
    await mkdir(folder)
    const old = new Date(Date.now() - 3_600_000)
    for (let i = 0; i < 1000; i++) {
      const [name, text] = draft(i)
      await writeFile(path.join(folder, name), text)
      await utimes(path.join(folder, name), old, old)
    }
    const store = await ArticleStore.open(path.join(root, 'store'), { sample: false })
    try {
      const state = await SyncState.open(store.dir, () => {})
      let started = performance.now()
      const first = await syncFolder(store, state, folder)
      report('sync.initial_1000_ms', round(performance.now() - started), 'ms')
      if (first.created.length !== 1000) throw new Error(`sync bench: created ${first.created.length}, errors ${JSON.stringify(first.errors.slice(0, 3))}`)
      const rescans: number[] = []
      for (let i = 0; i < 5; i++) {
        started = performance.now()
        const again = await syncFolder(store, state, folder)
        rescans.push(performance.now() - started)
        if (again.unchanged.length !== 1000) throw new Error('sync bench: rescan changed something')
      }
      report('sync.rescan_1000_ms', round(median(rescans)), 'ms')
    } finally {
      await store.close()
    }

    // watch latency: a completed write until the article is in the store
    const store2 = await ArticleStore.open(path.join(root, 'store-watch'), { sample: false })
    const watched = path.join(root, 'watched')
    await mkdir(watched)
    const service = await SyncService.open(store2)
    try {
      await service.setFolder(watched)
      const latencies: number[] = []
      for (let i = 0; i < 10; i++) {
        const [name, text] = draft(5000 + i * 3)
        const written = performance.now()
        await writeFile(path.join(watched, name), text)
        const total = i + 1
        while ((await store2.list({ limit: 0 })).total < total) await new Promise((r) => setTimeout(r, 10))
        latencies.push(performance.now() - written)
      }
      report('sync.watch_latency_ms', round(median(latencies)), 'ms')
    } finally {
      await service.close()
      await store2.close()
    }
  } finally {
    await rm(root, { recursive: true, force: true })
  }
}

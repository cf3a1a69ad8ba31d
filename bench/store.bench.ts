/** Store benchmarks: durable save at 10 and 20,000 articles, open time and memory, folded search with filters. */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { ArticleStore } from '../electron/services/store/article-store'
import { docFromParagraphs } from '../shared/doc'
import { CATEGORIES, makeArticle } from './corpus'
import { generatedStore, median, percentile, round } from './fixtures'
import type { Report } from './run'

async function medianSave(dir: string, saves = 40): Promise<number> {
  const store = await ArticleStore.open(dir, { sample: false })
  try {
    // steady state: the background pass that verifies and indexes every file has finished
    await store.indexed
    const ids = (await store.list({ limit: 10 })).items.map((m) => m.id)
    const base = makeArticle(1)
    const times: number[] = []
    for (let i = 0; i < saves; i++) {
      const id = ids[i % ids.length]
      const started = performance.now()
      await store.save(id, { body: docFromParagraphs([`Lần lưu thứ ${i}.`, ...JSON.stringify(base.body).slice(0, 3000).split('},{')]) })
      times.push(performance.now() - started)
    }
    return median(times)
  } finally {
    await store.close()
  }
}

export default async function storeBench(report: Report): Promise<void> {
  const small = await generatedStore(10)
  const large = await generatedStore(20_000)

  const at10 = await medianSave(small)
  const at20k = await medianSave(large)
  report('store.save.ms', round(at20k), 'ms')
  report('store.save.ratio_20k_10', round(at20k / at10), 'ratio')

  const opens: Array<{ openMs: number; firstSearchMs: number; rss: number; indexedMs: number; rssIndexed: number }> = []
  for (let i = 0; i < 3; i++) {
    const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/open-store.ts', large], { maxBuffer: 1 << 20 })
    opens.push(JSON.parse(stdout))
  }
  report('store.open.20k_ms', round(median(opens.map((o) => o.openMs))), 'ms')
  report('store.first_search_20k_ms', round(median(opens.map((o) => o.firstSearchMs))), 'ms')
  report('store.rss_mb', round(median(opens.map((o) => o.rss)) / 2 ** 20, 1), 'MB')
  report('store.index_ready.20k_ms', round(median(opens.map((o) => o.indexedMs))), 'ms')
  report('store.rss_indexed_mb', round(median(opens.map((o) => o.rssIndexed)) / 2 ** 20, 1), 'MB')

  const store = await ArticleStore.open(large, { sample: false })
  try {
    await store.indexed
    const queries = ['dang vien', 'ha noi', 'kinh te so', 'bien dao', 'nguyen van an', 'giao duc', 'bong da', 'y te', 'du lich', 'nong nghiep']
    const times: number[] = []
    for (let i = 0; i < 300; i++) {
      const q = queries[i % queries.length]
      const variant = i % 4
      const started = performance.now()
      await store.list({
        query: variant === 3 ? undefined : q,
        category: variant === 1 || variant === 3 ? CATEGORIES[i % CATEGORIES.length] : undefined,
        status: variant === 2 ? 'ready' : undefined,
        tag: variant === 3 ? 'Đà Nẵng' : undefined,
        sort: i % 2 ? 'title' : 'updated',
        limit: 100
      })
      times.push(performance.now() - started)
    }
    report('store.search.p95_ms', round(percentile(times, 95)), 'ms')
  } finally {
    await store.close()
  }
}

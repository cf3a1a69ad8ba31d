/** Generated benchmark stores (kept under bench/data/, never committed). */
import { randomUUID } from 'node:crypto'
import { existsSync, promises as fs } from 'node:fs'
import path from 'node:path'
import { ArticleStore } from '../electron/services/store/article-store'
import { makeArticle } from './corpus'

export const DATA = path.resolve('bench/data')

/**
 * A store of `count` articles of ~600 words. The article files are written directly (fast, no fsync),
 * then the store itself rebuilds and snapshots its index from them, as it would after a lost index, and
 * writes its search index.
 */
export async function generatedStore(count: number, words = 600): Promise<string> {
  const dir = path.join(DATA, `store-${count}-${words}`)
  if (existsSync(path.join(dir, 'index.json'))) return dir
  await fs.rm(dir, { recursive: true, force: true })
  await fs.mkdir(path.join(dir, 'articles'), { recursive: true })
  const base = Date.parse('2025-01-01T00:00:00Z')
  for (let i = 0; i < count; i += 200) {
    await Promise.all(
      Array.from({ length: Math.min(200, count - i) }, (_, k) => {
        const n = i + k
        const stamp = new Date(base + n * 60_000).toISOString()
        const article = { ...makeArticle(n, words), id: randomUUID(), createdAt: stamp, updatedAt: stamp }
        return fs.writeFile(path.join(dir, 'articles', article.id + '.json'), JSON.stringify(article))
      })
    )
  }
  // an empty index.json is "damaged": the store moves it aside and rebuilds from the article files
  await fs.writeFile(path.join(dir, 'index.json'), '')
  const store = await ArticleStore.open(dir, { sample: false })
  // the full-text index written too, as a desk that has run a while has it (the benchmarks time that state)
  await store.ensureSearch()
  await store.close()
  for (const name of await fs.readdir(dir)) if (name.includes('.corrupt-')) await fs.rm(path.join(dir, name))
  return dir
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits

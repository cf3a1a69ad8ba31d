/** Export benchmarks: HTML and Word files per second (1,000 and 200 articles), one 1,500-word PDF, preview refresh in a 5,000-word article. */
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import type { Article } from '../shared/article'
import { closeBrowser, openDesk } from '../e2e/harness'
import { exportArticles, renderFile } from '../electron/services/export/exporter'
import { makeArticle } from './corpus'
import { median, percentile, round } from './fixtures'
import type { Report } from './run'

export default async function exportBench(report: Report): Promise<void> {
  const stamp = '2026-01-01T00:00:00.000Z'
  const articles = new Map<string, Article>()
  for (let i = 0; i < 1000; i++) {
    const id = randomUUID()
    articles.set(id, { ...makeArticle(i), id, createdAt: stamp, updatedAt: stamp })
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'nd-bench-export-'))
  try {
    const started = performance.now()
    const result = await exportArticles([...articles.keys()], async (id) => articles.get(id)!, { dir, format: 'html', onExisting: () => 'overwrite' })
    const seconds = (performance.now() - started) / 1000
    if (result.written.length !== 1000 || (await readdir(dir)).length !== 1001) throw new Error('export bench: files missing')
    report('export.html.per_s', round(1000 / seconds, 0), 'articles/s')

    // Word: 200 articles of 600 words into a batch
    const some = [...articles.keys()].slice(0, 200)
    const wordStarted = performance.now()
    const word = await exportArticles(some, async (id) => articles.get(id)!, { dir: path.join(dir, 'docx'), format: 'docx', onExisting: () => 'overwrite' })
    if (word.written.length !== 200) throw new Error('export bench: Word files missing')
    report('export.docx.per_s', round(200 / ((performance.now() - wordStarted) / 1000), 0), 'articles/s')

    // PDF: one 1,500-word article, the median of five
    const long: Article = { ...makeArticle(5, 1500), id: randomUUID(), createdAt: stamp, updatedAt: stamp }
    const times: number[] = []
    for (let i = 0; i < 5; i++) {
      const t = performance.now()
      const bytes = (await renderFile(long, 'pdf')) as Uint8Array
      times.push(performance.now() - t)
      if (bytes.length < 10_000) throw new Error('export bench: the PDF is too small')
    }
    report('export.pdf_ms', round(median(times)), 'ms')
  } finally {
    await rm(dir, { recursive: true, force: true })
  }

  const desk = await openDesk({ sample: false })
  try {
    const { page } = desk
    await desk.store.create({ ...makeArticle(3, 5000), title: 'Bài năm nghìn chữ' })
    await desk.reload()
    await page.locator('.list-row').first().click()
    await page.getByTestId('preview').waitFor()
    await page.locator('.ProseMirror').click()
    await page.keyboard.press('Control+End')
    await page.evaluate(() => performance.clearMeasures('newsdesk:preview'))
    for (let i = 0; i < 30; i++) {
      await page.keyboard.type('x')
      await page.waitForTimeout(350)
    }
    const times = await page.evaluate(() => performance.getEntriesByName('newsdesk:preview').map((e) => e.duration))
    if (times.length < 20) throw new Error(`export bench: only ${times.length} preview refreshes`)
    report('export.preview.p95_ms', round(percentile(times, 95)), 'ms')
  } finally {
    await desk.close()
    await closeBrowser()
  }
}

/** Desk benchmarks: renderer boot with 20,000 articles, rows in the DOM, keystroke latency in a 20,000-word article. */
import { execFile } from 'node:child_process'
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { promisify } from 'node:util'
import os from 'node:os'
import path from 'node:path'
import { closeBrowser, openDesk } from '../e2e/harness'
import { makeArticle } from './corpus'
import { generatedStore, median, percentile, round } from './fixtures'
import type { Report } from './run'

export default async function deskBench(report: Report): Promise<void> {
  // the renderer the desk is served from, built from the sources as they are (a build left from older
  // sources would be timed instead; building takes a few seconds)
  await promisify(execFile)('npm', ['run', 'build'], { maxBuffer: 1 << 26 })
  const source = await generatedStore(20_000)
  const storeDir = await mkdtemp(path.join(os.tmpdir(), 'nd-bench-desk-'))
  await cp(source, storeDir, { recursive: true })
  try {
    const desk = await openDesk({ storeDir, sample: false })
    try {
      const { page } = desk
      const boots: number[] = []
      for (let i = 0; i < 3; i++) {
        const started = performance.now()
        await desk.reload()
        await page.locator('.list-row .row-title:not(.placeholder)').first().waitFor()
        boots.push(performance.now() - started)
      }
      report('desk.boot.20k_ms', round(median(boots)), 'ms')
      await page.locator('.list-scroller').evaluate((el) => el.scrollBy(0, 400_000))
      await page.waitForTimeout(300)
      report('desk.list.dom_rows', await page.locator('.list-row').count(), 'rows')

      await desk.store.create({ ...makeArticle(7, 20_000), title: 'Bài dài hai mươi nghìn chữ' })
      await desk.reload()
      await page.locator('.list-row', { hasText: 'Bài dài hai mươi nghìn chữ' }).click()
      const editor = page.locator('.ProseMirror')
      await editor.waitFor()
      await page.waitForTimeout(500)
      await editor.evaluate((el) => {
        const w = window as unknown as { __lat: number[]; __down: number }
        w.__lat = []
        el.addEventListener('keydown', () => (w.__down = performance.now()), true)
        new MutationObserver(() => {
          if (w.__down) {
            w.__lat.push(performance.now() - w.__down)
            w.__down = 0
          }
        }).observe(el, { characterData: true, childList: true, subtree: true })
      })
      await editor.click()
      await page.keyboard.press('Control+End')
      await page.keyboard.type('Gõ thêm chữ vào cuối bài viết rất dài này để đo độ trễ của từng phím. '.repeat(3), { delay: 15 })
      const latencies = await page.evaluate(() => (window as unknown as { __lat: number[] }).__lat)
      report('desk.keystroke.p95_ms', round(percentile(latencies, 95)), 'ms')
    } finally {
      await desk.close()
    }
  } finally {
    await closeBrowser()
    await rm(storeDir, { recursive: true, force: true })
  }
}

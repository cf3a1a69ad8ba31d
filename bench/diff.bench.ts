/**
 * Compare versions: the engine on two 5,000-word versions differing in 20 places (diff.body_5000_words_ms),
 * and the compare dialog opened from the revisions panel on such an article in the desk (diff.panel_open_ms).
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { promisify } from 'node:util'
import { editableFields, type ArticleFields } from '../shared/article'
import { diffArticles } from '../shared/diff'
import { closeBrowser, openDesk } from '../e2e/harness'
import { makeArticle } from './corpus'
import { median, round } from './fixtures'
import type { Report } from './run'

/** The same article with 20 words changed, spread through the body (every fifth one a number). */
function edited(a: ArticleFields): ArticleFields {
  const body = structuredClone(a.body) as { content: Array<{ content?: Array<{ text: string }> }> }
  const paragraphs = body.content.filter((p) => p.content?.length)
  for (let i = 0; i < 20; i++) {
    const p = paragraphs[Math.floor(((i + 0.5) * paragraphs.length) / 20)]
    const words = p.content![0].text.split(' ')
    const at = Math.floor(words.length / 2)
    words[at] = i % 5 === 0 ? `${1000 + i}.500` : 'đổi' + words[at]
    p.content![0].text = words.join(' ')
  }
  return { ...a, body: body as ArticleFields['body'] }
}

export default async function diffBench(report: Report): Promise<void> {
  const before = makeArticle(11, 5000)
  const after = edited(before)
  const runs: number[] = []
  for (let i = 0; i < 30; i++) {
    const started = performance.now()
    const d = diffArticles(before, after)
    runs.push(performance.now() - started)
    if (d.count !== 20) throw new Error(`expected 20 changes, found ${d.count}`)
  }
  report('diff.body_5000_words_ms', round(median(runs)), 'ms')

  if (!existsSync('out/renderer/index.html')) await promisify(execFile)('npm', ['run', 'build'], { maxBuffer: 1 << 26 })
  const desk = await openDesk({ sample: false })
  try {
    const { page } = desk
    const a = await desk.store.create({ ...before, title: 'Bài năm nghìn chữ để so sánh' })
    await desk.store.save(a.id, editableFields({ ...a, ...after, title: a.title }), { reason: 'cli' })
    await desk.reload()
    await page.locator('.list-row', { hasText: 'Bài năm nghìn chữ' }).click()
    await page.locator('.ProseMirror').waitFor()
    await page.locator('.revisions summary').click()
    const opens: number[] = []
    for (let i = 0; i < 5; i++) {
      const started = performance.now()
      await page.locator('.revisions li').first().getByRole('button', { name: 'So sánh' }).click()
      await page.locator('[data-testid="compare-view"] ins.kind-number').first().waitFor()
      opens.push(performance.now() - started)
      await page.keyboard.press('Escape')
      await page.locator('[data-testid="compare-view"]').waitFor({ state: 'detached' })
    }
    report('diff.panel_open_ms', round(median(opens)), 'ms')
  } finally {
    await desk.close()
    await closeBrowser()
  }
}

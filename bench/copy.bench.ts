/** Copy for the CMS: the clipboard's HTML and text of a 1,500-word article with a photo (copy.html_ms, the median of 20). */
import { readFile } from 'node:fs/promises'
import { cmsClipboard } from '../shared/cms-copy'
import { resourceUrl } from '../electron/services/resources'
import { makeArticle } from './corpus'
import { median, round } from './fixtures'
import type { Report } from './run'

export default async function copyBench(report: Report): Promise<void> {
  const a = makeArticle(9, 1500)
  const photo = `data:image/jpeg;base64,${(await readFile(resourceUrl('sample-photo.jpg'))).toString('base64')}`
  const ref = `media:${'a'.repeat(64)}.jpg`
  const content = (a.body as { content: unknown[] }).content
  const body = { type: 'doc', content: [content[0], { type: 'figure', attrs: { src: ref, alt: '', credit: 'Minh Anh', width: 960, height: 540 }, content: [{ type: 'text', text: 'Chú thích ảnh' }] }, ...content.slice(1)] }
  const times: number[] = []
  for (let i = 0; i < 20; i++) {
    const t = performance.now()
    const { html, text } = cmsClipboard({ ...a, body: body as never }, { heading: true, credits: true }, () => photo)
    times.push(performance.now() - t)
    if (!html.includes('Minh Anh') || text.length < 5000) throw new Error('copy bench: the copy is incomplete')
  }
  report('copy.html_ms', round(median(times)), 'ms')
}

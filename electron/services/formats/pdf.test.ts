/**
 * PDF export, read back with poppler's pdftotext and pdfinfo (installed by .ci/run): A4 pages numbered
 * "Trang N/M", the Vietnamese text real and searchable (every word of the article comes back, NFC), the
 * document properties, a photo kept on the page with its caption, and bad input that still gives a PDF.
 */
import { execFile } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defaultFields, type Article } from '../../../shared/article'
import { docFromJSON, docFromParagraphs, docText } from '../../../shared/doc'
import { resourceUrl } from '../resources'
import { goldenArticles } from '../test-support/articles'
import { HOSTILE } from '../test-support/hostile'
import { tempDir } from '../test-support/temp-dir'
import { articleToPdf } from './pdf'

const run = promisify(execFile)
let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir('nd-pdf-'))
})
afterEach(() => cleanup())

const base = (patch: Partial<Article>): Article => ({ ...defaultFields(), id: '66666666-6666-4666-8666-666666666666', createdAt: '2026-11-20T02:15:00.000Z', updatedAt: '2026-11-20T02:15:00.000Z', ...patch })
async function pdf(a: Article, photo?: (ref: string) => Promise<Uint8Array | null>) {
  const file = path.join(dir, 'bai.pdf')
  await writeFile(file, await articleToPdf(a, photo))
  const text = (await run('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 1 << 27 })).stdout.normalize('NFC')
  const info = (await run('pdfinfo', [file])).stdout
  return { file, text, info, pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]) }
}
const words = (s: string) => s.normalize('NFC').split(/\s+/).filter(Boolean)

describe('PDF export', () => {
  it('is real, searchable Vietnamese text on numbered A4 pages, with the document properties', async () => {
    const photo = await readFile(resourceUrl('sample-photo.jpg'))
    const a = goldenArticles.sample
    const { text, info, pages, file } = await pdf(a, async () => photo)
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/)
    expect(info).toContain('Title:           Newsdesk: bài viết mẫu cho phóng viên')
    expect(info).toContain('Author:          Ban biên tập Newsdesk')
    expect(info).toContain('Keywords:        Newsdesk, hướng dẫn, tiếng Việt')
    for (let i = 1; i <= pages; i++) expect(text).toContain(`Trang ${i}/${pages}`)
    // every word of the title, sapo and body comes back, in order
    const got = words(text).join(' ')
    for (const part of [a.title, a.sapo, ...docText(docFromJSON(a.body)).split('\n')]) expect(got).toContain(words(part).join(' '))
    expect(got).toContain('Ảnh minh họa: bình minh trên dãy núi phía tây. Ảnh: Newsdesk')
    expect(got).toContain('Từ khóa: Newsdesk, hướng dẫn, tiếng Việt')
    // the photo is drawn (one image), on the same page as its caption
    const images = (await run('pdfimages', ['-list', file])).stdout.trim().split('\n').slice(2)
    expect(images).toHaveLength(1)
    const page = Number(images[0].trim().split(/\s+/)[0])
    const pageText = (await run('pdftotext', ['-f', String(page), '-l', String(page), file, '-'])).stdout
    expect(pageText).toContain('Ảnh minh họa: bình minh')
  })

  it('keeps Vietnamese text exact: tone marks, đ, numbers and dates', async () => {
    const { text } = await pdf(base({ title: 'Đà Nẵng đón khách', body: docFromParagraphs(['Người dân thủy lợi hòa bình, ngày 21/2 có 4.500 hộ.']) }))
    expect(text).toContain('Đà Nẵng đón khách')
    expect(text).toContain('Người dân thủy lợi hòa bình, ngày 21/2 có 4.500 hộ.')
  })

  it('bad input still gives a PDF that opens: no title, an empty body, 50,000 words, hostile strings', async () => {
    const untitled = await pdf(base({ title: '', body: docFromParagraphs(['Chỉ có thân bài.']) }))
    expect(untitled.text).toContain('Chỉ có thân bài.')
    const empty = await pdf(base({ title: 'Chỉ có tiêu đề' }))
    expect(empty.pages).toBe(1)
    const huge = await pdf(base({ title: 'Bài năm mươi nghìn chữ', body: docFromParagraphs(Array.from({ length: 2500 }, (_, i) => `Đoạn ${i} có hai mươi chữ để làm một bài rất dài, dài hơn mọi bài báo thật của tòa soạn nhé.`)) }))
    expect(huge.pages).toBeGreaterThan(50)
    expect(huge.text.match(/Đoạn \d+ có/g)).toHaveLength(2500)
    expect(huge.text).toContain(`Trang ${huge.pages}/${huge.pages}`)
    const hostile = await pdf(base({ title: HOSTILE[0], author: '\u202eĐảo chiều', body: docFromParagraphs(HOSTILE) }))
    expect(hostile.text).toContain('<script>alert(1)</script>')
    expect(hostile.info).toContain('JavaScript:      no')
    // a photo that is missing from the store, or not JPEG/PNG: its caption and a note stand for it
    const missing = await pdf(base({ title: 'Ảnh thiếu', body: { type: 'doc', content: [{ type: 'figure', attrs: { src: `media:${'d'.repeat(64)}.webp`, alt: '', credit: 'Lê Hà', width: 800, height: 600 }, content: [{ type: 'text', text: 'Phố cổ Hội An' }] }] } as Article['body'] }))
    expect(words(missing.text).join(' ')).toContain(`[ảnh không in được: ${'d'.repeat(64)}.webp] Phố cổ Hội An. Ảnh: Lê Hà`)
  }, 60_000)
})

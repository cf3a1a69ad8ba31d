/**
 * Hand-off to the desk: copy for the CMS (pasted into a rich-text field and a plain text box, both clean),
 * the copy settings, printing, and Word and PDF export from the app — with the PDF's first page and the
 * printed page (Chromium's own print of the exported page, print stylesheet) rendered to PNG and looked at.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import mammoth from 'mammoth'
import { afterAll, describe, expect, it } from 'vitest'
import sample from '../resources/sample-article.json'
import { axeViolations, closeBrowser, openDesk, sharedBrowser, withDesk } from './harness'

afterAll(closeBrowser)
const run = promisify(execFile)

describe('hand-off', () => {
  it('copies the story for a CMS: it arrives clean in a rich-text field and in a plain text box; the settings leave out title, sapo or credits', async () => {
    await withDesk({ viewport: { width: 1440, height: 1000 } }, async (desk) => {
      const { page } = desk
      await page.locator('.list-row', { hasText: sample.title }).click()
      await page.locator('.ProseMirror').waitFor()
      await page.locator('#article-sapo').click()
      await page.keyboard.press('Control+Shift+C')
      await page.getByText(/^Đã chép cho CMS: tiêu đề, sapo và nội dung, 1 ảnh\./).waitFor()
      const copied = desk.dialogs.clipboard.at(-1)!
      expect(copied.html.startsWith(`<h1>${sample.title}</h1><p><strong>NEWSDESK`)).toBe(true)
      expect(copied.html).toMatch(/<img src="data:image\/jpeg;base64,[A-Za-z0-9+/]+=*"/)
      expect(copied.text.split('\n\n')[0]).toBe(sample.title)

      // pasted into a CMS's rich-text field (a contenteditable, as CKEditor and TinyMCE are) and a plain textarea
      const cms = await (await sharedBrowser()).newContext({ permissions: ['clipboard-read', 'clipboard-write'] })
      const field = await cms.newPage()
      // (a secure origin, as a CMS is: the clipboard API needs one)
      await field.route('https://cms.example/**', (r) => r.fulfill({ contentType: 'text/html', body: '<!DOCTYPE html><div id="editor" contenteditable="true" style="min-height:200px"></div><textarea id="plain" rows="10"></textarea>' }))
      await field.goto('https://cms.example/bai-moi')
      await field.evaluate(async ({ html, text }) => {
        await navigator.clipboard.write([new ClipboardItem({ 'text/html': new Blob([html], { type: 'text/html' }), 'text/plain': new Blob([text], { type: 'text/plain' }) })])
      }, copied)
      await field.locator('#editor').click()
      await field.keyboard.press('Control+V')
      await field.locator('#plain').click()
      await field.keyboard.press('Control+V')
      const pasted = await field.evaluate(() => ({
        headings: [...document.querySelectorAll('#editor h1')].map((h) => h.textContent),
        strong: document.querySelector('#editor strong')?.textContent,
        images: document.querySelectorAll('#editor img').length,
        scripts: document.querySelectorAll('#editor script, #editor style, #editor meta').length,
        plain: (document.querySelector('#plain') as HTMLTextAreaElement).value
      }))
      expect(pasted).toMatchObject({ headings: [sample.title], images: 1, scripts: 0 })
      expect(pasted.strong).toContain('NEWSDESK - Bài mẫu')
      expect(pasted.plain).toBe(copied.text)
      await cms.close()

      // the settings: body only, no credits
      await page.getByRole('button', { name: 'Cài đặt' }).click()
      await page.getByLabel('Kèm tiêu đề và sapo').uncheck()
      await page.getByLabel('Kèm dòng tác giả ảnh ("Ảnh: …")').uncheck()
      await desk.screenshot('handoff-copy-settings')
      expect(await axeViolations(page)).toEqual([])
      await page.getByRole('button', { name: 'Lưu' }).click()
      await page.getByRole('button', { name: 'Chép cho CMS' }).click()
      await page.getByText(/^Đã chép cho CMS: nội dung \(không tiêu đề, sapo\), 1 ảnh, không kèm tên tác giả ảnh\./).waitFor()
      const bodyOnly = desk.dialogs.clipboard.at(-1)!
      expect(bodyOnly.html).not.toContain('<h1>')
      expect(bodyOnly.html).not.toContain('Ảnh: Newsdesk')
      expect(bodyOnly.text.startsWith('Chào mừng bạn đến với Newsdesk.')).toBe(true)
    })
  })

  it('prints (Ctrl+P) the page as it looks on paper, and exports Word and PDF from the app; the printed and PDF pages are looked at', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'nd-e2e-handoff-'))
    const desk = await openDesk({ viewport: { width: 1440, height: 1000 } })
    const { page } = desk
    try {
      await page.locator('.list-row', { hasText: sample.title }).click()
      await page.locator('.ProseMirror').waitFor()
      await page.keyboard.press('Control+P')
      await page.getByText(`Đã gửi bài đi in: ${sample.title}`).waitFor()
      const printed = desk.dialogs.printed.at(-1)!
      expect(printed).toContain('@page')
      expect(printed).toMatch(/<img src="data:image\/jpeg;base64,/)

      // Chromium prints that page to PDF with the print stylesheet: A4, numbered pages, the photo with its caption
      const paper = await (await sharedBrowser()).newPage()
      await paper.setContent(printed)
      const printedPdf = path.join(out, 'in.pdf')
      await writeFile(printedPdf, await paper.pdf({ preferCSSPageSize: true }))
      await paper.close()
      expect((await run('pdfinfo', [printedPdf])).stdout).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/)
      const printedText = (await run('pdftotext', ['-layout', printedPdf, '-'])).stdout
      expect(printedText).toMatch(/\b1 ?\/ ?[2-9]\b/)
      await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', printedPdf, path.resolve('e2e/screenshots/handoff-printed-page-1')])

      // Word and PDF from the export menu
      for (const [format, ext] of [['docx', 'docx'], ['pdf', 'pdf']] as const) {
        await page.getByRole('combobox', { name: 'Định dạng xuất' }).selectOption(format)
        desk.dialogs.file = path.join(out, `bai-mau.${ext}`)
        await page.keyboard.press('Control+E')
        await expect.poll(() => readFile(desk.dialogs.file!).then((b) => b.length, () => 0)).toBeGreaterThan(1000)
      }
      expect(desk.dialogs.suggested.slice(-2)).toEqual(['bai-viet-mau-tu-ban-nhap-den-trang-bao.docx', 'bai-viet-mau-tu-ban-nhap-den-trang-bao.pdf'])
      const word = await mammoth.convertToHtml({ path: path.join(out, 'bai-mau.docx') })
      expect(word.value).toContain('<p>Chào mừng bạn đến với Newsdesk.')
      expect(word.value).toMatch(/<img alt="Ba ngọn núi[^"]*" src="data:image\/jpeg;base64,/)
      const pdf = path.join(out, 'bai-mau.pdf')
      const pdfText = (await run('pdftotext', [pdf, '-'])).stdout
      expect(pdfText).toContain(sample.title)
      expect(pdfText).toMatch(/Trang 1\/\d/)
      await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, path.resolve('e2e/screenshots/handoff-pdf-page-1')])
    } finally {
      await desk.close()
      await rm(out, { recursive: true, force: true })
    }
  })
})

import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { exportStylesheet } from '../electron/services/resources'
import { HOSTILE } from '../electron/services/test-support/hostile'
import { importFile } from '../electron/services/import'
import { renderArticleHtml } from '../shared/render-html'
import { mediaFileOf } from '../shared/media'
import { renderText } from '../electron/services/export'
import { axeViolations, closeBrowser, openDesk, serveRenderer, sharedBrowser, withDesk } from './harness'

afterAll(closeBrowser)

async function tmp() {
  return mkdtemp(path.join(os.tmpdir(), 'nd-e2e-export-'))
}

describe('preview and export', () => {
  it('shows in the preview exactly the HTML that Node exports, updated while typing', async () => {
    await withDesk({}, async (desk) => {
      const { page } = desk
      await page.locator('.list-row').first().click()
      const frame = page.getByTestId('preview')
      await frame.waitFor()
      const id = (await desk.store.list()).items[0].id
      // the preview's photos load from the app's own origin; everything else is the export's bytes
      const origin = new URL(page.url()).origin
      const inPreview = { stylesheet: exportStylesheet(), mediaSrc: (ref: string) => `${origin}/media/${mediaFileOf(ref)}`, photoSources: origin }
      const expected = renderArticleHtml(await desk.store.get(id), inPreview)
      await expect.poll(() => frame.getAttribute('srcdoc')).toBe(expected)
      // no scripts: only same-origin, so that the desk can keep the preview's scroll position
      expect(await frame.getAttribute('sandbox')).toBe('allow-same-origin')

      await page.locator('.ProseMirror p').first().click()
      await page.keyboard.press('End')
      await page.keyboard.type(' Thêm một câu mới.')
      await expect.poll(() => frame.getAttribute('srcdoc')).toContain('Thêm một câu mới.')
      await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor()
      const after = renderArticleHtml(await desk.store.get(id), inPreview)
      await expect.poll(() => frame.getAttribute('srcdoc')).toBe(after)

      // laid out at a desktop browser's width, scaled to the panel; the scroll position survives typing
      expect(await frame.evaluate((el) => (el as HTMLIFrameElement).contentDocument!.documentElement.clientWidth)).toBe(1024)
      expect(await frame.evaluate((el) => el.getBoundingClientRect().width)).toBeLessThan(1024)
      const scrolled = await frame.evaluate((el) => {
        const w = (el as HTMLIFrameElement).contentWindow!
        w.scrollTo(0, 120)
        return w.scrollY
      })
      expect(scrolled).toBe(120)
      await page.locator('.ProseMirror p').first().click()
      await page.keyboard.type(' Thêm nữa.')
      await expect.poll(() => frame.getAttribute('srcdoc')).toContain('Thêm nữa.')
      await expect.poll(() => frame.evaluate((el) => (el as HTMLIFrameElement).contentDocument!.body.textContent!.includes('Thêm nữa.'))).toBe(true)
      expect(await frame.evaluate((el) => (el as HTMLIFrameElement).contentWindow!.scrollY)).toBe(120)

      await page.getByRole('button', { name: 'Điện thoại' }).click()
      expect(await frame.evaluate((el) => el.getBoundingClientRect().width)).toBeLessThanOrEqual(375)
      expect(await frame.evaluate((el) => (el as HTMLIFrameElement).contentDocument!.documentElement.clientWidth)).toBe(375)
      await desk.screenshot('preview-mobile')
    })
  })

  it('exports the open article with Ctrl+E to the file chosen in the save dialog', async () => {
    const desk = await openDesk()
    const dir = await tmp()
    const { page } = desk
    try {
      desk.dialogs.file = path.join(dir, 'bai.html')
      await page.locator('.list-row').first().click()
      await page.locator('#article-title').waitFor()
      await page.keyboard.press('Control+e')
      // the sample's photo goes into a folder named after the file
      await expect.poll(() => readdir(dir).then((n) => n.sort())).toEqual(['bai', 'bai.html'])
      expect(desk.dialogs.suggested).toEqual(['bai-viet-mau-tu-ban-nhap-den-trang-bao.html'])
      const id = (await desk.store.list()).items[0].id
      expect(await readFile(path.join(dir, 'bai.html'), 'utf8')).toBe(await renderText(await desk.store.get(id), 'html', { photos: { folder: 'bai' } }))
      await page.getByText(/Đã xuất ra/).waitFor()
    } finally {
      await desk.close()
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('exports the list to a folder with progress (a batch large enough for the export worker), asks about existing files and sums up', async () => {
    const desk = await openDesk({ sample: false })
    const dir = await tmp()
    const { page } = desk
    try {
      // enough articles for the export's worker to write them (from 64)
      await desk.store.createMany(Array.from({ length: 100 }, (_, i) => ({ patch: { title: `Tin số ${i}`, sapo: 'VOV.VN - Sapo.', category: i % 2 ? 'Kinh tế' : 'Thể thao' } })))
      await writeFile(path.join(dir, 'tin-so-1.html'), 'của người khác')
      await desk.reload()
      desk.dialogs.folder = dir
      desk.dialogs.existing = 'keep-both'
      await page.evaluate(() => {
        const w = window as unknown as { __progress: unknown[]; api: { on: (e: string, l: (p: unknown) => void) => void } }
        w.__progress = []
        w.api.on('export-progress', (p) => w.__progress.push(p))
      })
      await page.getByRole('button', { name: 'Xuất danh sách…' }).click()
      const summary = page.getByTestId('export-summary')
      await summary.waitFor()
      expect(await summary.innerText()).toContain('100 tệp đã ghi')
      // from the start to the end, a few steps between (at most one each tenth of a second)
      const progress = await page.evaluate(() => (window as unknown as { __progress: Array<{ done: number; total: number }> }).__progress)
      expect(progress[0]).toEqual({ done: 0, total: 100 })
      expect(progress.at(-1)).toEqual({ done: 100, total: 100 })
      expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b))
      expect(desk.dialogs.asked).toEqual(['tin-so-1.html'])
      const files = await readdir(dir)
      expect(files).toHaveLength(102)
      expect(files).toContain('tin-so-1-2.html')
      expect(await readFile(path.join(dir, 'tin-so-1.html'), 'utf8')).toBe('của người khác')
      await desk.screenshot('export-summary')
      expect(await axeViolations(page)).toEqual([])
    } finally {
      await desk.close()
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('stops a batch with the Stop beside its progress: the files in hand are written, the summary says it stopped', async () => {
    const desk = await openDesk({ sample: false })
    const dir = await tmp()
    const { page } = desk
    try {
      for (let i = 0; i < 30; i++) await desk.store.create({ title: `Tin số ${i}` })
      const order = (await desk.store.list()).items.map((m) => m.title)
      await desk.reload()
      // the export waits on the question about the 8th article's name, taken in the folder
      const taken = `tin-so-${order[7].split(' ').pop()}.html`
      await writeFile(path.join(dir, taken), 'của người khác')
      let answer: (choice: 'skip') => void = () => {}
      desk.dialogs.folder = dir
      desk.dialogs.existing = new Promise((resolve) => (answer = resolve))
      await page.getByRole('button', { name: 'Xuất danh sách…' }).click()
      await expect.poll(() => desk.dialogs.asked).toEqual([taken])
      const status = page.getByRole('status').filter({ hasText: 'Đang xuất' })
      await expect.poll(() => status.innerText()).toContain('Đang xuất 0/30')
      await desk.screenshot('export-stop')
      await status.getByRole('button', { name: 'Dừng' }).click()
      answer('skip')
      const summary = page.getByTestId('export-summary')
      await summary.waitFor()
      expect(await summary.innerText()).toContain('7 tệp đã ghi')
      expect(await page.getByTestId('export-stopped').innerText()).toContain('Đã dừng giữa chừng')
      expect((await readdir(dir)).sort()).toEqual([...order.slice(0, 7).map((t) => `tin-so-${t.split(' ').pop()}.html`), taken, 'index.html'].sort())
      await desk.screenshot('export-stopped')
      expect(await axeViolations(page)).toEqual([])
      expect(await page.getByRole('status').filter({ hasText: 'Đang xuất' }).count()).toBe(0)
    } finally {
      await desk.close()
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('exports only the articles picked with Ctrl+click', async () => {
    const desk = await openDesk({ sample: false })
    const dir = await tmp()
    const { page } = desk
    try {
      for (const title of ['Một', 'Hai', 'Ba']) await desk.store.create({ title: `Tin ${title}` })
      await desk.reload()
      await page.locator('.list-row', { hasText: 'Tin Một' }).click({ modifiers: ['Control'] })
      await page.locator('.list-row', { hasText: 'Tin Ba' }).click({ modifiers: ['Control'] })
      desk.dialogs.folder = dir
      await page.getByRole('button', { name: 'Xuất 2 bài đã chọn…' }).click()
      await page.getByTestId('export-summary').waitFor()
      expect((await readdir(dir)).sort()).toEqual(['index.html', 'tin-ba.html', 'tin-mot.html'])
    } finally {
      await desk.close()
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('exports hostile drafts to files that fire no dialog, make no request and log no error in Chromium', async () => {
    const dir = await tmp()
    try {
      const { renderText } = await import('../electron/services/export/exporter')
      const { goldenArticles } = await import('../electron/services/test-support/articles')
      const names: string[] = []
      for (const [i, snippet] of HOSTILE.entries()) {
        const r = await importFile('x.html', new TextEncoder().encode(`<h1>Tít ${i} </script><script>alert(9)</script></h1><p>${snippet}</p>${snippet}`))
        if (!r.ok) throw new Error(r.error)
        await writeFile(path.join(dir, `${i}.html`), await renderText({ ...goldenArticles['minimal-untitled'], ...r.fields } as never, 'html'))
        names.push(`${i}.html`)
      }
      const server = await serveRenderer()
      const http = await import('node:http')
      const files = http.createServer(async (req, res) => {
        const name = path.basename(decodeURIComponent(req.url ?? ''))
        // the browser asks for /favicon.ico by itself: answer it with no content, not an error
        if (!names.includes(name)) return void res.writeHead(204).end()
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(await readFile(path.join(dir, name)))
      })
      await new Promise<void>((r) => files.listen(0, '127.0.0.1', r))
      const port = (files.address() as { port: number }).port
      const context = await (await sharedBrowser()).newContext()
      const page = await context.newPage()
      const dialogs: string[] = []
      const requests: string[] = []
      const errors: string[] = []
      page.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()))
      page.on('request', (r) => requests.push(r.url()))
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
      page.on('pageerror', (e) => errors.push(e.message))
      for (const name of names) {
        const url = `http://127.0.0.1:${port}/${name}`
        await page.goto(url)
        await page.waitForTimeout(50)
        expect(requests.filter((r) => r !== url), name).toEqual([])
        requests.length = 0
      }
      expect(dialogs).toEqual([])
      expect(errors).toEqual([])
      await context.close()
      await server.close()
      await new Promise((r) => files.close(r))
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

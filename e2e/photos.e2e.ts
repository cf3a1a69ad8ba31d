/**
 * Photos, as a journalist adds them: from the photo dialog (caption and credit prefilled from the photo's
 * own metadata), pasted from the clipboard, refused with the file's name when they are not photos; captioned
 * and credited in place, featured from the popover; shown in the preview; exported to a page whose folder,
 * opened from disk, shows every photo.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { closeBrowser, openDesk, sharedBrowser } from './harness'

afterAll(closeBrowser)

const FIXTURES = path.resolve('electron/services/media/fixtures')

/** Do all images of this page or frame (or of its part `selector`) show, loaded and decoded? Their count and how many show. */
const imagesShown = (selector = 'img') =>
  Promise.all(
    [...document.querySelectorAll('img')].filter((img) => img.matches(selector)).map((img) =>
      img.decode().then(
        () => img.naturalWidth > 0,
        () => false
      )
    )
  ).then((ok) => ({ total: ok.length, shown: ok.filter(Boolean).length }))

describe('photos', () => {
  it('come in from the dialog and the clipboard, are captioned, credited and featured, show in the preview and in the exported folder', async () => {
    const desk = await openDesk({ viewport: { width: 1440, height: 1000 } })
    const { page } = desk
    const work = await mkdtemp(path.join(os.tmpdir(), 'nd-e2e-photos-'))
    try {
      await page.getByRole('button', { name: /Bài mới/ }).click()
      // the new article is open when its empty title has the focus
      await page.locator('#article-title:focus').waitFor()
      expect(await page.locator('#article-title').inputValue()).toBe('')
      await page.locator('#article-title').fill('Cầu Rồng rực lửa cuối tuần')
      await page.locator('#article-sapo').fill('VOV.VN - Hàng nghìn người dân và du khách xem cầu phun lửa.')
      await page.locator('.ProseMirror').click()
      await page.keyboard.type('Đêm thứ Bảy, cây cầu lại phun lửa và phun nước.')

      // the dialog: a JPEG with IPTC caption and by-line, a PNG, and two files that are not photos
      const svg = path.join(work, 'logo.svg')
      await writeFile(svg, '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
      const cut = path.join(work, 'dut.jpg')
      await writeFile(cut, (await readFile(path.join(FIXTURES, 'cau-rong.jpg'))).subarray(0, 9000))
      desk.dialogs.photos = [path.join(FIXTURES, 'cau-rong.jpg'), path.join(FIXTURES, 'co-do.png'), svg, cut]
      await page.locator('[data-tool="photo"]').click()
      await expect.poll(() => page.locator('figure.photo').count()).toBe(2)
      const toast = page.getByRole('alert').filter({ hasText: 'Không thêm được ảnh' })
      await expect.poll(() => toast.textContent()).toContain('logo.svg: SVG')
      expect(await toast.textContent()).toContain('dut.jpg: the JPEG file is cut short')
      const first = page.locator('figure.photo').first()
      expect(await first.locator('figcaption').textContent()).toBe('Cầu Rồng phun lửa đêm cuối tuần')
      expect(await first.locator('.photo-credit').inputValue()).toBe('Minh Anh')
      expect(await page.evaluate(imagesShown, '.ProseMirror img')).toEqual({ total: 2, shown: 2 })
      // the first photo of an article is its featured one
      await expect.poll(() => first.getAttribute('class')).toContain('featured')

      // caption typed in place, credit and alt text edited
      const second = page.locator('figure.photo').nth(1)
      await second.locator('figcaption').click()
      await page.keyboard.type('Lá cờ đỏ sao vàng trên cột cờ')
      await second.locator('.photo-credit').fill('Thu Hà')
      await second.getByRole('button', { name: 'Chi tiết ảnh' }).click()
      await second.getByRole('textbox', { name: /Mô tả ảnh/ }).fill('Lá cờ đỏ với ngôi sao vàng')
      await second.getByRole('button', { name: /Đặt làm ảnh đại diện/ }).click()
      await expect.poll(() => second.getAttribute('class')).toContain('featured')
      await page.keyboard.press('Escape')

      // a photo pasted from the clipboard
      const pasted = (await readFile(path.join(FIXTURES, 'hoa-sen.webp'))).toString('base64')
      // the caret at the start of the first paragraph
      await page.locator('.ProseMirror > p').first().click({ position: { x: 2, y: 4 } })
      await expect.poll(() => page.evaluate(() => getSelection()?.anchorNode?.parentElement?.closest('.ProseMirror > p') !== null)).toBe(true)
      await page.evaluate((b64) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
        const data = new DataTransfer()
        data.items.add(new File([bytes], 'image.webp', { type: 'image/webp' }))
        document.querySelector('.ProseMirror')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
      }, pasted)
      await expect.poll(() => page.locator('figure.photo').count()).toBe(3)

      // a photo dragged in from the desktop, dropped on the text
      const box = (await page.locator('.ProseMirror > p').first().boundingBox())!
      await page.evaluate(
        ([b64, x, y]) => {
          const bytes = Uint8Array.from(atob(b64 as string), (c) => c.charCodeAt(0))
          const data = new DataTransfer()
          data.items.add(new File([bytes], 'sao.gif', { type: 'image/gif' }))
          document.querySelector('.ProseMirror')!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, clientX: x as number, clientY: y as number, bubbles: true, cancelable: true }))
        },
        [(await readFile(path.join(FIXTURES, 'sao.gif'))).toString('base64'), box.x + 5, box.y + box.height / 2] as const
      )
      await expect.poll(() => page.locator('figure.photo').count()).toBe(4)
      // selected by a click on it, deleted with Delete, back with Ctrl+Z
      const dropped = page.locator('figure.photo[data-media$=".gif"]')
      await dropped.locator('img').click()
      await expect.poll(() => dropped.getAttribute('class')).toContain('selected')
      await page.keyboard.press('Delete')
      await expect.poll(() => page.locator('figure.photo').count()).toBe(3)
      await page.keyboard.press('Control+z')
      await expect.poll(() => page.locator('figure.photo').count()).toBe(4)
      await page.keyboard.press('Control+z')
      await expect.poll(() => page.locator('figure.photo').count()).toBe(3)

      await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor()
      // the list row shows the featured photo once saved
      await expect.poll(() => page.locator('.list-row.selected .row-thumb').count(), { timeout: 5000 }).toBe(1)
      const id = (await desk.store.list({ sort: 'updated' })).items[0].id
      const saved = await desk.store.get(id)
      const figures = (saved.body.content as Array<{ type: string; attrs: Record<string, unknown> }>).filter((n) => n.type === 'figure')
      expect(figures).toHaveLength(3)
      // the pasted photo went in after the paragraph it was pasted in, before the others
      expect(figures.map((f) => f.attrs.width)).toEqual([24, 640, 30])
      expect(figures[2].attrs).toMatchObject({ credit: 'Thu Hà', alt: 'Lá cờ đỏ với ngôi sao vàng', width: 30, height: 20 })
      expect(saved.featuredImage).toBe(figures[2].attrs.src)
      // the article file holds references, not photos
      expect(JSON.stringify(saved).length).toBeLessThan(4000)

      // the preview shows them as the export does
      const preview = page.frameLocator('[data-testid="preview"]')
      await expect.poll(() => preview.locator('figure img').count()).toBe(3)
      await expect.poll(() => page.frames()[1].evaluate(imagesShown, 'img')).toEqual({ total: 3, shown: 3 })
      expect(await preview.locator('figure').nth(2).locator('figcaption').textContent()).toBe('Lá cờ đỏ sao vàng trên cột cờ Ảnh: Thu Hà')
      await desk.screenshot('photos-editor')

      // export: the page and its folder; moved elsewhere, opened from disk, every photo shows
      desk.dialogs.file = path.join(work, 'out', 'cau-rong.html')
      await rm(path.join(work, 'out'), { recursive: true, force: true })
      await (await import('node:fs/promises')).mkdir(path.join(work, 'out'))
      await page.keyboard.press('Control+e')
      await expect.poll(() => readdir(path.join(work, 'out')).then((n) => n.sort())).toEqual(['cau-rong', 'cau-rong.html'])
      expect(await readdir(path.join(work, 'out', 'cau-rong'))).toHaveLength(3)
      const moved = path.join(work, 'moved')
      await (await import('node:fs/promises')).cp(path.join(work, 'out'), moved, { recursive: true })
      await rm(path.join(work, 'out'), { recursive: true })
      const html = await readFile(path.join(moved, 'cau-rong.html'), 'utf8')
      expect(html).toContain('<meta content="cau-rong/')
      expect(html).toMatch(/"image": \[\s*"cau-rong\//)
      const viewer = await (await sharedBrowser()).newPage({ viewport: { width: 1000, height: 1400 } })
      try {
        await viewer.goto(pathToFileURL(path.join(moved, 'cau-rong.html')).href)
        expect(await viewer.evaluate(imagesShown, 'img')).toEqual({ total: 3, shown: 3 })
        await viewer.screenshot({ path: path.resolve('e2e/screenshots/photos-exported.png'), fullPage: true })
      } finally {
        await viewer.close()
      }
    } finally {
      await desk.close()
      await rm(work, { recursive: true, force: true })
    }
  })
})

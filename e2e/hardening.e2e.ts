/** Defects found in review, each as the journalist meets it in the app. */
import { mkdtemp, readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { jsonText } from '../shared/doc'
import type { Locator } from 'playwright-core'
import { closeBrowser, withDesk } from './harness'

afterAll(closeBrowser)

/** Paste plain text into a field, as the system's paste does (the page sees a paste event with the text). */
const pasteText = (field: Locator, text: string) =>
  field.evaluate((el, t) => {
    const data = new DataTransfer()
    data.setData('text/plain', t)
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  }, text)

describe('review defects in the app', () => {
  it('"Duplicate" copies the text being edited, not the text last saved', async () => {
    await withDesk({ sample: false }, async (desk) => {
      const a = await desk.store.create({ title: 'Bài gốc', body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Đã lưu.' }] }] } })
      await desk.reload()
      await desk.page.locator('.list-row', { hasText: 'Bài gốc' }).click()
      await desk.page.locator('.ProseMirror').click()
      await desk.page.keyboard.press('End')
      await desk.page.keyboard.type(' Chưa lưu, vừa gõ.')
      // at once, before the autosave
      await desk.page.getByRole('button', { name: 'Nhân bản' }).click()
      await expect.poll(async () => (await desk.store.list()).total).toBe(2)
      const copy = (await desk.store.list()).items.find((m) => m.id !== a.id)!
      expect(jsonText((await desk.store.get(copy.id)).body)).toContain('Chưa lưu, vừa gõ.')
      expect(copy.title).toContain('Bài gốc')
    })
  })

  it('pasting "a, b, c" into the tags adds all three', async () => {
    await withDesk({ sample: false }, async (desk) => {
      const a = await desk.store.create({ title: 'Thẻ dán' })
      await desk.reload()
      await desk.page.locator('.list-row', { hasText: 'Thẻ dán' }).click()
      const field = desk.page.getByTestId('tag-field')
      await field.focus()
      await pasteText(field, 'kinh tế, Đà Nẵng, du lịch')
      await expect.poll(async () => (await desk.store.get(a.id)).tags, { timeout: 10_000 }).toEqual(['kinh tế', 'Đà Nẵng', 'du lịch'])
      // typed with commas: each part before a comma becomes a tag at once
      await field.pressSequentially('một,hai,')
      await expect.poll(async () => (await desk.store.get(a.id)).tags, { timeout: 10_000 }).toEqual(['kinh tế', 'Đà Nẵng', 'du lịch', 'một', 'hai'])
    })
  })

  it('pasting headlines one per line into "Tin liên quan" adds each of them', async () => {
    await withDesk({ sample: false }, async (desk) => {
      const a = await desk.store.create({ title: 'Tin dán', related: ['Tin cũ'] })
      await desk.reload()
      await desk.page.locator('.list-row', { hasText: 'Tin dán' }).click()
      const field = desk.page.getByLabel('Thêm tin liên quan (Enter)')
      await field.focus()
      await pasteText(field, 'Giá vàng tăng mạnh\r\n\nBão số 5 vào bờ\n')
      await expect.poll(async () => (await desk.store.get(a.id)).related, { timeout: 10_000 }).toEqual(['Tin cũ', 'Giá vàng tăng mạnh', 'Bão số 5 vào bờ'])
      expect(await field.inputValue()).toBe('')
      await desk.screenshot('related-pasted')
    })
  })

  it('shows why the list could not load, and loads it on retry', async () => {
    await withDesk({ sample: false }, async (desk) => {
      await desk.store.create({ title: 'Có trong danh sách' })
      desk.failing.add('list')
      await desk.reload()
      const alert = desk.page.locator('.list-error')
      await expect.poll(() => alert.innerText()).toContain('ENOSPC')
      await desk.screenshot('list-load-error')
      desk.failing.delete('list')
      await alert.getByRole('button', { name: 'Thử lại' }).click()
      await desk.page.locator('.list-row', { hasText: 'Có trong danh sách' }).waitFor()
      expect(await alert.count()).toBe(0)
    })
  })

  it('a failing action behind a button is shown, never left as an unhandled rejection', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'nd-e2e-drafts-'))
    await withDesk({ sample: false }, async (desk) => {
      desk.dialogs.draftsFolder = folder
      await desk.page.getByRole('button', { name: /Chọn thư mục/ }).click()
      await desk.page.getByRole('button', { name: /Đồng bộ ngay/ }).waitFor()
      desk.failing.add('syncNow')
      await desk.page.getByRole('button', { name: /Đồng bộ ngay/ }).click()
      const toast = desk.page.getByRole('alert').filter({ hasText: 'ENOSPC' })
      await toast.waitFor()
      expect(await toast.innerText()).toContain('Có lỗi')
      // (openDesk's close() fails the test if the page had an uncaught error)
    })
  })

  it('adding a category adds only that one to the settings', async () => {
    await withDesk({ sample: false }, async (desk) => {
      const before = desk.store.settings.categories
      await desk.store.create({ title: 'Dùng chuyên mục lạ', category: 'Chuyên mục chỉ bài này dùng' })
      const a = await desk.store.create({ title: 'Bài cần chuyên mục mới' })
      await desk.reload()
      await desk.page.locator('.list-row', { hasText: 'Bài cần chuyên mục mới' }).click()
      await desk.page.locator('#meta-category').selectOption('\u0000add')
      const input = desk.page.getByRole('textbox', { name: 'Tên chuyên mục mới' })
      await input.fill('Biển đảo')
      await input.press('Enter')
      await expect.poll(() => desk.store.settings.categories).toEqual([...before, 'Biển đảo'])
      await expect.poll(async () => (await desk.store.get(a.id)).category, { timeout: 10_000 }).toBe('Biển đảo')
    })
  })

  it('exports HTML without images from the web by default, says so, and keeps them when asked', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'nd-e2e-remote-'))
    await withDesk({ sample: false }, async (desk) => {
      const pixel = { type: 'paragraph', content: [{ type: 'text', text: 'Có ảnh theo dõi.' }, { type: 'image', attrs: { src: 'https://tracker.example/p.gif', alt: '', title: null } }] }
      const a = await desk.store.create({ title: 'Ảnh từ mạng', body: { type: 'doc', content: [pixel] } })
      await desk.store.create({ title: 'Bài thứ hai' })
      await desk.reload()
      desk.dialogs.folder = path.join(out, 'lo')
      const keep = desk.page.getByRole('checkbox', { name: 'Giữ ảnh từ Internet' })
      expect(await keep.isChecked()).toBe(false)
      await desk.page.getByRole('button', { name: /Xuất danh sách/ }).click()
      await expect.poll(() => desk.page.getByTestId('export-remote-omitted').innerText()).toContain('Đã bỏ 1 ảnh')
      await desk.screenshot('export-remote-images-omitted')
      const files = (await import('node:fs/promises')).readdir(path.join(out, 'lo'))
      const page = (await files).find((f) => f.startsWith('anh-tu-mang'))!
      expect(await readFile(path.join(out, 'lo', page), 'utf8')).not.toContain('tracker.example')
      await desk.page.getByRole('button', { name: 'Đóng' }).click()

      await keep.check()
      desk.dialogs.file = path.join(out, 'giu.html')
      await desk.page.locator('.list-row', { hasText: 'Ảnh từ mạng' }).click()
      await desk.page.getByRole('button', { name: /Xuất bài/ }).click()
      await expect.poll(() => readFile(path.join(out, 'giu.html'), 'utf8').catch(() => '')).toContain('src="https://tracker.example/p.gif"')
      expect(a.id).toBeTruthy()
    })
  })
})

/**
 * A journalist's first day, keyboard only: a new article (title, sapo, body), its metadata, an export, a
 * drafts folder chosen, a sync conflict settled, the settings — with the focus checked at every step.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { closeBrowser, openDesk } from './harness'

afterAll(closeBrowser)

/** What has the focus: its id, else its accessible name or text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body) return 'body'
    return el.id || el.getAttribute('aria-label') || el.textContent?.trim() || el.className
  })

/** Press Tab until `want` has the focus (at most `max` times); fails if it never does. */
async function tabTo(page: Page, want: string | RegExp, max = 80, key = 'Tab') {
  for (let i = 0; i < max; i++) {
    const now = await focused(page)
    if (typeof want === 'string' ? now === want : want.test(now)) return
    await page.keyboard.press(key)
  }
  throw new Error(`${String(want)} never got the focus (last: ${await focused(page)})`)
}

describe('the first day at the desk, keyboard only', () => {
  it('writes, fills, exports, syncs, settles a conflict and opens the settings without a mouse', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'nd-e2e-first-'))
    const drafts = path.join(out, 'drafts')
    const desk = await openDesk({ viewport: { width: 1280, height: 720 } })
    const { page } = desk
    try {
      // a new article: Ctrl+N, then title, sapo and body, Enter from one to the next
      await page.keyboard.press('Control+n')
      await expect.poll(() => focused(page)).toBe('article-title')
      await page.keyboard.type('Ngày đầu ở tòa soạn')
      await page.keyboard.press('Enter')
      expect(await focused(page)).toBe('article-sapo')
      await page.keyboard.type('VOV.VN - Một ngày làm việc trọn vẹn bằng bàn phím.')
      await page.keyboard.press('Enter')
      await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('ProseMirror'))).toBe(true)
      await page.keyboard.type('Mọi việc đều làm được mà không cần chuột.')

      // the metadata, reached with Tab
      await tabTo(page, 'meta-category')
      await page.keyboard.type('Xã')
      await expect.poll(() => page.locator('#meta-category').inputValue()).toBe('Xã hội')
      await tabTo(page, 'meta-author')
      await page.keyboard.type('Lê Thu Trang')
      await tabTo(page, 'meta-date')
      await page.keyboard.type('hôm nay')
      await page.keyboard.press('Enter')
      await expect.poll(() => page.locator('#meta-date').inputValue()).toMatch(/^\d\d\/\d\d\/\d{4}$/)
      expect(await focused(page)).toBe('meta-date')
      await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor()

      // export: Ctrl+E, the save dialog answers, the focus stays where it was
      desk.dialogs.file = path.join(out, 'ngay-dau.html')
      await page.keyboard.press('Control+e')
      await expect.poll(() => readdir(out)).toContain('ngay-dau.html')
      expect(await focused(page)).toBe('meta-date')

      // a drafts folder, chosen from the bottom bar's button
      await (await import('node:fs/promises')).mkdir(drafts)
      const file = path.join(drafts, 'tin-dong-nghiep.txt')
      await writeFile(file, 'Tin của đồng nghiệp\nVOV.VN - Gửi từ điện thoại.\nĐoạn gốc.')
      desk.dialogs.draftsFolder = drafts
      await tabTo(page, 'Chọn thư mục…')
      await page.keyboard.press('Enter')
      await page.locator('.list-row', { hasText: 'Tin của đồng nghiệp' }).waitFor({ timeout: 10_000 })
      expect(await focused(page)).toBe('Chọn thư mục…')

      // a conflict: the article was changed here and the colleague changed the file
      const synced = (await desk.store.list({ query: 'tin cua dong nghiep' })).items[0]
      await desk.store.save(synced.id, { sapo: 'VOV.VN - Sửa ở tòa soạn.' })
      await writeFile(file, 'Tin của đồng nghiệp\nVOV.VN - Gửi từ điện thoại.\nĐoạn gốc. Sửa trên điện thoại.')
      await page.keyboard.press('Control+Shift+Y')
      await page.getByRole('button', { name: /việc cần xem/ }).waitFor({ timeout: 10_000 })
      await tabTo(page, /việc cần xem/, 150)
      await page.keyboard.press('Enter')
      await expect.poll(() => focused(page)).toMatch(/Lỗi và xung đột/)
      await page.keyboard.press('Tab')
      expect(await focused(page)).toBe('Mở')
      await page.keyboard.press('Enter')
      await page.getByTestId('conflict-label').waitFor()
      await tabTo(page, 'So sánh hai bản', 80, 'Shift+Tab')
      await page.keyboard.press('Enter')
      await page.locator('dialog[open]').waitFor()
      expect(await page.evaluate(() => !!document.activeElement?.closest('dialog[open]'))).toBe(true)
      await tabTo(page, 'Giữ cả hai', 20)
      await page.keyboard.press('Enter')
      await expect.poll(() => page.locator('dialog[open]').count()).toBe(0)
      await expect.poll(() => page.locator('.banner.conflict').count()).toBe(0)
      await expect.poll(() => page.getByTestId('sync-status').innerText()).toContain('0 xung đột')

      // the settings, from ⚙, and back with Esc
      await tabTo(page, 'Cài đặt', 120, 'Shift+Tab')
      await page.keyboard.press('Enter')
      await page.locator('dialog[open]').waitFor()
      expect(await page.evaluate(() => !!document.activeElement?.closest('dialog[open]'))).toBe(true)
      await desk.screenshot('first-day-settings')
      await page.keyboard.press('Escape')
      await expect.poll(() => page.locator('dialog[open]').count()).toBe(0)
      expect(await focused(page)).toBe('Cài đặt')
    } finally {
      await desk.close()
      await rm(out, { recursive: true, force: true })
    }
  })
})

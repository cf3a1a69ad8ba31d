import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { jsonText } from '../shared/doc'
import { axeViolations, closeBrowser, openDesk } from './harness'

afterAll(closeBrowser)

describe('drafts folder sync in the app', () => {
  it('follows the chosen folder, picks up new drafts, and lets the journalist settle a conflict', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'nd-e2e-drafts-'))
    const desk = await openDesk({ sample: false })
    const { page } = desk
    try {
      await writeFile(path.join(folder, 'tin-dau.txt'), 'Tin đầu tiên từ thư mục\nVOV.VN - Sapo tin đầu.\nĐoạn gốc.')
      desk.dialogs.draftsFolder = folder
      await page.getByRole('button', { name: 'Chọn thư mục…' }).click()
      await page.locator('.list-row', { hasText: 'Tin đầu tiên từ thư mục' }).waitFor({ timeout: 10_000 })
      await expect.poll(() => page.getByTestId('sync-status').innerText()).toContain('1 mới')

      // a colleague drops another draft: the watcher brings it in
      await writeFile(path.join(folder, 'tin-hai.md'), '---\ntitle: Tin thứ hai\n---\nNội dung.')
      await page.locator('.list-row', { hasText: 'Tin thứ hai' }).waitFor({ timeout: 10_000 })

      // both sides edit the first draft
      await page.locator('.list-row', { hasText: 'Tin đầu tiên từ thư mục' }).click()
      // the article says which draft file it follows
      await expect.poll(() => page.getByTestId('origin-file').innerText()).toMatch(/^Theo tệp nháp: tin-dau\.txt/)
      await page.getByTestId('origin-file').getByRole('button', { name: 'Mở thư mục' }).click()
      await expect.poll(() => desk.dialogs.revealed).toEqual([path.join(folder, 'tin-dau.txt')])
      await page.locator('.ProseMirror').click()
      await page.keyboard.press('Control+End')
      await page.keyboard.type(' Sửa trong app.')
      await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor()
      await writeFile(path.join(folder, 'tin-dau.txt'), 'Tin đầu tiên từ thư mục\nVOV.VN - Sapo tin đầu.\nĐoạn gốc. Sửa trong tệp.')
      const conflictRow = page.locator('.list-row', { hasText: 'Xung đột' })
      await conflictRow.waitFor({ timeout: 10_000 })
      expect(await page.locator('.ProseMirror').innerText()).toContain('Sửa trong app.')

      await conflictRow.click()
      await page.getByRole('button', { name: 'So sánh hai bản' }).click()
      const dialog = page.getByRole('dialog')
      await dialog.getByTestId('compare-view').waitFor()
      await desk.screenshot('sync-conflict-compare')
      expect(await axeViolations(page)).toEqual([])
      await dialog.getByRole('button', { name: 'Giữ bản từ tệp' }).click()
      await expect.poll(() => page.locator('.list-row', { hasText: 'Xung đột' }).count()).toBe(0)
      const original = (await desk.store.list({ query: 'tin dau tien' })).items[0]
      const article = await desk.store.get(original.id)
      expect(jsonText(article.body)).toContain('Sửa trong tệp.')
      // the app's text is kept as a revision
      const revisions = await desk.store.revisionsOf(original.id)
      const texts = await Promise.all(revisions.map(async (r) => jsonText((await desk.store.readRevision(original.id, r.id)).body)))
      expect(texts.join('\n')).toContain('Sửa trong app.')
    } finally {
      await desk.close()
      await rm(folder, { recursive: true, force: true })
    }
  })

  it('shows a colleague\'s edit of the open article at once, and never saves over one it had not shown: that version becomes a conflict copy', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'nd-e2e-drafts-'))
    const desk = await openDesk({ sample: false })
    const { page } = desk
    const file = path.join(folder, 'cau-moi.txt')
    try {
      await writeFile(file, 'Cầu mới hợp long\nVOV.VN - Sáng nay cầu nối liền hai bờ.\nĐoạn gốc.')
      desk.dialogs.draftsFolder = folder
      await page.getByRole('button', { name: 'Chọn thư mục…' }).click()
      await page.locator('.list-row', { hasText: 'Cầu mới hợp long' }).click({ timeout: 10_000 })
      await expect.poll(() => page.locator('.ProseMirror').innerText()).toBe('Đoạn gốc.')
      const { id } = (await desk.store.list({ query: 'cau moi' })).items[0]

      // the colleague edits the file, nothing is being typed here: the editor shows the new text at once
      await writeFile(file, 'Cầu mới hợp long\nVOV.VN - Sáng nay cầu nối liền hai bờ.\nĐoạn gốc. Sửa trong tệp.')
      await page.getByTestId('toast').filter({ hasText: 'Bài đang mở vừa được cập nhật từ tệp nháp.' }).waitFor({ timeout: 10_000 })
      await expect.poll(() => page.locator('.ProseMirror').innerText()).toBe('Đoạn gốc. Sửa trong tệp.')
      // (the journalist's next words go after the colleague's: no conflict)
      await page.locator('.ProseMirror').click()
      await page.keyboard.press('Control+End')
      await page.keyboard.type(' Sửa trong app.')
      await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor()
      expect(jsonText((await desk.store.get(id)).body).trim()).toBe('Đoạn gốc. Sửa trong tệp. Sửa trong app.')
      expect(desk.store.openConflicts()).toEqual([])

      // a version saved by the sync while words typed here wait to be saved: it is kept, as a conflict copy
      await page.keyboard.type(' Thêm ý.')
      const synced = await desk.store.save(id, { sapo: 'VOV.VN - Sáng nay, sau hai năm, cầu nối liền hai bờ.' }, { reason: 'sync' })
      await page.getByTestId('toast').filter({ hasText: 'Tệp nháp của bài đã đổi trong lúc bạn sửa' }).waitFor({ timeout: 10_000 })
      const [conflict] = desk.store.openConflicts()
      expect(conflict).toMatchObject({ id })
      expect((await desk.store.get(conflict.conflictId)).sapo).toBe(synced.sapo)
      expect(jsonText((await desk.store.get(id)).body).trim()).toBe('Đoạn gốc. Sửa trong tệp. Sửa trong app. Thêm ý.')
      await page.locator('.list-row', { hasText: 'Xung đột' }).waitFor()
      await desk.screenshot('sync-conflict-while-editing')
    } finally {
      await desk.close()
      await rm(folder, { recursive: true, force: true })
    }
  })

  for (const [keep, button, left] of [['both', 'Giữ cả hai', 2], ['app', 'Giữ bản trong app', 1], ['file', 'Giữ bản từ tệp', 1]] as const) {
  it(`ends a conflict for good (keep ${keep}): the copy labelled, the bar and popover clear, the next edit of the file makes no new conflict`, async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'nd-e2e-drafts-'))
    const desk = await openDesk({ sample: false })
    const { page } = desk
    const file = path.join(folder, 'lu-mien-trung.txt')
    try {
      await writeFile(file, 'Lũ miền Trung\nVOV.VN - Nước lên nhanh.\nĐoạn gốc.')
      desk.dialogs.draftsFolder = folder
      await page.getByRole('button', { name: 'Chọn thư mục…' }).click()
      const row = page.locator('.list-row', { hasText: 'Lũ miền Trung' })
      await row.first().waitFor({ timeout: 10_000 })
      await row.first().click()
      await page.locator('.ProseMirror').click()
      await page.keyboard.press('Control+End')
      await page.keyboard.type(' Sửa trong app.')
      await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor()
      await writeFile(file, 'Lũ miền Trung\nVOV.VN - Nước lên nhanh.\nĐoạn gốc. Sửa trong tệp.')

      // the conflict: counted as open in the bar, listed in the popover, the copy labelled with its file
      const problems = page.getByRole('button', { name: /việc cần xem/ })
      await problems.waitFor({ timeout: 10_000 })
      expect(await page.getByTestId('sync-status').innerText()).toContain('1 xung đột')
      await problems.click()
      await page.getByRole('region', { name: /Lỗi và xung đột/ }).getByRole('button', { name: 'Mở' }).click()
      await expect.poll(() => page.getByTestId('conflict-label').innerText()).toMatch(/^Bản từ tệp lu-mien-trung\.txt, \d\d:\d\d \d\d\/\d\d\/\d{4}$/)

      // settled: the bar and popover clear at once; keeping both says the copy no longer follows the file
      await page.getByRole('button', { name: 'So sánh hai bản' }).click()
      await page.getByRole('dialog').getByRole('button', { name: button }).click()
      if (keep === 'both') await page.getByText('Đã giữ cả hai: bản từ tệp giờ là một bài riêng, không còn theo tệp lu-mien-trung.txt.').waitFor()
      await expect.poll(() => problems.count()).toBe(0)
      expect(await page.getByTestId('sync-status').innerText()).toContain('0 xung đột')
      await expect.poll(() => page.locator('.banner.conflict').count()).toBe(0)
      const items = (await desk.store.list({ query: 'lu mien trung' })).items
      expect(items).toHaveLength(left)
      const follower = items.filter((m) => m.originFile === 'lu-mien-trung.txt')
      expect(follower).toHaveLength(1)
      expect(jsonText((await desk.store.get(follower[0].id)).body)).toContain(keep === 'file' ? 'Sửa trong tệp.' : 'Sửa trong app.')

      // the file is edited again: the article that follows it takes the edit, no new conflict copy
      await writeFile(file, 'Lũ miền Trung\nVOV.VN - Nước lên nhanh.\nĐoạn gốc. Sửa trong tệp. Sửa lần hai.')
      await expect.poll(async () => jsonText((await desk.store.get(follower[0].id)).body), { timeout: 10_000 }).toContain('Sửa lần hai.')
      await page.keyboard.press('Control+Shift+Y')
      await expect.poll(() => page.getByTestId('sync-status').innerText()).toContain('0 xung đột')
      expect((await desk.store.list({ query: 'lu mien trung' })).total).toBe(left)
      expect(desk.store.openConflicts()).toEqual([])
      if (keep === 'both') await desk.screenshot('sync-conflict-settled')
    } finally {
      await desk.close()
      await rm(folder, { recursive: true, force: true })
    }
  })
  }
})

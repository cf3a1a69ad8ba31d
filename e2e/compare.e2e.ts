/**
 * Compare versions in the app: an earlier version against now (inline and side by side, tone-mark-only
 * changes hidden on demand, the changed number marked), one change taken back and undone; "changed since
 * exported" and the update note of the next export; a sync conflict merged change by change.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { docFromParagraphs, jsonText } from '../shared/doc'
import { axeViolations, closeBrowser, openDesk, withDesk } from './harness'

afterAll(closeBrowser)

const EARLIER = ['Mưa lớn kéo dài từ đêm qua làm nước sông Bồ lên nhanh.', 'Chính quyền đã sơ tán 4.000 hộ dân ở các xã ven sông.', 'Lực lượng quân đội hỗ trợ người dân trong thời gian lũ.', 'Các trường học cho học sinh nghỉ học.']
const NOW = ['Mưa lớn kéo dài từ đêm qua làm nước sông Bồ lên rất nhanh.', 'Chính quyền đã sơ tán 4.500 hộ dân ở các xã ven sông.', 'Lực lượng quân đội hỗ trợ người dân trong thời gian lũ.', 'Các trường học cho học sinh nghỉ học.']

describe('compare versions', () => {
  it('shows what changed since an earlier version, hides tone-mark-only edits, takes back one change and undoes it', async () => {
    await withDesk({ sample: false, viewport: { width: 1440, height: 1000 } }, async (desk) => {
      const { page } = desk
      const a = await desk.store.create({ title: 'Lũ lên nhanh, Thừa Thiên Huế sơ tán dân', sapo: 'VOV.VN - Nước sông dâng cao, nhiều xã bị chia cắt, hàng nghìn hộ phải sơ tán.', tags: ['lũ lụt'], body: docFromParagraphs(EARLIER) })
      await desk.store.save(a.id, { tags: ['lũ lụt', 'sơ tán'], body: docFromParagraphs(NOW) }, { reason: 'cli' })
      await desk.store.save(a.id, { related: ['Thủ tướng chỉ đạo ứng phó mưa lũ'] })
      await desk.reload()
      await page.locator('.list-row', { hasText: 'Thừa Thiên Huế' }).click()
      await page.locator('.ProseMirror').waitFor()

      // from the revisions panel
      await page.locator('.revisions summary').click()
      await page.locator('.revisions li').last().getByRole('button', { name: 'So sánh' }).click()
      const dialog = page.getByRole('dialog', { name: 'So sánh phiên bản' })
      const view = dialog.getByTestId('compare-view')
      await view.waitFor()
      // the changed number is marked as a number and listed first
      expect(await view.locator('del.kind-number').allInnerTexts()).toEqual(['4.000'])
      expect(await view.locator('ins.kind-number').allInnerTexts()).toEqual(['4.500'])
      expect(await dialog.getByTestId('compare-numbers').innerText()).toContain('4.000 → 4.500')
      expect(await view.locator('ins').allInnerTexts()).toEqual(expect.arrayContaining(['rất ', 'sơ tán']))
      await desk.screenshot('compare-versions-inline')
      expect(await axeViolations(page)).toEqual([])

      // side by side: the earlier text on the left, now on the right, block by block
      await dialog.getByRole('radio', { name: 'Hai cột' }).click()
      await expect.poll(() => view.locator('.compare-row').count()).toBeGreaterThan(4)
      expect(await view.locator('.compare-heads').innerText()).toMatch(/^Bản lúc \d\d:\d\d.*\nHiện tại$/)
      await desk.screenshot('compare-versions-side')
      await dialog.getByRole('radio', { name: 'Liền mạch' }).click()

      // take back the number: the article says 4.000 again, the text before is kept, the toast undoes it
      await view.getByRole('button', { name: 'Hoàn tác thay đổi này: 4.500' }).click()
      await page.getByText('Đã hoàn tác thay đổi; bản trước đó được giữ làm phiên bản cũ.').waitFor()
      await expect.poll(async () => jsonText((await desk.store.get(a.id)).body)).toContain('sơ tán 4.000 hộ')
      expect(jsonText((await desk.store.get(a.id)).body)).toContain('lên rất nhanh')
      expect((await desk.store.revisionsOf(a.id))[0].reason).toBe('take-back')
      await expect.poll(() => view.locator('del.kind-number').count()).toBe(0)
      await dialog.getByRole('button', { name: 'Đóng' }).click()
      await expect.poll(() => page.locator('.ProseMirror').innerText()).toContain('sơ tán 4.000 hộ')
      await page.getByRole('button', { name: 'Hoàn lại' }).click()
      await expect.poll(() => page.locator('.ProseMirror').innerText()).toContain('sơ tán 4.500 hộ')

      // the command (Ctrl+Alt+D) opens the comparison with the newest earlier version
      await page.locator('.ProseMirror').click()
      await page.keyboard.press('Control+Alt+D')
      await dialog.getByTestId('compare-view').waitFor()
      await page.keyboard.press('Escape')
      await expect.poll(() => dialog.count()).toBe(0)
    })
  })

  it('hides tone-mark-only changes when asked', async () => {
    await withDesk({ sample: false }, async (desk) => {
      const { page } = desk
      const a = await desk.store.create({ title: 'Hoà giải ở cơ sở', body: docFromParagraphs(['Tổ hoà giải thủy lợi họp vào ngày 21/2.']) })
      await desk.store.save(a.id, { title: 'Hòa giải ở cơ sở', body: docFromParagraphs(['Tổ hòa giải thuỷ lợi họp vào ngày 22/2.']) }, { reason: 'cli' })
      await desk.reload()
      await page.locator('.list-row', { hasText: 'giải ở cơ sở' }).click()
      await page.locator('.ProseMirror').waitFor()
      await page.keyboard.press('Control+Alt+D')
      const view = page.getByTestId('compare-view')
      await view.waitFor()
      expect(await view.getByTestId('compare-summary').innerText()).toBe('4 thay đổi · 3 chỉ khác dấu')
      expect(await view.locator('del.kind-diacritics').count()).toBe(3)
      await view.getByLabel('Ẩn thay đổi chỉ về dấu').check()
      expect(await view.locator('.kind-diacritics').count()).toBe(0)
      // the number stays, prominently
      expect(await view.locator('ins.kind-number').allInnerTexts()).toEqual(['22/2'])
      expect(await view.locator('.field-title').innerText()).toContain('Hòa giải ở cơ sở')
    })
  })

  it('says an article changed since it was exported, shows what, and offers an update note on the next export', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'nd-e2e-since-'))
    const desk = await openDesk({ sample: false, viewport: { width: 1440, height: 1000 } })
    const { page } = desk
    try {
      await desk.store.create({ title: 'Giá xăng giảm từ 15 giờ chiều nay', sapo: 'VOV.VN - Liên bộ điều chỉnh giá xăng dầu.', body: docFromParagraphs(['Giá xăng RON 95 giảm 300 đồng mỗi lít.']) })
      await desk.reload()
      await page.locator('.list-row', { hasText: 'Giá xăng' }).click()
      await page.locator('.ProseMirror').waitFor()
      desk.dialogs.file = path.join(out, 'gia-xang.html')
      await page.keyboard.press('Control+E')
      await expect.poll(() => page.getByTestId('exported-since').innerText()).toMatch(/^Đã xuất \(HTML\) \d\d:\d\d/)

      // an edit after the export
      await page.locator('.ProseMirror').click()
      await page.keyboard.press('Control+End')
      await page.keyboard.press('Shift+Home')
      await page.keyboard.type('Giá xăng RON 95 giảm 500 đồng mỗi lít.')
      await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor()
      await expect.poll(() => page.getByTestId('exported-since').innerText()).toMatch(/^Đã sửa sau khi xuất \(HTML\)/)
      await page.getByTestId('exported-since').getByRole('button', { name: 'Sửa gì?' }).click()
      const view = page.getByTestId('compare-view')
      await view.waitFor()
      expect(await view.locator('ins.kind-number').allInnerTexts()).toEqual(['500'])
      await page.keyboard.press('Escape')

      // the next export offers an update note listing the changed figure, editable
      desk.dialogs.file = path.join(out, 'gia-xang-2.html')
      await page.keyboard.press('Control+E')
      const note = page.getByRole('dialog', { name: 'Bài đã sửa sau lần xuất trước' })
      const text = note.getByRole('textbox', { name: 'Dòng cập nhật' })
      await expect.poll(() => text.inputValue()).toMatch(/^Cập nhật lúc \d\d:\d\d \d\d\/\d\d\/\d{4}: số liệu 300 → 500\.$/)
      await desk.screenshot('compare-update-note')
      expect(await axeViolations(page)).toEqual([])
      await text.fill('Cập nhật lúc 15:30: giá xăng giảm 500 đồng, không phải 300 đồng.')
      await note.getByRole('button', { name: 'Xuất…' }).click()
      await expect.poll(() => readFile(path.join(out, 'gia-xang-2.html'), 'utf8').catch(() => '')).toContain('<em>Cập nhật lúc 15:30: giá xăng giảm 500 đồng, không phải 300 đồng.</em>')
      await expect.poll(() => page.getByTestId('exported-since').innerText()).toMatch(/^Đã xuất \(HTML\)/)
      // the article itself carries no note
      expect(await page.locator('.ProseMirror').innerText()).not.toContain('Cập nhật lúc')
    } finally {
      await desk.close()
      await rm(out, { recursive: true, force: true })
    }
  })

  it('merges a sync conflict change by change', async () => {
    await withDesk({ sample: false, viewport: { width: 1440, height: 1000 } }, async (desk) => {
      const { page } = desk
      const app = await desk.store.create({ title: 'Cầu Rồng phun lửa tối thứ Bảy', sapo: 'VOV.VN - Sửa ở tòa soạn: hàng nghìn người xem cầu phun lửa.', body: docFromParagraphs(['Cầu phun lửa lúc 21 giờ.', 'Đường Bạch Đằng cấm xe từ 20 giờ.']) })
      const copy = await desk.store.create(
        { title: 'Cầu Rồng phun lửa tối thứ Bảy', sapo: 'VOV.VN - Hàng nghìn người xem cầu phun lửa.', body: docFromParagraphs(['Cầu phun lửa lúc 21 giờ 15.', 'Đường Bạch Đằng cấm xe từ 20 giờ.', 'Phóng viên ghi nhận tại chỗ.']) },
        { conflictOf: app.id }
      )
      await desk.reload()
      await page.locator(`.list-row[data-id="${copy.id}"], .list-row:has-text("Xung đột")`).first().click()
      await page.getByRole('button', { name: 'So sánh hai bản' }).click()
      const dialog = page.getByRole('dialog', { name: 'So sánh hai bản' })
      const view = dialog.getByTestId('compare-view')
      await view.waitFor()
      // take the file's new time and its new paragraph, keep the app's lead
      await view.getByRole('button', { name: /^Lấy thay đổi này từ tệp: 15$/ }).click()
      await view.getByRole('button', { name: /^Lấy thay đổi này từ tệp: Phóng viên ghi nhận/ }).click()
      expect(await view.locator('.change-action[aria-pressed="true"]').count()).toBe(2)
      await desk.screenshot('compare-conflict-merge')
      expect(await axeViolations(page)).toEqual([])
      await dialog.getByTestId('keep-merged').click()
      await page.getByText('Đã gộp 2 thay đổi từ tệp; bản trong app được giữ làm phiên bản cũ.').waitFor()
      const merged = await desk.store.get(app.id)
      expect(merged.sapo).toBe('VOV.VN - Sửa ở tòa soạn: hàng nghìn người xem cầu phun lửa.')
      expect(jsonText(merged.body)).toContain('21 giờ 15.')
      expect(jsonText(merged.body)).toContain('Phóng viên ghi nhận tại chỗ.')
      expect((await desk.store.revisionsOf(app.id))[0].reason).toBe('merge')
      expect(desk.store.openConflicts()).toEqual([])
    })
  })

  it('shows a photo whose file, caption or credit changed', async () => {
    await withDesk({ sample: false, viewport: { width: 1440, height: 1000 } }, async (desk) => {
      const { page } = desk
      const added = await desk.api.addPhoto('cau-rong.jpg', (await readFile('electron/services/media/fixtures/cau-rong.jpg')).toString('base64'))
      const other = await desk.api.addPhoto('co-do.png', (await readFile('electron/services/media/fixtures/co-do.png')).toString('base64'))
      const figure = (src: string, caption: string, credit: string) => ({ type: 'figure', attrs: { src, alt: '', credit, width: 800, height: 600 }, content: [{ type: 'text', text: caption }] })
      const a = await desk.store.create({ title: 'Đà Nẵng về đêm', body: { type: 'doc', content: [figure(added.added[0].media, 'Cầu Rồng về đêm', 'Minh Anh'), figure(added.added[0].media, 'Sông Hàn', 'Minh Anh')] } as never })
      await desk.store.save(a.id, { body: { type: 'doc', content: [figure(added.added[0].media, 'Cầu Rồng lúc nửa đêm', 'Minh Anh'), figure(other.added[0].media, 'Sông Hàn', 'Lê Hà')] } as never }, { reason: 'cli' })
      await desk.reload()
      await page.locator('.list-row').first().click()
      await page.locator('.ProseMirror').waitFor()
      await page.keyboard.press('Control+Alt+D')
      const view = page.getByTestId('compare-view')
      await view.waitFor()
      // the caption word by word; the photo replaced (old one faded) with its new credit
      expect(await view.locator('.compare-block').nth(0).locator('ins').allInnerTexts()).toEqual(['lúc nửa '])
      const replaced = view.locator('.compare-block').nth(1)
      expect(await replaced.locator('img').count()).toBe(2)
      expect(await replaced.locator('img.photo-old').count()).toBe(1)
      expect(await replaced.locator('.compare-credit').innerText()).toMatch(/Minh Anh\s*Lê Hà/)
      expect(await replaced.locator('.block-note').innerText()).toBe('Đổi ảnh')
      expect(await view.getByTestId('compare-summary').innerText()).toBe('2 thay đổi')
      await expect.poll(() => page.evaluate(() => [...document.querySelectorAll('[data-testid="compare-view"] img')].every((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0))).toBe(true)
      await desk.screenshot('compare-photos')
    })
  })
})

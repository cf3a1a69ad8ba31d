/**
 * Proofreading in the app: problems underlined in the body as the journalist writes (after a pause), the
 * "Soát bài" panel with one-click fixes (the word meant for a wrong mark or Telex typed with the input method
 * off, two fixes in a row), fix-all, the personal dictionary and ignore, the count in the status bar, an
 * article in English, and a question before "ready" with a placeholder left in.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { docFromParagraphs, jsonText } from '../shared/doc'
import { axeViolations, closeBrowser, withDesk } from './harness'

afterAll(closeBrowser)

describe('proofreading', () => {
  it('underlines problems as the journalist writes and fixes them from the panel', async () => {
    await withDesk({ sample: false, viewport: { width: 1440, height: 1000 } }, async (desk) => {
      const { page } = desk
      await desk.store.create({
        title: 'Bệnh viện tỉnh chuẩn đoán sớm',
        sapo: 'VOV.VN - Hai xã sát nhập , người dân vui.',
        category: 'Sức khỏe',
        author: 'Lê An',
        body: docFromParagraphs(['Bác sĩ cho biết ngưòi bệnh đã khỏe , sức khoẻ ổn định.', 'Bệnh viện sẽ bổ xung thêm TK giường bệnh.'])
      })
      await desk.reload()
      await page.locator('.list-row').first().click()
      await page.locator('.ProseMirror').waitFor()
      // underlines come after a pause, over the words themselves
      await page.locator('.ProseMirror .proof-spelling', { hasText: 'ngưòi' }).waitFor()
      expect(await page.locator('.ProseMirror .proof-confusable').allInnerTexts()).toEqual(['bổ xung'])
      expect(await page.locator('.ProseMirror .proof-placeholder').allInnerTexts()).toEqual(['TK'])
      expect(await page.locator('.ProseMirror .proof-tone-style').allInnerTexts()).toEqual(['khoẻ'])
      await expect.poll(() => page.getByTestId('proof-count').innerText()).toMatch(/^Soát bài: \d+ lỗi$/)

      // the panel, by field, with fixes
      await page.getByTestId('proof-count').click()
      const panel = page.getByTestId('proof-panel')
      await panel.getByRole('region', { name: 'Tiêu đề' }).waitFor()
      await desk.screenshot('proof-panel')
      expect(await axeViolations(page)).toEqual([])
      // typed in the title since the check, then the fix at once: it checks again rather than splice where the
      // words were (a second click fixes it where they are now)
      const fix = panel.getByRole('region', { name: 'Tiêu đề' }).getByRole('button', { name: 'Sửa thành “chẩn đoán”' })
      await page.locator('#article-title').focus()
      await page.keyboard.press('Home')
      await page.keyboard.type('Tin: ')
      await fix.click()
      const title = () => page.locator('#article-title').inputValue()
      await expect.poll(title).toMatch(/^Tin: Bệnh viện tỉnh ch(uẩ|ẩ)n đoán sớm$/)
      await expect.poll(async () => ((await title()).includes('chuẩn') && (await fix.click()), title()), { interval: 300, timeout: 5000 }).toBe('Tin: Bệnh viện tỉnh chẩn đoán sớm')
      await panel.getByRole('region', { name: 'Thân bài' }).getByRole('button', { name: 'Sửa thành “bổ sung”' }).click()
      await expect.poll(() => page.locator('.ProseMirror').innerText()).toContain('sẽ bổ sung thêm')
      // the fix is one step of the editor's undo
      await page.locator('.ProseMirror').click()
      await page.keyboard.press('Control+Z')
      await expect.poll(() => page.locator('.ProseMirror').innerText()).toContain('sẽ bổ xung thêm')
      await page.keyboard.press('Control+Shift+Z')
      await expect.poll(() => page.locator('.ProseMirror').innerText()).toContain('sẽ bổ sung thêm')

      // fix all spacing at once (the sapo's and the body's)
      await panel.getByRole('button', { name: /^Sửa tất cả \(2\)$/ }).first().click()
      await expect.poll(() => page.locator('#article-sapo').inputValue()).toBe('VOV.VN - Hai xã sát nhập, người dân vui.')
      await expect.poll(() => page.locator('.ProseMirror').innerText()).toContain('đã khỏe, sức')

      // the personal dictionary, and ignore
      await desk.store.create({ title: 'Tin về blockchain', sapo: 'VOV.VN - Công nghệ blockchain.', category: 'Khoa học - Công nghệ', author: 'Trần Bình', body: docFromParagraphs(['Doanh nghiệp thử blockchain và fintech.']) })
      await page.getByRole('button', { name: 'Bài mới' }).waitFor()
      await desk.reload()
      await page.locator('.list-row', { hasText: 'Tin về blockchain' }).click()
      await page.locator('.ProseMirror .proof-spelling', { hasText: 'fintech' }).waitFor()
      await page.getByTestId('proof-count').click()
      const item = page.getByTestId('proof-panel').locator('.proof-item', { hasText: '“blockchain”' }).first()
      await item.getByRole('button', { name: 'Thêm vào từ điển' }).click()
      await page.getByText('Đã thêm “blockchain” vào từ điển của tòa soạn.').waitFor()
      await expect.poll(() => page.locator('.ProseMirror .proof-spelling').allInnerTexts()).toEqual(['fintech'])
      expect((await desk.api.settings()).proof.personalDictionary).toEqual(['blockchain'])
      await page.getByTestId('proof-panel').locator('.proof-item', { hasText: '“fintech”' }).getByRole('button', { name: 'Bỏ qua' }).click()
      await expect.poll(() => page.locator('.ProseMirror .proof-spelling').count()).toBe(0)
    })
  })

  it('offers the word meant for a mark typed wrong and for Telex typed with the input method off', async () => {
    await withDesk({ sample: false, viewport: { width: 1440, height: 1000 } }, async (desk) => {
      const { page } = desk
      await desk.store.create({ title: 'Trời mưa to', sapo: 'VOV.VN - Mưa lớn.', category: 'Xã hội', author: 'Lê An', body: docFromParagraphs(['Trời mưa nhưng nguwowif dân vẫn đi làm đuợc.']) })
      await desk.reload()
      await page.locator('.list-row').first().click()
      await page.locator('.ProseMirror .proof-spelling', { hasText: 'nguwowif' }).waitFor()
      await page.getByTestId('proof-count').click()
      const body = page.getByTestId('proof-panel').getByRole('region', { name: 'Thân bài' })
      await body.getByRole('button', { name: 'Sửa thành “người”' }).waitFor()
      await desk.screenshot('proof-suggestions')
      // one fix right after the other, before the article is checked again: the second lands where its word now is
      await body.getByRole('button', { name: 'Sửa thành “người”' }).click()
      await body.getByRole('button', { name: 'Sửa thành “được”' }).first().click()
      await expect.poll(() => page.locator('.ProseMirror').innerText()).toContain('Trời mưa nhưng người dân vẫn đi làm được.')
    })
  })

  it('checks an article in English without the Vietnamese dictionary once its language is set', async () => {
    await withDesk({ sample: false, viewport: { width: 1440, height: 1000 } }, async (desk) => {
      const { page } = desk
      const { id } = await desk.store.create({ title: 'Economy grows faster than expected', sapo: 'VOV.VN - Exports recovered.', category: 'Kinh tế', author: 'Minh Anh', body: docFromParagraphs(['Exports and manufacturing recovered , analysts said. TK figures.']) })
      await desk.reload()
      await page.locator('.list-row').first().click()
      // written in English in an article still marked Vietnamese: every word is unknown to the dictionary
      await page.locator('.ProseMirror .proof-spelling', { hasText: 'Exports' }).waitFor()
      await page.getByLabel('Ngôn ngữ bài').selectOption('en')
      await expect.poll(() => page.locator('.ProseMirror .proof-spelling').count()).toBe(0)
      await page.locator('.ProseMirror .proof-placeholder', { hasText: 'TK' }).waitFor()
      await expect.poll(async () => (await desk.store.get(id)).language).toBe('en')
      await expect.poll(() => page.frameLocator('[data-testid="preview"]').locator('html').getAttribute('lang')).toBe('en')
      await page.getByTestId('proof-count').click()
      await desk.screenshot('proof-english')
      expect(await page.getByTestId('proof-panel').innerText()).not.toContain('không có trong từ điển')
    })
  })

  it('asks before "ready" while a placeholder is left in', async () => {
    await withDesk({ sample: false }, async (desk) => {
      const { page } = desk
      const a = await desk.store.create({ title: 'Giá điện tăng', sapo: 'VOV.VN - Giá điện tăng từ tháng sau.', category: 'Kinh tế', author: 'Lê An', body: docFromParagraphs(['Mức tăng là XXX đồng mỗi số.']) })
      await desk.reload()
      await page.locator('.list-row').first().click()
      await page.locator('.ProseMirror .proof-placeholder').waitFor()
      // F7 opens the panel, as in word processors
      await page.keyboard.press('F7')
      await expect.poll(() => page.getByTestId('proof-panel').getAttribute('open')).toBe('')
      await expect.poll(() => page.evaluate(() => document.activeElement?.matches('.proof-panel summary'))).toBe(true)
      const asked: string[] = []
      page.once('dialog', (d) => (asked.push(d.message()), void d.dismiss()))
      await page.locator('#meta-status').selectOption('ready')
      await expect.poll(() => asked.length).toBe(1)
      expect(asked[0]).toContain('Chỗ đánh dấu còn sót: “XXX”')
      await page.waitForTimeout(1500)
      expect((await desk.store.get(a.id)).status).toBe('draft')
      page.once('dialog', (d) => void d.accept())
      await page.locator('#meta-status').selectOption('ready')
      await expect.poll(async () => (await desk.store.get(a.id)).status, { timeout: 5000 }).toBe('ready')
      expect(jsonText((await desk.store.get(a.id)).body)).toContain('XXX')

      // text pasted from a document typed in the old TCVN3 fonts comes in as Unicode
      await page.locator('.ProseMirror').click()
      await page.keyboard.press('Control+End')
      await page.evaluate(() => {
        const data = new DataTransfer()
        data.setData('text/plain', 'Gi¸ ®iÖn sinh ho¹t t¨ng tõ th¸ng sau.')
        document.querySelector('.ProseMirror')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
      })
      await expect.poll(() => page.locator('.ProseMirror').innerText()).toContain('Giá điện sinh hoạt tăng từ tháng sau.')
    })
  })

  it('finds and replaces in the article (Ctrl+F, Ctrl+H, without accents) and across the list with a preview', async () => {
    await withDesk({ sample: false, viewport: { width: 1440, height: 1000 } }, async (desk) => {
      const { page } = desk
      const a = await desk.store.create({ title: 'Ông Nguyễn Văn A nhận giải', sapo: 'VOV.VN - Nhà báo Nguyễn Văn A được vinh danh.', category: 'Văn hóa - Giải trí', author: 'Lê An', body: docFromParagraphs(['Tối qua, nguyễn văn a phát biểu.', 'Ông Nguyen Van A cảm ơn đồng nghiệp.']) })
      const b = await desk.store.create({ title: 'Lễ trao giải', sapo: 'VOV.VN - Nhiều nhà báo dự.', category: 'Văn hóa - Giải trí', author: 'Lê An', body: docFromParagraphs(['Trong đó có Nguyễn Văn A.']) })
      await desk.store.create({ title: 'Tin khác', sapo: 'VOV.VN - Không liên quan.', category: 'Thể thao', author: 'Lê An', body: docFromParagraphs(['Bóng đá.']) })
      await desk.reload()
      await page.locator('.list-row', { hasText: 'nhận giải' }).click()
      await page.locator('.ProseMirror').click()
      await page.keyboard.press('Control+F')
      await page.getByRole('search', { name: 'Tìm trong bài' }).getByRole('searchbox').fill('nguyen van a')
      // with accents, only the one written without them
      await expect.poll(() => page.getByTestId('find-count').innerText()).toMatch(/^1\/1\s*$/)
      await page.getByRole('button', { name: 'Không phân biệt dấu (dang vien → đảng viên)' }).click()
      await expect.poll(() => page.getByTestId('find-count').innerText()).toBe('1/4 trong tiêu đề')
      expect(await page.locator('.ProseMirror .find-match').allInnerTexts()).toEqual(['nguyễn văn a', 'Nguyen Van A'])
      await page.getByRole('search', { name: 'Tìm trong bài' }).getByRole('searchbox').press('Enter')
      await page.getByRole('search', { name: 'Tìm trong bài' }).getByRole('searchbox').press('Enter')
      await expect.poll(() => page.getByTestId('find-count').innerText()).toMatch(/^3\/4\s*$/)
      expect(await page.locator('.ProseMirror .find-current').innerText()).toBe('nguyễn văn a')
      await page.getByRole('button', { name: 'Không phân biệt dấu (dang vien → đảng viên)' }).click()
      await page.getByRole('button', { name: 'Phân biệt hoa thường' }).click()
      await page.getByRole('search', { name: 'Tìm trong bài' }).getByRole('searchbox').fill('Nguyễn Văn A')
      await expect.poll(() => page.getByTestId('find-count').innerText()).toBe('1/2 trong tiêu đề')

      // replace all in this article, then undo the body's part
      await page.keyboard.press('Control+H')
      await page.getByRole('textbox', { name: 'Thay bằng' }).fill('Nguyễn Văn B')
      await page.getByRole('button', { name: 'Phân biệt hoa thường' }).click()
      await page.getByRole('button', { name: 'Không phân biệt dấu (dang vien → đảng viên)' }).click()
      await expect.poll(() => page.getByTestId('find-count').innerText()).toMatch(/^1\/4/)
      // (the check has run meanwhile: the short body is counted)
      await expect.poll(() => page.getByTestId('proof-count').innerText()).toMatch(/^Soát bài: [1-9]\d* lỗi$/)
      await desk.screenshot('proof-find-replace')
      expect(await axeViolations(page)).toEqual([])
      await page.getByRole('button', { name: 'Thay tất cả' }).click()
      await page.getByText('Đã thay 4 chỗ.').waitFor()
      expect(await page.locator('#article-title').inputValue()).toBe('Ông Nguyễn Văn B nhận giải')
      expect(await page.locator('.ProseMirror').innerText()).toBe('Tối qua, Nguyễn Văn B phát biểu.\n\nÔng Nguyễn Văn B cảm ơn đồng nghiệp.')
      await expect.poll(async () => (await desk.store.get(a.id)).sapo, { timeout: 5000 }).toBe('VOV.VN - Nhà báo Nguyễn Văn B được vinh danh.')

      // across the list: what would change first, then each article with a revision
      await page.getByRole('textbox', { name: 'Thay bằng' }).fill('Nguyễn Văn C')
      await page.getByRole('search', { name: 'Tìm trong bài' }).getByRole('searchbox').fill('nguyen van')
      await page.getByRole('button', { name: 'Thay trong cả danh sách…' }).click()
      const dialog = page.getByRole('dialog', { name: 'Thay thế trong cả danh sách' })
      await expect.poll(() => dialog.getByTestId('replace-preview-summary').innerText()).toBe('Sẽ thay 5 chỗ trong 2 bài (các bài đang hiện trong danh sách).')
      await desk.screenshot('proof-replace-in-list')
      expect(await axeViolations(page)).toEqual([])
      expect((await desk.store.get(b.id)).body).toEqual(docFromParagraphs(['Trong đó có Nguyễn Văn A.']))
      await dialog.getByRole('button', { name: 'Thay trong 2 bài' }).click()
      await page.getByText('Đã thay 5 chỗ trong 2 bài; mỗi bài giữ bản trước đó trong “Phiên bản cũ”.').waitFor()
      expect(jsonText((await desk.store.get(b.id)).body)).toContain('Nguyễn Văn C A.')
      expect((await desk.store.revisionsOf(b.id))[0].reason).toBe('replace')
      await expect.poll(() => page.locator('#article-title').inputValue()).toBe('Ông Nguyễn Văn C B nhận giải')
      // the find bar keeps what it looked for and replaced with, the article opened again
      expect(await page.getByRole('search', { name: 'Tìm trong bài' }).getByRole('searchbox').inputValue()).toBe('nguyen van')
      expect(await page.getByRole('textbox', { name: 'Thay bằng' }).inputValue()).toBe('Nguyễn Văn C')
      // and finds again in the body opened again (title, sapo and the body's two)
      await expect.poll(() => page.getByTestId('find-count').innerText()).toMatch(/^1\/4/)
      await desk.screenshot('proof-find-kept')

      // a regular expression that looks around its match replaces what it found, in place
      const accents = page.getByRole('button', { name: 'Không phân biệt dấu (dang vien → đảng viên)' })
      if ((await accents.getAttribute('aria-pressed')) === 'true') await accents.click()
      await page.getByRole('button', { name: /Biểu thức chính quy/ }).click()
      await page.getByRole('search', { name: 'Tìm trong bài' }).getByRole('searchbox').fill('(?<=Ông )Nguyễn(?= Văn)')
      await page.getByRole('textbox', { name: 'Thay bằng' }).fill('[$&]')
      await expect.poll(() => page.getByTestId('find-count').innerText()).toMatch(/^1\/2/)
      await page.getByRole('button', { name: 'Thay tất cả' }).click()
      await page.getByText('Đã thay 2 chỗ.').waitFor()
      expect(await page.locator('#article-title').inputValue()).toBe('Ông [Nguyễn] Văn C B nhận giải')
      expect(await page.locator('.ProseMirror').innerText()).toBe('Tối qua, Nguyễn Văn C B phát biểu.\n\nÔng [Nguyễn] Văn C B cảm ơn đồng nghiệp.')
    })
  })

  it('names the articles a replacement across the list could not change, and why, and leaves them as they were', async () => {
    await withDesk({ sample: false }, async (desk) => {
      const { page } = desk
      await desk.store.create({ title: 'Giá xăng tăng', body: docFromParagraphs(['Xăng tăng từ chiều nay.']) })
      const b = await desk.store.create({ title: 'Xăng dầu', body: docFromParagraphs(['Bản hai.']) })
      await desk.reload()
      await page.locator('.list-row', { hasText: 'Giá xăng tăng' }).click()
      await page.locator('.ProseMirror').click()
      await page.keyboard.press('Control+H')
      await page.getByRole('search', { name: 'Tìm trong bài' }).getByRole('searchbox').fill('xăng')
      await page.getByRole('textbox', { name: 'Thay bằng' }).fill('dầu')
      await page.getByRole('button', { name: 'Thay trong cả danh sách…' }).click()
      const dialog = page.getByRole('dialog', { name: 'Thay thế trong cả danh sách' })
      await expect.poll(() => dialog.getByTestId('replace-preview-summary').innerText()).toBe('Sẽ thay 3 chỗ trong 2 bài (các bài đang hiện trong danh sách).')
      // the disk fills up as the second article is written
      const saveIf = desk.store.saveIf.bind(desk.store)
      desk.store.saveIf = async (id, ...rest) => {
        if (id === b.id) throw new Error('ENOSPC: no space left on device')
        return saveIf(id, ...rest)
      }
      await dialog.getByRole('button', { name: 'Thay trong 2 bài' }).click()
      await page.getByText('Đã thay 2 chỗ trong 1 bài; mỗi bài giữ bản trước đó trong “Phiên bản cũ”. Không thay trong: Xăng dầu (ENOSPC: no space left on device).').waitFor()
      await desk.screenshot('proof-replace-in-list-failed')
      expect((await desk.store.get(b.id)).title).toBe('Xăng dầu')
      await expect.poll(() => page.locator('#article-title').inputValue()).toBe('Giá dầu tăng')
    })
  })

  it('follows the settings: the newsroom\'s tone style, limits and dictionary', async () => {
    await withDesk({ sample: false, viewport: { width: 1440, height: 1000 } }, async (desk) => {
      const { page } = desk
      await desk.store.create({ title: 'Hòa giải ở cơ sở', sapo: 'VOV.VN - Tổ hòa giải họp.', category: 'Xã hội', author: 'Lê An', body: docFromParagraphs(['Tổ hoà giải của phường làm việc với sức khoẻ tốt.']) })
      await desk.reload()
      await page.locator('.list-row').first().click()
      await expect.poll(() => page.locator('.ProseMirror .proof-tone-style').allInnerTexts()).toEqual(['hoà', 'khoẻ'])
      await page.getByRole('button', { name: 'Cài đặt' }).click()
      await page.getByLabel('Kiểu bỏ dấu').selectOption('old')
      await page.getByLabel('Thân bài ít nhất (chữ)').fill('5')
      await page.getByLabel('Từ điển riêng của tòa soạn (mỗi dòng một từ)').fill('phường\nhoà giải')
      await desk.screenshot('proof-settings')
      await page.getByRole('button', { name: 'Lưu' }).click()
      // the title and sapo now break the house style; the body follows it
      await page.getByTestId('proof-count').click()
      await expect.poll(() => page.getByTestId('proof-panel').locator('.proof-tone-style q').allInnerTexts()).toEqual(['Hòa', 'hòa'])
      expect(await page.locator('.ProseMirror .proof-tone-style').count()).toBe(0)
      expect((await desk.api.settings()).proof).toMatchObject({ toneStyle: 'old', bodyMinWords: 5, personalDictionary: ['phường', 'hoà giải'] })
      await page.getByTestId('proof-panel').getByRole('button', { name: /^Sửa tất cả/ }).first().click()
      await expect.poll(() => page.locator('#article-title').inputValue()).toBe('Hoà giải ở cơ sở')
    })
  })
})

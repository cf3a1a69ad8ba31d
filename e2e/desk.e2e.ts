import path from 'node:path'
import os from 'node:os'
import { afterAll, describe, expect, it } from 'vitest'
import { renderText } from '../electron/services/export/exporter'
import { unsafeParts } from '../electron/services/test-support/hostile'
import sampleArticle from '../resources/sample-article.json'
import { jsonText } from '../shared/doc'
import { axeViolations, closeBrowser, openDesk, type Desk, withDesk } from './harness'

afterAll(closeBrowser)

const saved = (desk: Desk) => desk.page.locator('[data-testid="save-state"][data-state="saved"]').waitFor({ timeout: 10_000 })

/** The id of the article of that title, in a list result. */
const items0 = (r: { items: Array<{ id: string; title: string }> }) => r.items.find((m) => m.title === 'Hội nghị bàn về đảng viên trẻ')!.id

async function newArticle(desk: Desk) {
  await desk.page.getByRole('button', { name: /Bài mới|New article/ }).click()
  await expect.poll(() => desk.page.evaluate(() => document.activeElement?.id)).toBe('article-title')
}

async function paste(desk: Desk, html: string) {
  await desk.page.locator('.ProseMirror').evaluate((el, h) => {
    const data = new DataTransfer()
    data.setData('text/html', h)
    data.setData('text/plain', 'fallback')
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  }, html)
}

describe('the writing desk', () => {
  it('writes, formats and fills an article, autosaves it and restores everything after a reload', async () => {
    await withDesk({ sample: false }, async (desk) => {
      const { page } = desk
      await newArticle(desk)
      await page.keyboard.type('Hội nghị bàn về đảng viên trẻ')
      await page.keyboard.press('Enter')
      await page.keyboard.type('VOV.VN - Sáng nay, hội nghị đã bàn về công tác phát triển đảng viên.')
      const body = page.locator('.ProseMirror')
      await body.click()
      await page.keyboard.press('Control+a')
      await page.keyboard.press('Delete')
      await page.keyboard.type('Đoạn đầu có ')
      await page.keyboard.press('Control+b')
      await page.keyboard.type('chữ đậm')
      await page.keyboard.press('Control+b')
      await page.keyboard.type(' và ')
      await page.getByRole('button', { name: /^Nghiêng/ }).click()
      await page.keyboard.type('chữ nghiêng')
      await page.getByRole('button', { name: /^Nghiêng/ }).click()
      await page.keyboard.type(' rồi ')
      await page.keyboard.press('Control+u')
      await page.keyboard.type('gạch chân')
      await page.keyboard.press('Control+u')
      await page.keyboard.insertText(' — tên nước Việt Nam.'.normalize('NFD'))
      await page.keyboard.press('Enter')
      await page.keyboard.type('## Tiêu đề phụ')
      await page.keyboard.press('Enter')
      await page.keyboard.type('> Lời trích dẫn quan trọng')
      await page.keyboard.press('Enter')
      await page.keyboard.press('Enter')
      await page.keyboard.type('- mục một')
      await page.keyboard.press('Enter')
      await page.keyboard.type('mục hai')
      await expect.poll(() => page.getByRole('button', { name: /^Danh sách chấm/ }).getAttribute('aria-pressed')).toBe('true')

      await page.locator('#meta-category').selectOption('Chính trị')
      const tags = page.getByTestId('tag-field')
      await tags.fill('Đà Nẵng')
      await tags.press('Enter')
      await tags.pressSequentially('kinh tế,')
      await tags.fill('da nang')
      await tags.press('Enter')
      await expect.poll(() => page.getByRole('alert').filter({ hasText: 'đã có' }).count()).toBe(1)
      await tags.fill('')
      await page.locator('#meta-author').fill('Trần Thị Bình')
      await page.locator('#meta-source').fill('VOV.VN')
      // a date as journalists type it: refused with the reason when it cannot be, read when it can
      await page.locator('#meta-date').fill('31/02/2026')
      await page.locator('#meta-date').press('Enter')
      await page.getByText('Không có ngày này (ví dụ 31/02).').waitFor()
      await page.locator('#meta-date').fill('22023')
      await page.locator('#meta-date').press('Enter')
      await page.getByText('Không đọc được ngày: gõ ngày/tháng/năm, ví dụ 20/2/2023.').waitFor()
      await page.locator('#meta-date').fill('3/2/2026')
      await page.locator('#meta-date').press('Enter')
      expect(await page.locator('#meta-date').inputValue()).toBe('03/02/2026')
      expect(await page.locator('#meta-date-error').count()).toBe(0)
      await page.locator('#meta-status').selectOption('ready')
      await saved(desk)
      await expect.poll(async () => (await desk.store.list({ query: 'dang vien tre' })).total).toBe(1)

      await desk.reload()
      await page.locator('.list-row', { hasText: 'Hội nghị bàn về đảng viên trẻ' }).click()
      await expect.poll(() => page.locator('#article-title').inputValue()).toBe('Hội nghị bàn về đảng viên trẻ')
      expect(await page.locator('#article-sapo').inputValue()).toBe('VOV.VN - Sáng nay, hội nghị đã bàn về công tác phát triển đảng viên.')
      expect(await body.locator('strong').innerText()).toBe('chữ đậm')
      expect(await body.locator('em').innerText()).toBe('chữ nghiêng')
      expect(await body.locator('u').innerText()).toBe('gạch chân')
      expect(await body.locator('h2').innerText()).toBe('Tiêu đề phụ')
      expect(await body.locator('blockquote').innerText()).toBe('Lời trích dẫn quan trọng')
      expect(await body.locator('ul li').allInnerTexts()).toEqual(['mục một', 'mục hai'])
      expect(await page.locator('#meta-category').inputValue()).toBe('Chính trị')
      expect(await page.locator('.chip').allInnerTexts()).toEqual(['Đà Nẵng\n×', 'kinh tế\n×'])
      expect(await page.locator('#meta-author').inputValue()).toBe('Trần Thị Bình')
      expect(await page.locator('#meta-source').inputValue()).toBe('VOV.VN')
      expect(await page.locator('#meta-date').inputValue()).toBe('03/02/2026')
      expect((await desk.store.get(items0(await desk.store.list()))).date).toBe('2026-02-03')
      expect(await page.locator('#meta-status').inputValue()).toBe('ready')

      const { items } = await desk.store.list()
      const stored = await desk.store.get(items[0].id)
      expect(jsonText(stored.body)).toContain('tên nước Việt Nam.')
      expect(jsonText(stored.body)).not.toContain('Việt Nam'.normalize('NFD'))
      await expect.poll(async () => (await page.getByTestId('word-count').innerText()).match(/\d+/)?.[0]).not.toBe('0')
      await desk.screenshot('desk-vi')
    })
  })

  it('sends every keystroke after "new article" to the new title and sapo, at once, and makes one article however often the key is pressed', async () => {
    await withDesk({}, async (desk) => {
      const { page } = desk
      await page.locator('.list-row').first().click()
      await page.locator('#article-title').waitFor()
      const before = await page.locator('#article-title').inputValue()
      // typing starts the moment the button is clicked, without waiting for anything
      await page.getByRole('button', { name: /Bài mới/ }).click()
      await page.keyboard.type('Hội nghị bàn về đảng viên trẻ')
      await page.keyboard.press('Enter')
      await page.keyboard.type('VOV.VN - Sáng nay, hội nghị đã họp.')
      await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0)
      expect(await page.locator('#article-title').inputValue()).toBe('Hội nghị bàn về đảng viên trẻ')
      expect(await page.locator('#article-sapo').inputValue()).toBe('VOV.VN - Sáng nay, hội nghị đã họp.')
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('article-sapo')
      await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor()
      const titles = (await desk.store.list()).items.map((m) => m.title)
      expect(titles).toContain('Hội nghị bàn về đảng viên trẻ')
      // the article that was open is untouched
      expect(titles).toContain(before)
      expect(titles).toHaveLength(2)

      // the button pressed from the keyboard, Space three times fast: one new article
      await page.getByRole('button', { name: /Bài mới/ }).focus()
      await page.keyboard.press(' ')
      await page.keyboard.press(' ')
      await page.keyboard.press(' ')
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('article-title')
      await expect.poll(async () => (await desk.store.list()).total).toBe(3)
      await page.waitForTimeout(300)
      expect((await desk.store.list()).total).toBe(3)
    })
  })

  it('walks a new article by keyboard: Enter from title to sapo to body, a placeholder in the empty body, "title needed" only once it was left empty, a link typed without https', async () => {
    await withDesk({}, async (desk) => {
      const { page } = desk
      await newArticle(desk)
      expect(await page.locator('.field-error').count()).toBe(0)
      expect(await page.locator('p.empty-body').getAttribute('data-placeholder')).toBe('Nội dung bài viết…')
      await page.keyboard.press('Tab')
      // left empty: now it says so
      await expect.poll(() => page.locator('.meta-form .field-error').textContent()).toBe('Cần có tiêu đề.')
      await page.locator('#article-title').focus()
      await page.keyboard.type('Quy hoạch Đà Nẵng')
      await page.keyboard.press('Enter')
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('article-sapo')
      await page.keyboard.type('VOV.VN - Thành phố công bố quy hoạch mới.')
      await page.keyboard.press('Enter')
      expect(await page.locator('#article-sapo').inputValue()).toBe('VOV.VN - Thành phố công bố quy hoạch mới.')
      expect(await page.evaluate(() => document.activeElement?.classList.contains('ProseMirror'))).toBe(true)
      expect(await page.locator('.meta-form .field-error').count()).toBe(0)
      await page.keyboard.type('Xem chi tiết')
      expect(await page.locator('p.empty-body').count()).toBe(0)
      await page.keyboard.press('Control+a')
      await expect.poll(() => page.evaluate(() => getSelection()?.toString())).toBe('Xem chi tiết')
      await page.keyboard.press('Control+k')
      await page.locator('#link-url').fill('danang.gov.vn/quy-hoach')
      await page.keyboard.press('Enter')
      await expect.poll(() => page.locator('.ProseMirror a').getAttribute('href')).toBe('https://danang.gov.vn/quy-hoach')
      await page.getByText('Đã thêm phần đầu địa chỉ: https://danang.gov.vn/quy-hoach').waitFor()

      // Enter on a row of the list opens that article, its title focused
      await page.locator('.list-scroller').focus()
      await page.keyboard.press('ArrowDown')
      await page.keyboard.press('Enter')
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('article-title')

      // the list's sort and filters are remembered
      await page.locator('select[aria-label="Mới sửa trước"]').selectOption('date')
      await desk.reload()
      expect(await page.locator('select[aria-label="Mới sửa trước"]').inputValue()).toBe('date')
    })
  })

  it('never scrolls sideways at 1024×700, 1280×720 and 1440×900, in Vietnamese and English', async () => {
    for (const locale of ['vi-VN', 'en-US']) {
      for (const [width, height] of [[1024, 700], [1280, 720], [1440, 900]]) {
        await withDesk({ viewport: { width, height }, locale }, async (desk) => {
          await desk.page.locator('.list-row').first().click()
          await desk.page.locator('#meta-date').waitFor()
          const wide = await desk.page.evaluate(() => ({
            page: document.documentElement.scrollWidth,
            window: window.innerWidth,
            past: [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1).map((e) => e.tagName + '.' + e.className).slice(0, 5)
          }))
          expect(wide, `${width}×${height} ${locale}`).toEqual({ page: width, window: width, past: [] })
        })
      }
    }
  })

  it('holds the focus in each dialog, keyboard only: it moves in, Tab stays inside, Esc closes and gives it back', async () => {
    await withDesk({}, async (desk) => {
      const { page } = desk
      const inDialog = () => page.evaluate(() => !!document.activeElement?.closest('dialog[open]'))
      const focused = () => page.evaluate(() => { const el = document.activeElement as HTMLElement | null; return el?.getAttribute('aria-label') || el?.textContent?.trim() || el?.className })
      // the settings, opened with Enter on ⚙
      await page.getByRole('button', { name: 'Cài đặt' }).focus()
      await page.keyboard.press('Enter')
      await page.locator('dialog[open]').waitFor()
      expect(await inDialog()).toBe(true)
      for (let i = 0; i < 25; i++) {
        await page.keyboard.press('Tab')
        expect(await inDialog(), `Tab ${i + 1}`).toBe(true)
      }
      await page.keyboard.press('Shift+Tab')
      expect(await inDialog()).toBe(true)
      await page.keyboard.press('Escape')
      await expect.poll(() => page.locator('dialog[open]').count()).toBe(0)
      expect(await focused()).toBe('Cài đặt')
      // a click outside closes it too
      await page.keyboard.press('Enter')
      await page.locator('dialog[open]').waitFor()
      await page.mouse.click(5, 5)
      await expect.poll(() => page.locator('dialog[open]').count()).toBe(0)

      // the link dialog, from the body
      await page.locator('.list-row').first().click()
      await page.locator('.ProseMirror p').first().click()
      await page.keyboard.press('Shift+End')
      await page.keyboard.press('Control+k')
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('link-url')
      for (let i = 0; i < 8; i++) {
        await page.keyboard.press('Tab')
        expect(await inDialog()).toBe(true)
      }
      await page.keyboard.press('Escape')
      await expect.poll(() => page.locator('dialog[open]').count()).toBe(0)
      expect(await page.evaluate(() => document.activeElement?.classList.contains('ProseMirror'))).toBe(true)

      // the export summary, after exporting the list
      const dir = await (await import('node:fs/promises')).mkdtemp(path.join(os.tmpdir(), 'nd-e2e-summary-'))
      desk.dialogs.folder = dir
      await page.getByRole('button', { name: 'Xuất danh sách…' }).focus()
      await page.keyboard.press('Enter')
      await page.locator('dialog[open]').waitFor()
      expect(await inDialog()).toBe(true)
      for (let i = 0; i < 6; i++) {
        await page.keyboard.press('Tab')
        expect(await inDialog()).toBe(true)
      }
      await page.keyboard.press('Escape')
      await expect.poll(() => page.locator('dialog[open]').count()).toBe(0)
      expect(await focused()).toBe('Xuất danh sách…')

      // the new-category box: the focus moves in, Esc gives it back to the categories
      await page.locator('#meta-category').selectOption('\u0000add')
      await expect.poll(() => focused()).toBe('Tên chuyên mục mới')
      await page.keyboard.press('Escape')
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('meta-category')
    })
  })

  it('shows and edits the related headlines under the sapo', async () => {
    await withDesk({}, async (desk) => {
      const { page } = desk
      await newArticle(desk)
      await page.keyboard.type('Tin có tin liên quan')
      await page.getByRole('textbox', { name: 'Thêm tin liên quan (Enter)' }).fill('Đà Nẵng công bố quy hoạch')
      await page.keyboard.press('Enter')
      await page.getByRole('textbox', { name: 'Thêm tin liên quan (Enter)' }).fill('Cầu Rồng phun lửa')
      await page.keyboard.press('Enter')
      await page.getByRole('textbox', { name: 'Tin liên quan 1' }).fill('Đà Nẵng công bố quy hoạch mới')
      await page.getByRole('button', { name: 'Bỏ “Cầu Rồng phun lửa”' }).click()
      await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor()
      const id = (await desk.store.list()).items.find((m) => m.title === 'Tin có tin liên quan')!.id
      await expect.poll(async () => (await desk.store.get(id)).related).toEqual(['Đà Nẵng công bố quy hoạch mới'])
    })
  })

  it('discards a new article left completely empty when the journalist goes elsewhere', async () => {
    await withDesk({}, async (desk) => {
      const { page } = desk
      await newArticle(desk)
      await expect.poll(async () => (await desk.store.list()).total).toBe(2)
      // the journalist goes elsewhere once the new article is open (not while it is still being made)
      await expect.poll(() => page.locator('main.editor-pane[aria-busy="true"]').count()).toBe(0)
      await page.locator('.list-row', { hasText: sampleArticle.title }).click()
      await expect.poll(async () => (await desk.store.list()).total, { timeout: 10_000 }).toBe(1)
      await expect.poll(() => page.locator('.list-row').count(), { timeout: 10_000 }).toBe(1)
      // one with a word in it stays
      await newArticle(desk)
      await page.keyboard.type('Có chữ')
      await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor()
      await page.locator('.list-row', { hasText: sampleArticle.title }).click()
      await page.waitForTimeout(300)
      expect((await desk.store.list()).total).toBe(2)
    })
  })

  it('opens the article chosen while a new one is still being made, keeping what was typed into the new one', async () => {
    await withDesk({}, async (desk) => {
      const { page } = desk
      const sample = (await desk.store.list()).items[0]
      // a slow disk: the new article takes a second and a half to be made
      desk.slow.set('create', 1500)
      await newArticle(desk)
      await page.keyboard.type('Tin gõ vội')
      await page.locator('.list-row', { hasText: sample.title }).click()
      // the choice stands once the new article is made, and the new article keeps its title
      const titles = async () => (await desk.store.list()).items.map((m) => m.title)
      await expect.poll(titles, { timeout: 10_000 }).toContain('Tin gõ vội')
      await expect.poll(() => page.locator('main.editor-pane[aria-busy="true"]').count()).toBe(0)
      await expect.poll(() => page.locator('#article-title').inputValue()).toBe(sample.title)
      await expect.poll(() => page.locator('.list-row', { hasText: 'Tin gõ vội' }).count()).toBe(1)
      // with nothing typed, no empty article is left behind
      await newArticle(desk)
      await page.locator('.list-row', { hasText: 'Tin gõ vội' }).click()
      await expect.poll(() => page.locator('main.editor-pane[aria-busy="true"]').count(), { timeout: 10_000 }).toBe(0)
      await expect.poll(() => page.locator('#article-title').inputValue()).toBe('Tin gõ vội')
      await expect.poll(titles).toEqual(['Tin gõ vội', sample.title])
    })
  })

  it('says when the open article is hidden by the search or filters, and clears them on request', async () => {
    await withDesk({}, async (desk) => {
      const { page } = desk
      await page.locator('.list-row').first().click()
      await page.locator('#article-title').waitFor()
      await page.locator('#list-search').fill('xyzzy')
      await page.getByTestId('open-hidden').waitFor()
      expect(await page.getByTestId('open-hidden').innerText()).toContain('Bài đang mở không có trong danh sách đã lọc.')
      await page.getByRole('button', { name: 'Bỏ lọc' }).click()
      await expect.poll(() => page.getByTestId('open-hidden').count()).toBe(0)
      expect(await page.locator('#list-search').inputValue()).toBe('')
      await page.locator('#list-search').fill('newsdesk')
      await page.waitForTimeout(500)
      expect(await page.getByTestId('open-hidden').count()).toBe(0)
    })
  })

  it('says how far search is while it indexes the store again, then counts what it found', async () => {
    await withDesk({}, async (desk) => {
      const { page } = desk
      await page.locator('#list-search').fill('newsdesk')
      await expect.poll(() => page.getByTestId('list-count').innerText()).toBe('1 bài')
      // what main sends while a lost search.bin is rebuilt (the store's own events are tested with the store)
      await desk.emit('search-progress', { done: 4_250, total: 20_000 })
      await expect.poll(() => page.getByTestId('list-count').innerText()).toBe('Đang lập chỉ mục tìm kiếm… 21%')
      await desk.screenshot('list-search-indexing')
      // the list without a search says nothing of it
      await page.locator('#list-search').fill('')
      await expect.poll(() => page.getByTestId('list-count').innerText()).toBe('1 bài')
      await page.locator('#list-search').fill('newsdesk')
      await desk.emit('search-progress', { done: 20_000, total: 20_000 })
      await expect.poll(() => page.getByTestId('list-count').innerText()).toBe('1 bài')
    })
  })

  it('suggests tags already in the store with folded matching', async () => {
    await withDesk({ sample: false }, async (desk) => {
      const { page } = desk
      await desk.store.create({ title: 'Có thẻ', tags: ['Đà Nẵng', 'Hà Nội'] })
      await desk.reload()
      await newArticle(desk)
      await page.getByTestId('tag-field').fill('da na')
      await expect.poll(() => page.locator('.suggestions [role=option]').allInnerTexts()).toEqual(['Đà Nẵng'])
      await page.getByTestId('tag-field').press('ArrowDown')
      await page.getByTestId('tag-field').press('Enter')
      await expect.poll(() => page.locator('.chip').allInnerTexts()).toEqual(['Đà Nẵng\n×'])
      await page.getByTestId('tag-field').press('Backspace')
      await expect.poll(() => page.locator('.chip').count()).toBe(0)
    })
  })

  it('keeps IME composition and Telex-style retyping intact, storing NFC', async () => {
    await withDesk({ sample: false }, async (desk) => {
      const { page } = desk
      await newArticle(desk)
      await page.keyboard.type('Gõ tiếng Việt')
      await page.locator('.ProseMirror').click()
      await page.keyboard.press('Control+a')
      await page.keyboard.press('Delete')
      // an input method composes a word, then commits it
      const cdp = await page.context().newCDPSession(page)
      for (const step of ['V', 'Vi', 'Vie', 'Viê', 'Việ', 'Việt']) await cdp.send('Input.imeSetComposition', { text: step, selectionStart: step.length, selectionEnd: step.length })
      await cdp.send('Input.insertText', { text: 'Việt' })
      // a Telex tool deletes what it typed and retypes it with the mark, decomposed here
      await page.keyboard.type(' Nam ddang')
      for (let i = 0; i < 5; i++) await page.keyboard.press('Backspace')
      await page.keyboard.insertText('đang'.normalize('NFD'))
      await page.keyboard.type(' viết')
      await expect.poll(async () => (await page.locator('.ProseMirror').innerText()).normalize('NFC')).toBe('Việt Nam đang viết')
      // Backspace only ever deletes, even right after an input rule turned " into “
      await page.keyboard.type(' "')
      await page.keyboard.press('Backspace')
      await page.keyboard.press('Backspace')
      expect((await page.locator('.ProseMirror').innerText()).normalize('NFC')).toBe('Việt Nam đang viết')
      await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor()
      const { items } = await desk.store.list()
      expect(jsonText((await desk.store.get(items[0].id)).body).trim()).toBe('Việt Nam đang viết')
    })
  })

  it('shows a banner naming a damaged file that was moved aside', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises')
    const os = await import('node:os')
    const path = await import('node:path')
    const storeDir = await mkdtemp(path.join(os.tmpdir(), 'nd-e2e-damaged-'))
    await writeFile(path.join(storeDir, 'index.json'), '{"version":1,"articl')
    const desk = await openDesk({ storeDir })
    try {
      const banner = desk.page.getByTestId('problems')
      await banner.waitFor()
      expect(await banner.innerText()).toContain('index.json')
      expect(await banner.innerText()).toContain('.corrupt-')
      await desk.screenshot('problems-banner')
    } finally {
      await desk.close()
      const { rm } = await import('node:fs/promises')
      await rm(storeDir, { recursive: true, force: true })
    }
  })

  it('finds "đảng viên" when searching "dang vien"', async () => {
    await withDesk({ sample: false }, async (desk) => {
      await desk.store.create({ title: 'Bài về đảng viên', body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Nội dung' }] }] } })
      await desk.store.create({ title: 'Bài thể thao' })
      await desk.reload()
      const { page } = desk
      await expect.poll(() => page.locator('.list-row').count()).toBe(2)
      await page.keyboard.press('Control+Shift+F')
      await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement)?.type)).toBe('search')
      await page.keyboard.type('dang vien')
      await expect.poll(() => page.locator('.list-row').allInnerTexts()).toEqual([expect.stringContaining('Bài về đảng viên')])
    })
  })

  it('keeps the text and shows the error when a save fails, then saves on retry', async () => {
    await withDesk({ sample: false }, async (desk) => {
      const { page } = desk
      await newArticle(desk)
      await page.keyboard.type('Bài không được mất')
      await saved(desk)
      desk.failing.add('save')
      await page.locator('.ProseMirror').click()
      await page.keyboard.type('Những dòng quý giá')
      const state = page.getByTestId('save-state')
      await expect.poll(() => state.getAttribute('data-state'), { timeout: 10_000 }).toBe('failed')
      expect(await state.innerText()).toContain('Không lưu được')
      expect(await state.innerText()).toContain('ENOSPC')
      expect(await page.locator('.ProseMirror').innerText()).toContain('Những dòng quý giá')
      // switching away keeps the unsaved text queued and shown
      await page.getByRole('button', { name: 'Thử lại' }).waitFor()
      desk.failing.delete('save')
      await page.getByRole('button', { name: 'Thử lại' }).click()
      await saved(desk)
      const { items } = await desk.store.list()
      expect(jsonText((await desk.store.get(items[0].id)).body)).toContain('Những dòng quý giá')
    })
  })

  it('never loses unsaved text when switching articles, and remembers the layout', async () => {
    await withDesk({ sample: false }, async (desk) => {
      const { page } = desk
      await desk.store.create({ title: 'Bài A' })
      await desk.store.create({ title: 'Bài B' })
      await desk.reload()
      await page.locator('.list-row', { hasText: 'Bài A' }).click()
      await page.locator('.ProseMirror').click()
      await page.keyboard.type('Gõ vội rồi chuyển bài')
      // switch before the autosave delay has passed
      await page.locator('.list-row', { hasText: 'Bài B' }).click()
      await expect.poll(() => page.locator('#article-title').inputValue()).toBe('Bài B')
      const a = (await desk.store.list({ query: 'bai a' })).items[0]
      expect(jsonText((await desk.store.get(a.id)).body)).toContain('Gõ vội rồi chuyển bài')
      await page.locator('.list-row', { hasText: 'Bài A' }).click()
      await expect.poll(() => page.locator('.ProseMirror').innerText()).toContain('Gõ vội rồi chuyển bài')

      await page.getByRole('button', { name: 'Ẩn/hiện danh sách' }).click()
      const splitter = page.getByRole('separator').last()
      await splitter.focus()
      await page.keyboard.press('ArrowLeft')
      await page.keyboard.press('ArrowLeft')
      await desk.reload()
      expect(await page.getByRole('button', { name: 'Ẩn/hiện danh sách' }).getAttribute('aria-pressed')).toBe('false')
      expect(await page.evaluate(() => JSON.parse(localStorage.getItem('newsdesk.layout')!))).toMatchObject({ listCollapsed: true, sideWidth: 380 + 32 })
    })
  })

  it('saves pending text at once when the app quits', async () => {
    await withDesk({ sample: false }, async (desk) => {
      const { page } = desk
      await newArticle(desk)
      await page.keyboard.type('Bài viết lúc tan ca')
      await desk.emit('command', 'quit')
      await expect.poll(async () => (await desk.store.list()).items[0]?.title, { timeout: 3000 }).toBe('Bài viết lúc tan ca')
      await expect.poll(() => desk.dialogs.quit).toEqual([true])
      // when the store refuses, the renderer says so, and main asks before quitting
      desk.failing.add('save')
      await page.keyboard.type(' và thêm')
      await desk.emit('command', 'quit')
      await expect.poll(() => desk.dialogs.quit, { timeout: 5000 }).toEqual([true, false])
      expect(await page.locator('#article-title').inputValue()).toBe('Bài viết lúc tan ca và thêm')
    })
  })

  it('keeps only schema content from pasted hostile HTML', async () => {
    await withDesk({ sample: false }, async (desk) => {
      const { page } = desk
      await newArticle(desk)
      await page.keyboard.type('Dán nội dung')
      await page.locator('.ProseMirror').click()
      const dialogs: string[] = []
      page.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()))
      await paste(
        desk,
        '<p style="color:red" onclick="alert(1)">An toàn <b>đậm</b> <a href="javascript:alert(1)">xấu</a> <a href="https://vov.vn/">tốt</a></p>' +
          '<script>alert(2)</script><img src=x onerror="alert(3)"><iframe src="https://evil.example"></iframe>' +
          '<svg><script>alert(4)</script></svg><a href="JaVaScRiPt:alert(5)">hoa</a><form action="https://evil.example"><input></form>'
      )
      await saved(desk)
      const html = await page.locator('.ProseMirror').innerHTML()
      expect(html).not.toMatch(/script|onclick|onerror|javascript|iframe|style=|<svg|<form|<input/i)
      expect(html).toContain('href="https://vov.vn/"')
      expect(dialogs).toEqual([])
      const { items } = await desk.store.list()
      const article = await desk.store.get(items[0].id)
      const stored = JSON.stringify(article.body)
      expect(stored).not.toMatch(/javascript|alert|onerror/i)
      expect(stored).toContain('An toàn')
      expect(unsafeParts(await renderText(article, 'html'))).toEqual([])
    })
  })

  it('pastes a table (from Word, Excel or a web page) as one line per row, its cells separated by " | "', async () => {
    await withDesk({ sample: false }, async (desk) => {
      const { page } = desk
      await newArticle(desk)
      await page.keyboard.type('Bảng giá')
      await page.locator('.ProseMirror').click()
      await paste(desk, '<p>Giá xăng hôm nay:</p><table><tr><th>Loại</th><th>Giá</th></tr><tr><td><p>RON 95</p><p>(vùng 1)</p></td><td>23.000</td></tr></table><p>Nguồn: Bộ Công Thương</p>')
      await expect.poll(() => page.locator('.ProseMirror').innerText()).toBe('Giá xăng hôm nay:\n\nLoại | Giá\n\nRON 95 (vùng 1) | 23.000\n\nNguồn: Bộ Công Thương')
      await saved(desk)
      await desk.screenshot('paste-table')
    })
  })

  it('pastes a bulleted and a numbered list from Word as lists, without the "·" Word writes before each item', async () => {
    await withDesk({ sample: false }, async (desk) => {
      const { page } = desk
      await newArticle(desk)
      await page.keyboard.type('Danh sách từ Word')
      await page.locator('.ProseMirror').click()
      const item = (level: number, marker: string, text: string) =>
        `<p class=MsoListParagraph style='margin-left:${36 * level}.0pt;text-indent:-18.0pt;mso-list:l0 level${level} lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>${marker}<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>${text}<o:p></o:p></p>`
      await paste(desk, `<html xmlns:o="urn:schemas-microsoft-com:office:office"><body lang=VI><!--StartFragment--><p class=MsoNormal>Cần làm ngay:<o:p></o:p></p>${item(1, '·', 'Sơ tán dân')}${item(2, 'o', 'vùng trũng')}${item(1, '·', 'Gia cố đê')}<p class=MsoNormal>Các bước:</p>${item(1, '1.', 'Báo động')}${item(1, '2.', 'Di dời')}<!--EndFragment--></body></html>`)
      const editor = page.locator('.ProseMirror')
      await expect.poll(() => editor.locator('ul > li').count()).toBe(3)
      expect(await editor.locator('ul > li > ul > li').innerText()).toBe('vùng trũng')
      expect(await editor.locator('ol > li').allInnerTexts()).toEqual(['Báo động', 'Di dời'])
      expect(await editor.innerText()).not.toContain('·')
      await saved(desk)
      await desk.screenshot('paste-word-list')
    })
  })

  it('restores an earlier version from the side panel', async () => {
    await withDesk({ sample: false }, async (desk) => {
      const { page } = desk
      const a = await desk.store.create({ title: 'Bản đầu tiên' })
      await desk.store.save(a.id, { title: 'Bản thứ hai' }, { reason: 'cli' })
      await desk.reload()
      await page.locator('.list-row', { hasText: 'Bản thứ hai' }).click()
      await page.getByText('Phiên bản cũ (1)').click()
      // each version says how long it was and what changed after it, and can be looked at first
      expect(await page.locator('.revisions li .revision-info').innerText()).toMatch(/\d\d:\d\d \d\d\/\d\d\/\d{4}\n3 từ · sửa từ dòng lệnh\nBản đầu tiên/)
      await page.getByRole('button', { name: 'Xem', exact: true }).click()
      const frame = page.frameLocator('.revision-frame')
      await expect.poll(() => frame.locator('h1').innerText()).toBe('Bản đầu tiên')
      await page.getByRole('dialog').getByRole('button', { name: 'Khôi phục', exact: true }).click()
      await expect.poll(() => page.locator('#article-title').inputValue()).toBe('Bản đầu tiên')
      expect((await desk.store.get(a.id)).title).toBe('Bản đầu tiên')
      expect(await desk.store.revisionsOf(a.id)).toHaveLength(2)
    })
  })

  it('deletes to the trash with undo, and restores from the trash view', async () => {
    await withDesk({ sample: false }, async (desk) => {
      const { page } = desk
      await desk.store.create({ title: 'Bài sắp xóa' })
      await desk.reload()
      await page.locator('.list-row', { hasText: 'Bài sắp xóa' }).click()
      await page.getByRole('button', { name: 'Xóa', exact: true }).click()
      await expect.poll(() => page.locator('.list-row').count()).toBe(0)
      await page.getByRole('button', { name: 'Hoàn tác' }).click()
      await expect.poll(() => page.locator('.list-row').count()).toBe(1)
      await page.getByRole('button', { name: 'Xóa', exact: true }).click()
      await page.getByRole('tab', { name: 'Thùng rác' }).click()
      await page.locator('.list-row', { hasText: 'Bài sắp xóa' }).click()
      await page.getByRole('button', { name: 'Khôi phục' }).click()
      await expect.poll(async () => (await desk.store.list()).total).toBe(1)
    })
  })

  it('changes the default source and the interface language in the settings', async () => {
    await withDesk({ sample: false }, async (desk) => {
      const { page } = desk
      await page.getByRole('button', { name: 'Cài đặt' }).click()
      await page.locator('#settings-source').fill('TTXVN')
      await page.locator('#settings-language').selectOption('en')
      await page.getByRole('button', { name: 'Lưu' }).click()
      await page.getByRole('button', { name: 'New article' }).waitFor()
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
      await page.getByRole('button', { name: 'New article' }).click()
      await expect.poll(() => page.locator('#meta-source').inputValue()).toBe('TTXVN')
      expect(desk.store.settings).toMatchObject({ defaultSource: 'TTXVN', language: 'en' })

      // the theme: dark whatever the system says, remembered after a reload, and back to the system's
      const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor)
      expect(await background()).toBe('rgb(246, 245, 242)')
      await page.getByRole('button', { name: 'Settings' }).click()
      await page.locator('#settings-theme').selectOption('dark')
      await page.getByRole('button', { name: 'Save' }).click()
      await expect.poll(background).toBe('rgb(27, 28, 30)')
      await desk.reload()
      expect(await background()).toBe('rgb(27, 28, 30)')
      await page.getByRole('button', { name: 'Settings' }).click()
      await page.locator('#settings-theme').selectOption('system')
      await page.getByRole('button', { name: 'Save' }).click()
      await expect.poll(background).toBe('rgb(246, 245, 242)')
    })
  })

  it('passes an axe-core check with no serious or critical violation, in both languages, and saves screenshots', async () => {
    for (const locale of ['vi-VN', 'en-US']) {
      await withDesk({ locale }, async (desk) => {
        const { page } = desk
        await page.locator('.list-row').first().click()
        await page.locator('.ProseMirror').waitFor()
        await page.waitForTimeout(400)
        expect(await axeViolations(page)).toEqual([])
        await desk.screenshot(`main-${locale.slice(0, 2)}`)
        await page.getByRole('button', { name: locale === 'vi-VN' ? 'Cài đặt' : 'Settings' }).click()
        await page.getByRole('dialog').waitFor()
        expect(await axeViolations(page)).toEqual([])
      })
    }
  })
})

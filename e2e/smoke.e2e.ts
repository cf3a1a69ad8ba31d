import { afterAll, describe, expect, it } from 'vitest'
import sample from '../resources/sample-article.json'
import { closeBrowser, withDesk } from './harness'

afterAll(closeBrowser)

describe('smoke', () => {
  it('shows the sample article in the list and opens it', async () => {
    await withDesk({}, async (desk) => {
      const { page } = desk
      const row = page.locator('.list-row', { hasText: sample.title })
      await row.waitFor()
      await row.click()
      await expect.poll(() => page.locator('#article-title').inputValue()).toBe(sample.title)
      await expect.poll(() => page.locator('.body-editor .ProseMirror').innerText()).toContain('Chào mừng bạn đến với Newsdesk')
      await desk.screenshot('smoke-vi')
    })
  })
})

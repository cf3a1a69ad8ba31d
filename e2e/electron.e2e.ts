/** The smoke scenario against the real Electron app, where an Electron binary is installed. */
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { _electron } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import sample from '../resources/sample-article.json'

function electronBinary(): string | null {
  const dir = path.resolve('node_modules/electron')
  const pathFile = path.join(dir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

const binary = electronBinary()

describe.runIf(binary)('the real Electron app', () => {
  it('shows the sample article in its list and opens it', async () => {
    const store = await mkdtemp(path.join(os.tmpdir(), 'nd-electron-'))
    const app = await _electron.launch({ executablePath: binary!, args: ['.', '--store', store, '--no-sandbox'] })
    try {
      const page = await app.firstWindow()
      await page.waitForSelector('body[data-ready="true"]')
      // loaded through the app's own protocol, not file://
      expect(page.url()).toMatch(/^app:\/\/newsdesk\//)
      await page.locator('.list-row', { hasText: sample.title }).click()
      await expect.poll(() => page.locator('#article-title').inputValue()).toBe(sample.title)
      // no Node in the page: isolated and sandboxed, with only window.api
      expect(await page.evaluate(() => [typeof (globalThis as { require?: unknown }).require, typeof (globalThis as { process?: unknown }).process, typeof (window as unknown as { api: { list: unknown } }).api.list])).toEqual(['undefined', 'undefined', 'function'])
    } finally {
      await app.close()
      await rm(store, { recursive: true, force: true })
    }
  })
})

/** Printing from the shell, with a mocked electron: a hidden window that runs no script loads the page from a private temporary file, prints it, and both are gone afterwards. */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { describe, expect, it, vi } from 'vitest'

const windows: Array<{ options: Record<string, unknown>; loaded?: string; destroyed: boolean; seen?: { html: string; mode: number } }> = []
const denied: string[] = []
vi.mock('electron', () => ({
  session: {
    fromPartition: (name: string) => ({
      setPermissionRequestHandler: (fn: (c: unknown, p: string, cb: (ok: boolean) => void) => void) => fn(null, 'media', (ok) => !ok && denied.push(`${name}:request`)),
      setPermissionCheckHandler: (fn: () => boolean) => !fn() && denied.push(`${name}:check`)
    })
  },
  BrowserWindow: class {
    record: (typeof windows)[number]
    constructor(options: Record<string, unknown>) {
      this.record = { options, destroyed: false }
      windows.push(this.record)
    }
    async loadFile(file: string) {
      this.record.loaded = file
      this.record.seen = { html: readFileSync(file, 'utf8'), mode: statSync(file).mode & 0o777 }
    }
    webContents = { print: (_o: unknown, done: (ok: boolean) => void) => done(true) }
    destroy() {
      this.record.destroyed = true
    }
  }
}))

const { printHtml } = await import('./print')

describe('printing', () => {
  it('prints the page from a private temporary file in a hidden window without script, in a session of its own that refuses every permission, then removes both', async () => {
    expect(await printHtml('<!DOCTYPE html><title>Bài</title><p>Nội dung</p>', null)).toBe(true)
    const [w] = windows
    expect(w.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, partition: 'newsdesk-print' } })
    expect(denied).toEqual(['newsdesk-print:request', 'newsdesk-print:check'])
    expect(w.seen).toEqual({ html: '<!DOCTYPE html><title>Bài</title><p>Nội dung</p>', mode: 0o600 })
    expect(w.destroyed).toBe(true)
    expect(existsSync(w.loaded!)).toBe(false)
  })
})

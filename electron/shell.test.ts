import { beforeEach, describe, expect, it, vi } from 'vitest'

const handlers = new Map<string, (...args: unknown[]) => unknown>()
const openExternal = vi.fn()
const dialog = { showSaveDialog: vi.fn(), showOpenDialog: vi.fn(), showMessageBox: vi.fn() }
vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, fn: (...args: unknown[]) => unknown) => handlers.set(channel, fn) },
  shell: { openExternal: (url: string) => openExternal(url) },
  BrowserWindow: class {},
  session: {},
  Menu: { buildFromTemplate: vi.fn(), setApplicationMenu: vi.fn() },
  dialog
}))

const { API_METHODS, channelOf } = await import('../shared/contract')
const { registerIpc } = await import('./ipc')
const { lockDownContents, windowOptions } = await import('./window')
const { APP_CSP, isAppUrl } = await import('./security')
const { menuTemplate } = await import('./menu')
const { DEFAULT_WINDOW_STATE } = await import('./services/window-state')
const { confirmQuitUnsaved, dialogHooks } = await import('./dialogs')

const APP = 'file:///opt/newsdesk/out/renderer/index.html'

describe('window options', () => {
  it('isolates and sandboxes the renderer', () => {
    const o = windowOptions('/p/preload.cjs', DEFAULT_WINDOW_STATE)
    expect(o.webPreferences).toMatchObject({
      preload: '/p/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false
    })
  })

  it('has a CSP with no remote source, no eval and no inline script', async () => {
    expect(APP_CSP).toContain("default-src 'none'")
    expect(APP_CSP).toContain("script-src 'self'")
    expect(APP_CSP).not.toMatch(/https?:|\*|unsafe-eval|script-src[^;]*unsafe-inline/)
    const { readFile } = await import('node:fs/promises')
    const html = await readFile(new URL('../renderer/index.html', import.meta.url), 'utf8')
    expect(html).toContain(`content="${APP_CSP}"`)
  })
})

describe('navigation and new windows', () => {
  beforeEach(() => openExternal.mockReset())
  function contents() {
    const on = new Map<string, (...a: unknown[]) => void>()
    let openHandler: (d: { url: string }) => { action: string } = () => ({ action: 'allow' })
    return {
      on: (name: string, fn: (...a: unknown[]) => void) => on.set(name, fn),
      setWindowOpenHandler: (fn: typeof openHandler) => (openHandler = fn),
      emit: (name: string, url: string) => {
        const event = { preventDefault: vi.fn() }
        on.get(name)!(event, url)
        return event.preventDefault.mock.calls.length > 0
      },
      open: (url: string) => openHandler({ url })
    }
  }

  it('blocks navigation away from the app, sending http(s) links to the system browser', () => {
    const c = contents()
    lockDownContents(c as never, () => APP)
    expect(c.emit('will-navigate', 'https://vov.vn/')).toBe(true)
    expect(openExternal).toHaveBeenCalledWith('https://vov.vn/')
    expect(c.emit('will-navigate', 'javascript:alert(1)')).toBe(true)
    expect(c.emit('will-navigate', 'file:///etc/passwd')).toBe(true)
    expect(openExternal).toHaveBeenCalledTimes(1)
    expect(c.emit('will-navigate', 'file:///opt/newsdesk/out/renderer/index.html#x')).toBe(false)
  })

  it('denies every new window', () => {
    const c = contents()
    lockDownContents(c as never, () => APP)
    expect(c.open('https://vov.vn/a')).toEqual({ action: 'deny' })
    expect(c.open('file:///etc/passwd')).toEqual({ action: 'deny' })
    expect(openExternal).toHaveBeenCalledTimes(1)
  })

  it('knows its own URLs', () => {
    expect(isAppUrl('file:///opt/newsdesk/out/renderer/assets/a.js', APP)).toBe(true)
    expect(isAppUrl('file:///opt/newsdesk/out/other/x.html', APP)).toBe(false)
    expect(isAppUrl('http://localhost:5173/x', 'http://localhost:5173/')).toBe(true)
    expect(isAppUrl('http://localhost:5174/x', 'http://localhost:5173/')).toBe(false)
  })
})

describe('IPC registration', () => {
  it('registers every channel and rejects foreign, missing or detached sender frames', async () => {
    const calls: string[] = []
    const api = Object.fromEntries(API_METHODS.map((m) => [m, async () => (calls.push(m), 'done')]))
    registerIpc(api as never, () => APP)
    expect([...handlers.keys()].sort()).toEqual(API_METHODS.map(channelOf).sort())
    const stats = handlers.get(channelOf('stats'))!
    for (const senderFrame of [null, undefined, { url: 'https://evil.example/', detached: false }, { url: APP, detached: true }, { url: 'file:///tmp/x.html' }]) {
      expect(await stats({ senderFrame })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }
    expect(calls).toEqual([])
    expect(await stats({ senderFrame: { url: APP, detached: false } })).toEqual({ ok: true, value: 'done' })
    expect(await handlers.get(channelOf('get'))!({ senderFrame: { url: APP } }, '../x')).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })
})

describe('menu', () => {
  it('has the app commands with their shortcuts', () => {
    const sent: string[] = []
    const template = menuTemplate((c) => sent.push(c), false)
    const items = template.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []))
    const byLabel = (l: string) => items.find((i) => i.label === l)!
    expect(byLabel('New article').accelerator).toBe('CmdOrCtrl+N')
    expect(byLabel('Save').accelerator).toBe('CmdOrCtrl+S')
    expect(byLabel('Export…').accelerator).toBe('CmdOrCtrl+E')
    expect(byLabel('Find').accelerator).toBe('CmdOrCtrl+F')
    ;(byLabel('Sync now').click as () => void)()
    expect(sent).toEqual(['sync-now'])
  })
})

describe('export and sync dialogs', () => {
  it('suggests the file name, remembers the folder and asks about existing files with "apply to all"', async () => {
    const hooks = dialogHooks(() => null)
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/home/lan/bai.html' })
    expect(await hooks.chooseExportFile('bai.html', 'html')).toBe('/home/lan/bai.html')
    expect(dialog.showSaveDialog.mock.calls[0][1]).toMatchObject({ defaultPath: 'bai.html', filters: [{ extensions: ['html'] }] })
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true })
    expect(await hooks.chooseExportFile('bai.md', 'md')).toBeNull()

    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/srv/xuat'] })
    expect(await hooks.chooseExportFolder()).toBe('/srv/xuat')
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false })
    expect(await hooks.askExisting('a.html')).toBe('keep-both')
    dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: true })
    expect(await hooks.askExisting('b.html')).toBe('overwrite')
    expect(await hooks.askExisting('c.html')).toBe('overwrite')
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(2)

    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] })
    expect(await hooks.chooseDraftsFolder()).toBeNull()
  })

  it('asks before quitting with unsaved edits, staying by default', async () => {
    dialog.showMessageBox.mockResolvedValueOnce({ response: 0 })
    expect(await confirmQuitUnsaved({} as never)).toBe(false)
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1 })
    expect(await confirmQuitUnsaved({} as never)).toBe(true)
    expect(dialog.showMessageBox.mock.lastCall?.[1]).toMatchObject({ defaultId: 0, cancelId: 0 })
  })
})

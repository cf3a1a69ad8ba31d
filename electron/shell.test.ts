import { beforeEach, describe, expect, it, vi } from 'vitest'

const handlers = new Map<string, (...args: unknown[]) => unknown>()
const openExternal = vi.fn()
const dialog = { showSaveDialog: vi.fn(), showOpenDialog: vi.fn(), showMessageBox: vi.fn() }
const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>()
const privileged: unknown[] = []
vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => privileged.push(...schemes),
    handle: (scheme: string, fn: (request: Request) => Promise<Response>) => protocolHandlers.set(scheme, fn)
  },
  ipcMain: {
    handle: (channel: string, fn: (...args: unknown[]) => unknown) => handlers.set(channel, fn),
    on: (channel: string, fn: (...args: unknown[]) => unknown) => handlers.set(channel, fn)
  },
  shell: { openExternal: (url: string) => openExternal(url) },
  BrowserWindow: class {},
  session: {},
  Menu: { buildFromTemplate: vi.fn(), setApplicationMenu: vi.fn() },
  dialog
}))

const { API_EVENTS, API_METHODS } = await import('../shared/contract')
const { BRIDGE_NAMES_CHANNEL, channelOf } = await import('../shared/window-api')
const { registerIpc } = await import('./ipc')
const { lockDownContents, secureSession, windowOptions } = await import('./window')
const { APP_URL, handleAppProtocol, registerAppScheme, rendererUrl, resolveAppPath } = await import('./app-protocol')
const { APP_CSP, isAppUrl } = await import('./security')
const { menuTemplate } = await import('./menu')
const { DEFAULT_WINDOW_STATE } = await import('./window-state')
const { confirmQuitUnsaved, dialogHooks } = await import('./dialogs')

const APP = 'app://newsdesk/index.html'

describe('window options', () => {
  it('isolates and sandboxes the renderer', () => {
    const o = windowOptions('/p/preload.cjs', DEFAULT_WINDOW_STATE)
    expect(o.webPreferences).toMatchObject({
      preload: '/p/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false
    })
  })

  it('denies every permission request and check, and sends the CSP with every response', () => {
    let request: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined
    let check: ((...a: unknown[]) => boolean) | undefined
    let headers: ((details: { responseHeaders: Record<string, string[]> }, callback: (r: { responseHeaders: Record<string, string[]> }) => void) => void) | undefined
    secureSession({
      setPermissionRequestHandler: (fn: typeof request) => (request = fn),
      setPermissionCheckHandler: (fn: typeof check) => (check = fn),
      webRequest: { onHeadersReceived: (fn: typeof headers) => (headers = fn) }
    } as never)
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const granted = vi.fn()
      request!({}, permission, granted)
      expect(granted).toHaveBeenCalledWith(false)
      expect(check!({}, permission, 'app://newsdesk')).toBe(false)
    }
    const answered = vi.fn()
    headers!({ responseHeaders: { 'X-A': ['1'] } }, answered)
    expect(answered).toHaveBeenCalledWith({ responseHeaders: { 'X-A': ['1'], 'Content-Security-Policy': [APP_CSP] } })
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
      fire: (name: string, event: unknown) => on.get(name)!(event),
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
    expect(c.emit('will-navigate', 'app://other/index.html')).toBe(true)
    expect(openExternal).toHaveBeenCalledTimes(1)
    expect(c.emit('will-navigate', 'app://newsdesk/index.html#x')).toBe(false)
  })

  it('keeps every subframe (the preview) on the app or its inline document (will-frame-navigate)', () => {
    const c = contents()
    lockDownContents(c as never, () => APP)
    const frame = (url: string, isMainFrame = false) => {
      const event = { url, isMainFrame, preventDefault: vi.fn() }
      c.fire('will-frame-navigate', event)
      return event.preventDefault.mock.calls.length > 0
    }
    expect(frame('https://tracker.example/')).toBe(true)
    expect(openExternal).toHaveBeenCalledWith('https://tracker.example/')
    expect(frame('javascript:alert(1)')).toBe(true)
    expect(frame('file:///etc/passwd')).toBe(true)
    expect(frame('data:text/html,<script>alert(1)</script>')).toBe(true)
    expect(frame('about:srcdoc')).toBe(false)
    expect(frame('app://newsdesk/index.html')).toBe(false)
    // the main frame is will-navigate's: not handled twice
    expect(frame('https://vov.vn/', true)).toBe(false)
    expect(openExternal).toHaveBeenCalledTimes(1)
  })

  it('denies every new window', () => {
    const c = contents()
    lockDownContents(c as never, () => APP)
    expect(c.open('https://vov.vn/a')).toEqual({ action: 'deny' })
    expect(c.open('file:///etc/passwd')).toEqual({ action: 'deny' })
    expect(openExternal).toHaveBeenCalledTimes(1)
  })

  it('knows its own URLs', () => {
    expect(isAppUrl('app://newsdesk/assets/a.js', APP)).toBe(true)
    expect(isAppUrl('app://evil/assets/a.js', APP)).toBe(false)
    expect(isAppUrl('https://newsdesk/assets/a.js', APP)).toBe(false)
    expect(isAppUrl('file:///opt/newsdesk/out/renderer/assets/a.js', 'file:///opt/newsdesk/out/renderer/index.html')).toBe(true)
    expect(isAppUrl('file:///opt/newsdesk/out/other/x.html', 'file:///opt/newsdesk/out/renderer/index.html')).toBe(false)
    expect(isAppUrl('http://localhost:5173/x', 'http://localhost:5173/')).toBe(true)
    expect(isAppUrl('http://localhost:5174/x', 'http://localhost:5173/')).toBe(false)
  })
})

describe('IPC registration', () => {
  it('registers every channel and rejects foreign, missing or detached sender frames', async () => {
    const calls: string[] = []
    const api = Object.fromEntries(API_METHODS.map((m) => [m, async () => (calls.push(m), 'done')]))
    registerIpc(api as never, () => APP)
    expect([...handlers.keys()].sort()).toEqual([...API_METHODS.map(channelOf), BRIDGE_NAMES_CHANNEL].sort())
    // the preload's question about the names is answered to the app only
    const names = (senderFrame: unknown) => {
      const event = { senderFrame, returnValue: undefined as unknown }
      handlers.get(BRIDGE_NAMES_CHANNEL)!(event)
      return event.returnValue
    }
    expect(names({ url: APP })).toEqual({ methods: API_METHODS, events: API_EVENTS })
    expect(names({ url: 'https://evil.example/' })).toEqual({ methods: [], events: [] })
    const stats = handlers.get(channelOf('stats'))!
    for (const senderFrame of [null, undefined, { url: 'https://evil.example/', detached: false }, { url: APP, detached: true }, { url: 'file:///tmp/x.html' }, { url: 'app://other/index.html' }]) {
      expect(await stats({ senderFrame })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }
    expect(calls).toEqual([])
    expect(await stats({ senderFrame: { url: APP, detached: false } })).toEqual({ ok: true, value: 'done' })
    expect(await handlers.get(channelOf('get'))!({ senderFrame: { url: APP } }, '../x')).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })
})

describe('menu', () => {
  it('lists the command table in the UI language, with its shortcuts shown but left to the page', () => {
    const sent: string[] = []
    for (const [language, labels] of [['en', ['New article', 'Save', 'Export…', 'Find in article', 'Bold']], ['vi', ['Bài mới', 'Lưu', 'Xuất bài…', 'Tìm trong bài', 'Đậm']]] as const) {
      const template = menuTemplate((c) => sent.push(c), language, false)
      const items = template.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []))
      const byLabel = (l: string) => items.find((i) => i.label === l)!
      expect(byLabel(labels[0]).accelerator).toBe('CmdOrCtrl+N')
      expect(byLabel(labels[1]).accelerator).toBe('CmdOrCtrl+S')
      expect(byLabel(labels[2]).accelerator).toBe('CmdOrCtrl+E')
      expect(byLabel(labels[3]).accelerator).toBe('CmdOrCtrl+F')
      expect(byLabel(labels[4]).accelerator).toBe('CmdOrCtrl+B')
      for (const i of items) if (i.accelerator) expect(i.registerAccelerator, String(i.label)).toBe(false)
    }
    const items = menuTemplate((c) => sent.push(c), 'en', false).flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []))
    ;(items.find((i) => i.label === 'Sync now')!.click as () => void)()
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

describe('the app protocol', () => {
  it('is registered as a standard, secure scheme', () => {
    registerAppScheme()
    expect(privileged).toContainEqual({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })
  })

  it('loads the dev server only from source, never in a packaged app, and only from this machine', () => {
    expect(rendererUrl(true, { ELECTRON_RENDERER_URL: 'http://localhost:5173/' })).toBe(APP_URL)
    expect(rendererUrl(false, { ELECTRON_RENDERER_URL: 'http://localhost:5173/' })).toBe('http://localhost:5173/')
    expect(rendererUrl(false, { ELECTRON_RENDERER_URL: 'https://evil.example/' })).toBe(APP_URL)
    expect(rendererUrl(false, { ELECTRON_RENDERER_URL: 'http://localhost.evil.example/' })).toBe(APP_URL)
    expect(rendererUrl(false, {})).toBe('app://newsdesk/index.html')
  })

  it('maps URLs to files inside the renderer folder only', () => {
    const root = '/opt/newsdesk/out/renderer'
    expect(resolveAppPath(root, 'app://newsdesk/index.html')).toBe(`${root}/index.html`)
    expect(resolveAppPath(root, 'app://newsdesk/')).toBe(`${root}/index.html`)
    expect(resolveAppPath(root, 'app://newsdesk/assets/index-1.js')).toBe(`${root}/assets/index-1.js`)
    // dot segments are removed by URL parsing itself: they can never climb above the folder
    expect(resolveAppPath(root, 'app://newsdesk/../../main/index.js')).toBe(`${root}/main/index.js`)
    expect(resolveAppPath(root, 'app://newsdesk/%2e%2e/main/index.js')).toBe(`${root}/main/index.js`)
    for (const bad of [
      'app://newsdesk/assets/..%2f..%2f..%2fetc/passwd',
      'app://newsdesk/..%5c..%5cwindows',
      'app://newsdesk/a%00.js',
      'app://newsdesk/%E0%A4%A',
      'app://other/index.html',
      'file:///etc/passwd',
      'not a url'
    ]) {
      expect(resolveAppPath(root, bad), bad).toBeNull()
    }
    // an absolute path in the URL stays inside the folder
    expect(resolveAppPath(root, 'app://newsdesk//etc/passwd')).toBe(`${root}/etc/passwd`)
  })

  it('serves files with the CSP header, and nothing from outside the folder', async () => {
    const { mkdtemp, writeFile, mkdir, rm } = await import('node:fs/promises')
    const os = await import('node:os')
    const path = await import('node:path')
    const base = await mkdtemp(path.join(os.tmpdir(), 'nd-proto-'))
    try {
      await mkdir(path.join(base, 'renderer'))
      await writeFile(path.join(base, 'renderer', 'index.html'), '<!doctype html><title>x</title>')
      await writeFile(path.join(base, 'secret.txt'), 'bí mật')
      const media = path.join(base, 'media')
      await mkdir(media)
      const photo = `${'a'.repeat(64)}.png`
      await writeFile(path.join(media, photo), 'png bytes')
      await writeFile(path.join(media, 'notes.txt'), 'không phải ảnh')
      handleAppProtocol(path.join(base, 'renderer'), () => media)
      const serve = protocolHandlers.get('app')!
      const image = await serve(new Request(`app://newsdesk/media/${photo}`))
      expect(image.status).toBe(200)
      expect(image.headers.get('Content-Type')).toBe('image/png')
      expect(await image.text()).toBe('png bytes')
      for (const url of ['app://newsdesk/media/notes.txt', 'app://newsdesk/media/../secret.txt', `app://newsdesk/media/${'A'.repeat(64)}.png`, `app://newsdesk/media/x/${photo}`]) {
        expect((await serve(new Request(url))).status, url).toBe(404)
      }
      const ok = await serve(new Request('app://newsdesk/index.html'))
      expect(ok.status).toBe(200)
      expect(ok.headers.get('Content-Security-Policy')).toBe(APP_CSP)
      expect(ok.headers.get('Content-Type')).toMatch(/^text\/html/)
      expect(await ok.text()).toContain('<title>x</title>')
      for (const url of ['app://newsdesk/../secret.txt', 'app://newsdesk/%2e%2e/secret.txt', 'app://newsdesk/missing.js']) {
        const r = await serve(new Request(url))
        expect(r.status, url).toBe(404)
      }
    } finally {
      await rm(base, { recursive: true, force: true })
    }
  })
})

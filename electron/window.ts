/** The main window: secure options, CSP, navigation and new-window rules. */
import { BrowserWindow, session, shell, type WebContents } from 'electron'
import { APP_CSP, isAppUrl, isExternalLink } from './security'
import type { WindowState } from './window-state'

export function windowOptions(preload: string, state: WindowState): Electron.BrowserWindowConstructorOptions {
  return {
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: 'Newsdesk',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true
    }
  }
}

/** Deny navigation and new windows; http(s) links open in the system browser. */
export function lockDownContents(contents: WebContents, appUrl: () => string): void {
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url, appUrl())) return
    event.preventDefault()
    if (isExternalLink(url)) void shell.openExternal(url)
  })
  // any frame (the preview's iframe too) stays on the app or its own inline documents
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame) return // will-navigate above
    if (isAppUrl(event.url, appUrl()) || /^about:(srcdoc|blank)$/.test(event.url)) return
    event.preventDefault()
    if (isExternalLink(event.url)) void shell.openExternal(event.url)
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
}

/** Session-wide rules: CSP header on every response, every permission request denied. */
export function secureSession(ses: Pick<Electron.Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'webRequest'> = session.defaultSession): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [APP_CSP] } })
  })
}

export function createMainWindow(preload: string, state: WindowState): BrowserWindow {
  const win = new BrowserWindow(windowOptions(preload, state))
  if (state.maximized) win.maximize()
  win.once('ready-to-show', () => win.show())
  return win
}

/** The Electron main process: opens the store, registers the bridge, builds the window and menu. */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, BrowserWindow, clipboard, ClipboardItem, dialog, shell } from 'electron'
import { printHtml } from './print'
import { eventChannelOf } from '../shared/window-api'
import { handleAppProtocol, registerAppScheme, rendererUrl } from './app-protocol'
import { confirmQuitUnsaved, dialogHooks } from './dialogs'
import { registerIpc } from './ipc'
import { installMenu } from './menu'
import { createHandlers } from './services/bridge'
import { APP_NAME, ArticleStore, resolveStoreDir } from './services/store'
import { SyncService } from './services/sync'
import { loadWindowState, saveWindowState } from './window-state'
import { createMainWindow, lockDownContents, secureSession } from './window'

const here = path.dirname(fileURLToPath(import.meta.url))
const preload = path.join(here, '../preload/index.cjs')
// the dev server only when running from source; a packaged app always loads its own files
const appUrl = rendererUrl(app.isPackaged, process.env)

app.setName(APP_NAME)

/** The menu speaks the UI's language: the one chosen, else the system's. */
const menuLanguage = (setting: 'auto' | 'vi' | 'en'): 'vi' | 'en' => (setting !== 'auto' ? setting : app.getLocale().toLowerCase().startsWith('vi') ? 'vi' : 'en')
registerAppScheme()

async function start(): Promise<void> {
  await app.whenReady()
  let store: ArticleStore | undefined
  handleAppProtocol(path.join(here, '../renderer'), () => (store ? store.media.dir : null))
  secureSession()
  try {
    store = await ArticleStore.open(resolveStoreDir(process.argv))
  } catch (err) {
    dialog.showErrorBox('Newsdesk', err instanceof Error ? err.message : String(err))
    app.exit(1)
    return
  }
  const stateFile = path.join(app.getPath('userData'), 'window-state.json')
  let win: BrowserWindow | null = createMainWindow(preload, await loadWindowState(stateFile))
  const sync = await SyncService.open(store, (status) => win?.webContents.send(eventChannelOf('sync-status'), status))
  let quitReady: (saved: boolean) => void = () => {}
  registerIpc(
    createHandlers(
      { store, sync },
      { version: app.getVersion(), locale: app.getLocale() },
      {
        ...dialogHooks(() => win),
        quitReady: (saved) => quitReady(saved),
        exportProgress: (done, total) => win?.webContents.send(eventChannelOf('export-progress'), { done, total }),
        settingsChanged: (settings) => installMenu(() => win, menuLanguage(settings.language)),
        revealFile: (file) => shell.showItemInFolder(file),
        print: (html) => printHtml(html, win),
        writeClipboard: (data) => void clipboard.write([new ClipboardItem({ 'text/html': data.html, 'text/plain': data.text })])
      }
    ),
    () => appUrl
  )
  lockDownContents(win.webContents, () => appUrl)
  installMenu(() => win, menuLanguage(store.settings.language))
  store.onProblem((p) => win?.webContents.send(eventChannelOf('problem'), p))
  store.onSearchProgress((p) => win?.webContents.send(eventChannelOf('search-progress'), p))
  let quitting = false
  win.on('close', (event) => {
    if (!win) return
    const b = win.getNormalBounds()
    void saveWindowState(stateFile, { ...b, maximized: win.isMaximized() }).catch(() => {})
    // closing the window quits through before-quit below, which saves pending edits first
    if (!quitting) {
      event.preventDefault()
      app.quit()
    }
  })
  win.on('closed', () => (win = null))
  app.on('second-instance', () => {
    if (!win) return
    if (win.isMinimized()) win.restore()
    win.focus()
  })
  app.on('window-all-closed', () => app.quit())

  app.on('before-quit', (event) => {
    if (quitting) return
    event.preventDefault()
    quitting = true
    void (async () => {
      // the renderer saves what is pending and says whether it could (a renderer that does not answer
      // within a few seconds cannot save anything more)
      const saved = await new Promise<boolean>((resolve) => {
        quitReady = resolve
        setTimeout(() => resolve(true), 5000)
        if (win && !win.isDestroyed()) win.webContents.send(eventChannelOf('command'), 'quit')
        else resolve(true)
      })
      if (!saved && win && !win.isDestroyed() && !(await confirmQuitUnsaved(win))) {
        quitting = false
        return
      }
      // pending writes finish, the index is snapshotted and the lock released before we exit
      await sync.close()
      await store.close()
      app.exit(0)
    })().catch(() => app.exit(1))
  })
  await win.loadURL(appUrl)
  void sync.start()
}

if (!app.requestSingleInstanceLock()) app.quit()
else void start()

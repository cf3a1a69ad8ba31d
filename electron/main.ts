/** The Electron main process: opens the store, registers the bridge, builds the window and menu. */
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { app, BrowserWindow, dialog } from 'electron'
import { eventChannelOf } from '../shared/contract'
import { dialogHooks } from './dialogs'
import { registerIpc } from './ipc'
import { installMenu } from './menu'
import { createHandlers } from './services/api-handlers'
import { ArticleStore } from './services/article-store'
import { SyncService } from './services/sync/sync-service'
import { APP_NAME, resolveStoreDir } from './services/store-location'
import { loadWindowState, saveWindowState } from './services/window-state'
import { createMainWindow, lockDownContents, secureSession } from './window'

const here = path.dirname(fileURLToPath(import.meta.url))
const preload = path.join(here, '../preload/index.cjs')
const appUrl = process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(path.join(here, '../renderer/index.html')).href

app.setName(APP_NAME)

async function start(): Promise<void> {
  await app.whenReady()
  secureSession()
  let store: ArticleStore
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
  let quitReady: () => void = () => {}
  registerIpc(
    createHandlers(
      { store, sync },
      { version: app.getVersion(), locale: app.getLocale() },
      {
        ...dialogHooks(() => win),
        quitReady: () => quitReady(),
        exportProgress: (done, total) => win?.webContents.send(eventChannelOf('export-progress'), { done, total })
      }
    ),
    () => appUrl
  )
  lockDownContents(win.webContents, () => appUrl)
  installMenu(() => win)
  store.onProblem((p) => win?.webContents.send(eventChannelOf('problem'), p))
  win.on('close', () => {
    if (!win) return
    const b = win.getNormalBounds()
    void saveWindowState(stateFile, { ...b, maximized: win.isMaximized() }).catch(() => {})
  })
  win.on('closed', () => (win = null))
  app.on('second-instance', () => {
    if (!win) return
    if (win.isMinimized()) win.restore()
    win.focus()
  })
  app.on('window-all-closed', () => app.quit())

  let quitting = false
  app.on('before-quit', (event) => {
    if (quitting) return
    event.preventDefault()
    quitting = true
    // the renderer saves what is pending and says so (or we go on after a few seconds);
    // then pending writes finish, the index is snapshotted and the lock released before we exit
    const flushed = new Promise<void>((resolve) => {
      quitReady = resolve
      setTimeout(resolve, 5000)
      if (win && !win.isDestroyed()) win.webContents.send(eventChannelOf('command'), 'quit')
      else resolve()
    })
    void flushed
      .then(() => sync.close())
      .then(() => store.close())
      .finally(() => app.exit(0))
  })
  await win.loadURL(appUrl)
  void sync.start()
}

if (!app.requestSingleInstanceLock()) app.quit()
else void start()

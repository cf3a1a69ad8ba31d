/**
 * Browser test harness: serves the built renderer on 127.0.0.1, opens it in Debian's Chromium through
 * playwright-core, and binds `window.api` to the real main-process handlers over a temporary store.
 */
import { promises as fs } from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { API_EVENTS, API_METHODS, type ApiEvent, type ApiEvents, type Envelope, type NewsdeskApi } from '../shared/contract'
import { buildWindowApi } from '../shared/window-api'
import { APP_CSP } from '../electron/security'
import { CONTENT_TYPES, resolveMediaPath } from '../electron/app-urls'
import { createHandlers, dispatch } from '../electron/services/bridge'
import type { ExistingChoice } from '../electron/services/export'
import { ArticleStore, type OpenOptions } from '../electron/services/store'
import { SyncService } from '../electron/services/sync'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']
const RENDERER = path.resolve('out/renderer')


/** Serve the renderer build with the app's CSP, and the store's photos under /media/ as the app protocol does. */
export async function serveRenderer(mediaDir?: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    const rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)
    const media = mediaDir && resolveMediaPath(mediaDir, `app://newsdesk${url.pathname}`)
    const file = media || path.join(RENDERER, path.normalize(rel))
    if (!media && !file.startsWith(RENDERER)) return void res.writeHead(403).end()
    try {
      const body = await fs.readFile(file)
      res.writeHead(200, { 'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': APP_CSP })
      res.end(body)
    } catch {
      res.writeHead(404).end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(() => r())) }
}

/**
 * Runs in the page before the app: window.api built by the same buildWindowApi as the preload's
 * (its source injected as it is), over a Playwright binding instead of ipcRenderer.
 */
function apiScript(): string {
  const names = { methods: API_METHODS, events: API_EVENTS }
  return `(() => {
    const listeners = {}
    const buildWindowApi = ${buildWindowApi.toString()}
    window.api = buildWindowApi(${JSON.stringify(names)}, (method, args) => window.__newsdeskInvoke(method, args), (event, listener) => {
      ;(listeners[event] ??= new Set()).add(listener)
      return () => listeners[event].delete(listener)
    })
    window.__newsdeskEmit = (event, payload) => listeners[event]?.forEach((l) => l(payload))
  })()`
}

/** What the stubbed native dialogs answer (set by a test before it triggers an export). */
export interface DialogAnswers {
  file: string | null
  folder: string | null
  draftsFolder: string | null
  /** The answer to "a file of that name exists" (a promise keeps the export waiting on the question). */
  existing: ExistingChoice | Promise<ExistingChoice>
  /** File names the "already exists" question was asked about. */
  asked: string[]
  /** The renderer's answers to 'quit' commands (were all edits saved?). */
  quit: boolean[]
  /** File names the save dialog suggested. */
  suggested: string[]
  /** What the photo dialog picks (null: cancelled). */
  photos: string[] | null
  /** Files shown in the file manager. */
  revealed: string[]
  /** What was put on the clipboard (HTML and text), newest last. */
  clipboard: Array<{ html: string; text: string }>
  /** Pages sent to the printer. */
  printed: string[]
}

/** Send a main-process event to the page (nothing to do before the page exists). */
async function emit<E extends ApiEvent>(page: Page | undefined, event: E, payload: ApiEvents[E]): Promise<void> {
  if (!page) return
  return page.evaluate(([e, p]) => (window as unknown as { __newsdeskEmit: (e: string, p: unknown) => void }).__newsdeskEmit(e, p), [event, payload] as const)
}

export interface Desk {
  page: Page
  dialogs: DialogAnswers
  store: ArticleStore
  sync: SyncService
  storeDir: string
  api: NewsdeskApi
  /** Make the bridge fail for these methods (as a failing disk would). */
  failing: Set<string>
  /** Make the bridge answer these methods only after so many milliseconds (as a slow disk would). */
  slow: Map<string, number>
  emit<E extends ApiEvent>(event: E, payload: ApiEvents[E]): Promise<void>
  /** Open the app again (a reload keeps the store). */
  reload(): Promise<void>
  screenshot(name: string): Promise<string>
  close(): Promise<void>
}

let browser: Browser | undefined
export async function sharedBrowser(): Promise<Browser> {
  browser ??= await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true })
  return browser
}
export async function closeBrowser(): Promise<void> {
  await browser?.close()
  browser = undefined
}

export interface DeskOptions extends OpenOptions {
  locale?: string
  storeDir?: string
  viewport?: { width: number; height: number }
  colorScheme?: 'light' | 'dark'
}

/** Open a desk, hand it to `use`, and close it whatever happens (a page error fails the test there too). */
export async function withDesk<T>(options: DeskOptions, use: (desk: Desk) => Promise<T>): Promise<T> {
  const desk = await openDesk(options)
  try {
    return await use(desk)
  } finally {
    await desk.close()
  }
}

export async function openDesk(options: DeskOptions = {}): Promise<Desk> {
  const storeDir = options.storeDir ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'nd-e2e-')))
  const store = await ArticleStore.open(storeDir, options)
  const locale = options.locale ?? 'vi-VN'
  const dialogs: DialogAnswers = { file: null, folder: null, draftsFolder: null, existing: 'skip', asked: [], quit: [], suggested: [], photos: null, revealed: [], clipboard: [], printed: [] }
  let page: Page | undefined
  const sync = await SyncService.open(store, (status) => void emit(page, 'sync-status', status).catch(() => {}))
  store.onSearchProgress((p) => void emit(page, 'search-progress', p).catch(() => {}))
  const api = createHandlers(
    { store, sync },
    { version: 'test', locale },
    {
      chooseExportFile: async (suggested) => (dialogs.suggested.push(suggested), dialogs.file),
      chooseExportFolder: async () => dialogs.folder,
      askExisting: async (file) => (dialogs.asked.push(file), dialogs.existing),
      exportProgress: (done, total) => void emit(page, 'export-progress', { done, total }).catch(() => {}),
      chooseDraftsFolder: async () => dialogs.draftsFolder,
      choosePhotos: async () => dialogs.photos,
      revealFile: (file) => void dialogs.revealed.push(file),
      writeClipboard: (data) => void dialogs.clipboard.push(data),
      print: async (html) => (dialogs.printed.push(html), true),
      quitReady: (saved) => void dialogs.quit.push(saved)
    }
  )
  const server = await serveRenderer(store.media.dir)
  const context: BrowserContext = await (await sharedBrowser()).newContext({
    viewport: options.viewport ?? { width: 1440, height: 900 },
    locale,
    colorScheme: options.colorScheme ?? 'light'
  })
  const failing = new Set<string>()
  const slow = new Map<string, number>()
  await context.exposeBinding('__newsdeskInvoke', async (_source, method: string, args: unknown[]): Promise<Envelope<unknown>> => {
    if (failing.has(method)) return { ok: false, error: { code: 'failed', message: 'ENOSPC: no space left on device' } }
    if (slow.has(method)) await new Promise((resolve) => setTimeout(resolve, slow.get(method)))
    return dispatch(api, method, args)
  })
  await context.addInitScript({ content: apiScript() })
  page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  const load = async () => {
    await page.goto(server.url)
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 })
  }
  await load()
  return {
    page,
    store,
    sync,
    storeDir,
    api,
    failing,
    slow,
    dialogs,
    emit: (event, payload) => emit(page, event, payload),
    reload: load,
    async screenshot(name) {
      const dir = path.resolve('e2e/screenshots')
      await fs.mkdir(dir, { recursive: true })
      const file = path.join(dir, name + '.png')
      await page.screenshot({ path: file })
      return file
    },
    async close() {
      await sync.close()
      await context.close()
      await server.close()
      await store.close()
      if (!options.storeDir) await fs.rm(storeDir, { recursive: true, force: true })
      if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`)
    }
  }
}

/** Serious or critical axe-core violations on the page as it is now (empty when there are none). */
export async function axeViolations(page: Page): Promise<string[]> {
  const { readFile } = await import('node:fs/promises')
  const { createRequire } = await import('node:module')
  const source = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
  await page.evaluate(source)
  return page.evaluate(async () => {
    type Result = { violations: Array<{ id: string; impact: string; nodes: Array<{ html: string; failureSummary: string }> }> }
    const result: Result = await (window as unknown as { axe: { run: (c: unknown) => Promise<Result> } }).axe.run(document)
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.html + ' ' + n.failureSummary).join(' | ').slice(0, 600)}`)
  })
}

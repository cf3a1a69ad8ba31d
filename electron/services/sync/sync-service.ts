/** The sync as the app runs it: at start, on every change in the drafts folder (chokidar), and on demand. */
import { watch, type FSWatcher } from 'chokidar'
import path from 'node:path'
import type { SyncReport, SyncStatus } from '../../../shared/contract'
import type { ArticleStore } from '../store/article-store'
import { syncFolder, type SyncOptions } from './engine'
import { isIgnoredName, MAX_FOLDER_DEPTH } from './ignore'
import { contentHash, SyncState } from './sync-state'

export interface SyncServiceOptions extends SyncOptions {
  /** Quiet time after the last change before a pass starts. */
  debounceMs?: number
  /**
   * chokidar's wait for a file to stop changing. Longer than the pauses of a sync tool writing in chunks
   * (about half a second), short enough that a finished write shows within a second.
   */
  stabilityMs?: number
}

const DEFAULTS = { debounceMs: 100, stabilityMs: 700, settleMs: 600 }

export class SyncService {
  private watcher: FSWatcher | undefined
  private running: Promise<SyncReport | null> | null = null
  /** The one pass asked for while another runs, shared by every request made meanwhile. */
  private next: Promise<SyncReport | null> | null = null
  private timer: NodeJS.Timeout | undefined
  private closed = false
  private progress: Omit<SyncStatus, 'openConflicts'> = { folder: null, running: false, lastRunAt: null, last: null, error: null }

  /** Where the sync stands, with the conflicts still open in the store now. */
  get status(): SyncStatus {
    return { ...this.progress, openConflicts: this.store.openConflicts() }
  }

  private constructor(
    private readonly store: ArticleStore,
    private readonly state: SyncState,
    private readonly onStatus: (status: SyncStatus) => void,
    private options: SyncServiceOptions
  ) {
    this.options = { ...DEFAULTS, ...options }
  }

  static async open(store: ArticleStore, onStatus: (status: SyncStatus) => void = () => {}, options: SyncServiceOptions = {}): Promise<SyncService> {
    const state = await SyncState.open(store.dir, (file, problem, movedTo) => store.addProblem({ file, problem, movedTo }))
    return new SyncService(store, state, onStatus, options)
  }

  private publish(patch: Partial<Omit<SyncStatus, 'openConflicts'>> = {}): void {
    this.progress = { ...this.progress, ...patch }
    this.onStatus(this.status)
  }

  /**
   * A conflict of `articleId` was settled: the text it holds now is what the journalist chose, so the
   * file's next edit updates it (keeping it as a revision) instead of making another conflict copy; and the
   * window is told at once that the conflict is gone.
   */
  async settled(articleId: string): Promise<void> {
    const folder = this.progress.folder
    const article = folder ? await this.store.get(articleId).catch(() => null) : null
    if (folder && article) {
      const files = Object.values(this.state.filesOf(folder)).filter((f) => f.articleId === articleId)
      for (const f of files) f.articleHash = contentHash(article)
      if (files.length) await this.state.save()
    }
    this.publish()
  }

  /** A conflict copy was made outside a pass (edits saved over a version the sync wrote): the window is told. */
  conflictsChanged(): void {
    this.publish()
  }

  /** Follow the folder in the settings (if any): watch it and run a first pass. */
  async start(): Promise<void> {
    await this.follow(this.store.settings.draftsFolder)
  }

  /** Follow another folder (null: stop syncing). */
  async setFolder(folder: string | null): Promise<SyncStatus> {
    const resolved = folder ? path.resolve(folder) : null
    await this.store.updateSettings({ draftsFolder: resolved })
    await this.follow(resolved)
    return this.status
  }

  private async follow(folder: string | null): Promise<void> {
    await this.watcher?.close()
    this.watcher = undefined
    this.publish({ folder, error: null, last: folder === this.progress.folder ? this.progress.last : null })
    if (!folder) return
    this.watcher = watch(folder, {
      ignoreInitial: true,
      // like the scan: links are not followed (a link to / would watch the whole disk), depth is bounded
      followSymlinks: false,
      depth: MAX_FOLDER_DEPTH,
      ignored: (p) => p !== folder && isIgnoredName(path.basename(p)),
      awaitWriteFinish: { stabilityThreshold: this.options.stabilityMs!, pollInterval: 50 }
    })
    this.watcher.on('all', () => this.schedule())
    this.watcher.on('error', (err) => this.publish({ error: (err as Error).message }))
    await this.runNow()
  }

  private schedule(): void {
    clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.runNow(), this.options.debounceMs)
  }

  /** One pass now (after the one under way, if any: requests made during a pass share one more pass); null when no folder is set. */
  runNow(): Promise<SyncReport | null> {
    if (this.running) {
      this.next ??= this.running.then(() => {
        this.next = null
        return this.runNow()
      })
      return this.next
    }
    const folder = this.progress.folder
    if (!folder || this.closed) return Promise.resolve(null)
    this.publish({ running: true })
    this.running = (async () => {
      try {
        const report = await syncFolder(this.store, this.state, folder, this.options)
        this.publish({ running: false, lastRunAt: new Date().toISOString(), last: report, error: null })
        return report
      } catch (err) {
        this.publish({ running: false, lastRunAt: new Date().toISOString(), error: `${folder}: ${(err as Error).message}` })
        return null
      } finally {
        this.running = null
      }
    })()
    return this.running
  }

  async close(): Promise<void> {
    this.closed = true
    clearTimeout(this.timer)
    await this.watcher?.close()
    await this.running
  }
}

/**
 * Saves edits through the bridge, one article at a time, newest edits last. A failed save keeps the edits
 * (nothing is dropped), reports the error and is retried with back-off until it lands. Each save names the
 * version its edits were made on (the one loaded, then the one last saved here), so that a version saved
 * meanwhile by someone else (the drafts-folder sync) is kept as a conflict copy, not overwritten.
 */
import type { Article, ArticlePatch } from '../../../shared/article'

export type SaveState = { state: 'saved' } | { state: 'saving' } | { state: 'failed'; error: string }

/** One shared object, so that React's useSyncExternalStore sees a stable snapshot. */
const SAVED: SaveState = Object.freeze({ state: 'saved' })

interface Entry {
  patch: ArticlePatch
  version: number
}

/** How long after the last keystroke the edits are saved. */
export const AUTOSAVE_DELAY_MS = 1000

export class SaveQueue {
  /** Edits made while typing: the patch is built (and saved) when the autosave delay ends, or at a flush. */
  private readonly deferred = new Map<string, { build: () => ArticlePatch; timer: ReturnType<typeof setTimeout> }>()
  private readonly pending = new Map<string, Entry>()
  private readonly running = new Map<string, Promise<void>>()
  private readonly states = new Map<string, SaveState>()
  private readonly savedAt = new Map<string, string>()
  /** The updatedAt of the version the edits are made on. */
  private readonly bases = new Map<string, string>()
  private readonly retryTimers = new Map<string, ReturnType<typeof setTimeout>>()
  private readonly attempts = new Map<string, number>()
  private readonly listeners = new Set<() => void>()

  constructor(
    private readonly save: (id: string, patch: ArticlePatch, base?: string) => Promise<Article>,
    private readonly onSaved: (article: Article) => void = () => {},
    private readonly retryDelays = [1000, 2000, 5000, 10_000, 30_000],
    private readonly autosaveDelay = AUTOSAVE_DELAY_MS
  ) {}

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  state(id: string): SaveState {
    return this.states.get(id) ?? SAVED
  }

  /** The store's updatedAt of the last save of an article made here. */
  lastSaved(id: string): string | undefined {
    return this.savedAt.get(id)
  }

  /** Edits not yet confirmed by the store, to lay over a freshly loaded article. */
  pendingPatch(id: string): ArticlePatch | undefined {
    return this.pending.get(id)?.patch
  }

  /** Any article with unsaved edits? */
  get dirty(): boolean {
    return this.pending.size > 0 || this.deferred.size > 0
  }

  /** Unsaved edits of this article? */
  dirtyOf(id: string): boolean {
    return this.pending.has(id) || this.deferred.has(id)
  }

  /** The editor shows the version saved at `updatedAt`: edits from now on are made on it (unless some wait to be saved). */
  loaded(id: string, updatedAt: string): void {
    if (!this.dirtyOf(id) && !this.running.has(id)) this.bases.set(id, updatedAt)
  }

  /** Edits are being made: save what `build` gives once typing pauses (or at a flush), not at each keystroke. */
  defer(id: string, build: () => ArticlePatch): void {
    clearTimeout(this.deferred.get(id)?.timer)
    this.deferred.set(id, { build, timer: setTimeout(() => void this.commitDeferred(id), this.autosaveDelay) })
  }

  private commitDeferred(id: string): Promise<void> {
    const later = this.deferred.get(id)
    if (!later) return Promise.resolve()
    clearTimeout(later.timer)
    this.deferred.delete(id)
    return this.push(id, later.build())
  }

  /** Queue edits and start saving them now. */
  push(id: string, patch: ArticlePatch): Promise<void> {
    const entry = this.pending.get(id)
    this.pending.set(id, { patch: { ...entry?.patch, ...patch }, version: (entry?.version ?? 0) + 1 })
    return this.kick(id)
  }

  /** Save whatever is pending for an article (or for all); resolves when the store has it, rejects on failure. */
  async flush(id?: string): Promise<void> {
    for (const d of id ? [id] : [...this.deferred.keys()]) void this.commitDeferred(d)
    const ids = id ? [id] : [...this.pending.keys()]
    await Promise.all(ids.map((i) => this.kick(i)))
    for (const i of ids) {
      const s = this.state(i)
      if (s.state === 'failed') throw new Error(s.error)
    }
  }

  retry(id: string): Promise<void> {
    this.attempts.delete(id)
    return this.kick(id)
  }

  private set(id: string, state: SaveState): void {
    this.states.set(id, state)
    for (const l of this.listeners) l()
  }

  private kick(id: string): Promise<void> {
    const running = this.running.get(id)
    if (running) return running.then(() => (this.pending.has(id) ? this.kick(id) : undefined))
    const entry = this.pending.get(id)
    if (!entry) return Promise.resolve()
    clearTimeout(this.retryTimers.get(id))
    const run = (async () => {
      this.set(id, { state: 'saving' })
      try {
        const article = await this.save(id, entry.patch, this.bases.get(id))
        if (this.pending.get(id)?.version === entry.version) this.pending.delete(id)
        this.savedAt.set(id, article.updatedAt)
        this.bases.set(id, article.updatedAt)
        this.attempts.delete(id)
        this.set(id, this.pending.has(id) ? { state: 'saving' } : SAVED)
        this.onSaved(article)
      } catch (err) {
        const n = this.attempts.get(id) ?? 0
        this.attempts.set(id, n + 1)
        this.set(id, { state: 'failed', error: err instanceof Error ? err.message : String(err) })
        const delay = this.retryDelays[Math.min(n, this.retryDelays.length - 1)]
        this.retryTimers.set(id, setTimeout(() => void this.kick(id), delay))
      } finally {
        this.running.delete(id)
      }
    })()
    this.running.set(id, run)
    return run.then(() => (this.pending.has(id) && this.state(id).state !== 'failed' ? this.kick(id) : undefined))
  }
}

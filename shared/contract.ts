/**
 * The one typed bridge between the renderer and the main process: an interface and its channel list.
 * The preload builds `window.api` from API_METHODS; main registers a handler for each; the browser tests
 * bind the very same handlers. Inputs are validated in main by `contract-inputs.ts`.
 */
import type { Article, ArticleMeta, ArticlePatch, Status } from './article'
import type { RendererSettingsPatch, Settings } from './settings'

export interface ListQuery {
  query?: string
  category?: string
  tag?: string
  status?: Status
  sort?: 'updated' | 'title'
  trash?: boolean
  offset?: number
  limit?: number
}

export interface ListResult {
  total: number
  items: ArticleMeta[]
}

export interface StoreProblem {
  file: string
  problem: string
  /** Where the damaged file now is; null when the store is read-only and it was left in place. */
  movedTo: string | null
}

export interface RevisionInfo {
  id: string
  savedAt: string
}

export interface Suggestions {
  tags: string[]
  authors: string[]
  sources: string[]
  categories: string[]
}

export interface Stats {
  total: number
  byStatus: Record<string, number>
  byCategory: Record<string, number>
  byTag: Record<string, number>
}

export type ExportFormat = 'html' | 'md' | 'ninjs'

export interface ExportResult {
  written: Array<{ id: string; file: string }>
  skipped: Array<{ id: string; reason: string }>
  failed: Array<{ id: string; error: string }>
  /** Images from the web left out of the HTML files (the export's default; see ExportChoices). */
  remoteImagesOmitted: number
}

/** Choices of one export. */
export interface ExportChoices {
  /** HTML: images from the web are left out (default), or kept (they load when the page is opened). */
  remoteImages?: 'omit' | 'keep'
}

/** What one pass of the drafts-folder sync did (file paths relative to the folder, as on disk). */
export interface SyncReport {
  created: Array<{ file: string; id: string }>
  updated: Array<{ file: string; id: string }>
  unchanged: Array<{ file: string; id: string }>
  conflicts: Array<{ file: string; id: string; conflictId: string }>
  missing: Array<{ file: string; id: string }>
  skipped: Array<{ file: string; reason: string }>
  errors: Array<{ file: string; error: string }>
}

export interface SyncStatus {
  folder: string | null
  running: boolean
  lastRunAt: string | null
  last: SyncReport | null
  /** A problem with the folder itself (missing, unreadable). */
  error: string | null
}

export interface ExportSelection {
  ids?: string[]
  query?: ListQuery
}

export interface AppInfo {
  version: string
  storeDir: string
  /** The system locale, for choosing the UI language. */
  locale: string
}

export interface NewsdeskApi {
  appInfo(): Promise<AppInfo>
  list(query: ListQuery): Promise<ListResult>
  get(id: string): Promise<Article>
  create(patch: ArticlePatch): Promise<Article>
  save(id: string, patch: ArticlePatch): Promise<Article>
  delete(id: string): Promise<void>
  restore(id: string): Promise<void>
  emptyTrash(): Promise<number>
  revisions(id: string): Promise<RevisionInfo[]>
  restoreRevision(id: string, revisionId: string): Promise<Article>
  stats(): Promise<Stats>
  suggestions(): Promise<Suggestions>
  settings(): Promise<Settings>
  updateSettings(patch: RendererSettingsPatch): Promise<Settings>
  problems(): Promise<StoreProblem[]>
  /** Export one article: a save dialog suggests a file name; null when cancelled. */
  exportArticle(id: string, format: ExportFormat, choices?: ExportChoices): Promise<ExportResult | null>
  /** Export several articles (these ids, or every article matching a query) into a chosen folder; null when cancelled. */
  exportBatch(selection: ExportSelection, format: ExportFormat, choices?: ExportChoices): Promise<ExportResult | null>
  /** The drafts-folder sync: where it stands. */
  syncStatus(): Promise<SyncStatus>
  /** Run a sync pass now; null when no drafts folder is set. */
  syncNow(): Promise<SyncReport | null>
  /** Pick the drafts folder with a folder dialog (null answer: keep the current one). */
  chooseDraftsFolder(): Promise<SyncStatus>
  /** Stop following the drafts folder. */
  stopSync(): Promise<SyncStatus>
  /** Settle a sync conflict copy: keep the app's version, the file's, or both. */
  resolveConflict(conflictId: string, keep: 'app' | 'file' | 'both'): Promise<Article>
  /** Answer to a 'quit' command: whether every edit is saved (if not, main asks before quitting). */
  quitReady(saved: boolean): Promise<void>
}

export type ApiMethod = keyof NewsdeskApi

/** Every channel, in one list: the preload exposes exactly these. */
export const API_METHODS = [
  'appInfo',
  'list',
  'get',
  'create',
  'save',
  'delete',
  'restore',
  'emptyTrash',
  'revisions',
  'restoreRevision',
  'stats',
  'suggestions',
  'settings',
  'updateSettings',
  'problems',
  'exportArticle',
  'exportBatch',
  'syncStatus',
  'syncNow',
  'chooseDraftsFolder',
  'stopSync',
  'resolveConflict',
  'quitReady'
] as const satisfies readonly ApiMethod[]

/** Messages main sends to the renderer. */
export interface ApiEvents {
  /** A menu command or shortcut handled by the app. */
  command: 'new-article' | 'save' | 'export' | 'find' | 'sync-now' | 'quit'
  /** A damaged file was found and moved aside. */
  problem: StoreProblem
  /** The drafts-folder sync changed state (started, finished a pass, failed). */
  'sync-status': SyncStatus
  /** A batch export is under way. */
  'export-progress': { done: number; total: number }
}
export type ApiEvent = keyof ApiEvents
export const API_EVENTS = ['command', 'problem', 'export-progress', 'sync-status'] as const satisfies readonly ApiEvent[]

export const channelOf = (method: ApiMethod) => `newsdesk:${method}`
export const eventChannelOf = (event: ApiEvent) => `newsdesk-event:${event}`

/** What every handler returns over IPC: errors travel as data, never as a crash. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError }
export interface ApiError {
  code: 'invalid-input' | 'not-found' | 'forbidden' | 'locked' | 'failed'
  message: string
}

/** `window.api` as the renderer sees it. */
export interface WindowApi extends NewsdeskApi {
  on<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void): () => void
}

/** Unwrap an envelope, turning an error into a thrown Error carrying its code. */
export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value
  throw Object.assign(new Error(envelope.error.message), { code: envelope.error.code })
}

/**
 * The one typed bridge between the renderer and the main process: the data it carries, and BRIDGE, the
 * table of its methods (input schema + answer) from which everything else is derived.
 */
import * as z from 'zod'
import { STATUSES, StrictArticlePatchSchema, type Article, type ArticleMeta } from './article'
import type { CommandId } from './commands'
import { RendererSettingsPatchSchema, type Settings } from './settings'

/** The list's filters, sort and page (derived from its schema below). */
export type ListQuery = z.input<typeof ListQuerySchema>

export interface ListResult {
  total: number
  items: ArticleMeta[]
  /** With `locate`: where that article is in the whole filtered list, -1 when the filters leave it out. */
  located?: number
}

export interface StoreProblem {
  file: string
  problem: string
  /** Where the damaged file now is; null when the store is read-only and it was left in place. */
  movedTo: string | null
}

/**
 * Why an earlier version was kept: the work that replaced it. `edit` (typing, at most one a minute), `restore`
 * (an earlier version brought back), `sync` (the draft file changed), `conflict` (the file's version kept),
 * `merge` (changes taken from another version), `take-back` (one change taken back), `replace` (a replace across
 * articles), `cli` (newsdesk set).
 */
export const REVISION_REASONS = ['edit', 'restore', 'sync', 'conflict', 'merge', 'take-back', 'replace', 'cli'] as const
export type RevisionReason = (typeof REVISION_REASONS)[number]
/** A revision's id: when it was saved, a counter for the same millisecond, and its reason unless `edit`. */
export const REVISION_ID = /^\d{8}T\d{9}Z(-\d+)?(\.(restore|sync|conflict|merge|take-back|replace|cli))?$/

export interface RevisionInfo {
  id: string
  savedAt: string
  reason: RevisionReason
  /** Words of that version. */
  words: number
  /** The first words of what differs from the version after it ('' when only metadata changed). */
  changed: string
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

/** Every export format, in the order the app and the CLI offer them. */
export const EXPORT_FORMATS = ['html', 'md', 'ninjs', 'docx', 'pdf'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** What a replace across the list changed (or would change): per article how many, and a few in context. */
export interface StoreReplaceResult {
  changed: Array<{ id: string; title: string; count: number; samples: Array<{ before: string; after: string }> }>
  total: number
  errors: Array<{ id: string; error: string }>
}

/** An article's last export in one format. */
export interface ExportedInfo {
  format: ExportFormat
  at: string
  /** Whether the article has changed since (its text or metadata). */
  changed: boolean
}

export interface ExportResult {
  written: Array<{ id: string; file: string }>
  skipped: Array<{ id: string; reason: string }>
  failed: Array<{ id: string; error: string }>
  /** Images from the web left out of the HTML files (the export's default; the choice is exportArticle's and exportBatch's last argument). */
  remoteImagesOmitted: number
  /** The batch was stopped (stopExport): the articles after those written, skipped or failed were left alone. */
  stopped?: boolean
}


/** What one pass of the drafts-folder sync did (file paths relative to the folder, as on disk). */
/** A photo kept in the store, with what its own metadata says. */
export interface AddedPhoto {
  /** Where it came from (the file's name). */
  file: string
  /** Its media reference (`media:<sha256>.<ext>`), to put in the article. */
  media: string
  width: number
  height: number
  caption?: string
  credit?: string
  date?: string
}
export interface PhotosAdded {
  added: AddedPhoto[]
  errors: Array<{ file: string; error: string }>
}

export interface SyncReport {
  /** `remarks`: what the importer says of the file (where its title came from, a flattened table, notes kept). */
  created: Array<{ file: string; id: string; remarks?: string[] }>
  updated: Array<{ file: string; id: string; remarks?: string[] }>
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
  /** Conflict copies still waiting to be settled (not in the trash), whatever pass found them. */
  openConflicts: Array<{ conflictId: string; id: string; file: string }>
}


export interface AppInfo {
  version: string
  storeDir: string
  /** The system locale, for choosing the UI language. */
  locale: string
}

/**
 * A bridge method: the zod schema of its arguments (main validates every call with it) and what it
 * answers. `answers<T>()` carries only the answer's type.
 */
interface Method<I extends z.ZodTuple, O> {
  input: I
  /** What the method does, for the reader of this table. */
  doc: string
  /** The answer's type (never set: a type carrier). */
  answer?: O
}
const answers =
  <O>() =>
  <I extends z.ZodTuple>(input: I, doc: string): Method<I, O> => ({ input, doc })

const id = z.uuid({ message: 'id must be an article id (uuid)' })
const revisionId = z.string().regex(REVISION_ID, 'revision id is malformed')
const none = z.tuple([])

export const ListQuerySchema = z
  .object({
    query: z.string().max(1000).optional(),
    category: z.string().max(200).optional(),
    tag: z.string().max(200).optional(),
    status: z.enum(STATUSES).optional(),
    sort: z.enum(['updated', 'date', 'title']).optional(),
    trash: z.boolean().optional(),
    offset: z.number().int().min(0).optional(),
    limit: z.number().int().min(0).max(100_000).optional(),
    /** An article to find in the filtered list (the one open in the editor). */
    locate: id.optional()
  })
  .strict()
const ExportFormatSchema = z.enum(EXPORT_FORMATS)
const FindOptionsSchema = z
  .object({ find: z.string().min(1).max(1000), regex: z.boolean().optional(), matchCase: z.boolean().optional(), wholeWord: z.boolean().optional(), accentInsensitive: z.boolean().optional() })
  .strict()
const ExportChoicesSchema = z
  .object({ remoteImages: z.enum(['omit', 'keep']).optional(), embedPhotos: z.boolean().optional(), updateNote: z.string().max(2000).optional() })
  .strict()
  .optional()
/** A pasted or dropped photo: its name and its bytes in base64 (at most 500 MB, the largest limit the settings allow). */
const PhotoNameSchema = z.string().min(1).max(255)
const PhotoBytesSchema = z.string().max(Math.ceil((500 * 2 ** 20) / 3) * 4)
const ExportSelectionSchema = z.object({ ids: z.array(id).max(100_000).optional(), query: ListQuerySchema.optional() }).strict()

/**
 * The bridge, declared once: each method with its input schema and its answer. The preload and the browser
 * harness build `window.api` from its names (shared/window-api.ts), main validates with its schemas and
 * registers its handlers, and the types below are derived from it.
 */
export const BRIDGE = {
  appInfo: answers<AppInfo>()(none, 'Version, store folder and system locale'),
  list: answers<ListResult>()(z.tuple([ListQuerySchema]), 'A page of the article list, filtered and sorted'),
  get: answers<Article>()(z.tuple([id]), 'One article, whole'),
  create: answers<Article>()(z.tuple([StrictArticlePatchSchema]), 'A new article'),
  save: answers<Article>()(
    z.tuple([id, StrictArticlePatchSchema, z.iso.datetime().optional()]),
    'Save changed fields; with the updatedAt of the version they were made on, a version saved meanwhile by someone else is first kept as a conflict copy'
  ),
  delete: answers<void>()(z.tuple([id]), 'Move to the trash'),
  discardIfEmpty: answers<boolean>()(z.tuple([id]), 'Discard for good an article left completely empty; whether it was'),
  restore: answers<void>()(z.tuple([id]), 'Back from the trash'),
  emptyTrash: answers<number>()(none, 'Delete the trash for good; how many'),
  revisions: answers<RevisionInfo[]>()(z.tuple([id]), 'Earlier versions of an article'),
  restoreRevision: answers<Article>()(z.tuple([id, revisionId]), 'Bring an earlier version back'),
  revision: answers<Article>()(z.tuple([id, revisionId]), 'An earlier version, whole (to compare it or preview it before restoring)'),
  takeBack: answers<Article>()(z.tuple([id, StrictArticlePatchSchema]), 'Save a version with some changes taken back (built by the compare view); the current text stays as a revision'),
  stats: answers<Stats>()(none, 'Counts by status, category and tag'),
  suggestions: answers<Suggestions>()(none, 'Values in use, for the metadata form'),
  settings: answers<Settings>()(none, 'The store\'s settings'),
  // the drafts folder is chosen only through main's folder dialog: a renderer cannot point the sync anywhere
  updateSettings: answers<Settings>()(z.tuple([RendererSettingsPatchSchema]), 'Change settings (not the drafts folder)'),
  problems: answers<StoreProblem[]>()(none, 'Damaged files found so far'),
  exportArticle: answers<ExportResult | null>()(z.tuple([id, ExportFormatSchema, ExportChoicesSchema]), 'Export one article: a save dialog suggests a file name; null when cancelled'),
  exported: answers<ExportedInfo[]>()(z.tuple([id]), 'When the article was last exported in each format, newest first, and whether it changed since'),
  exportedVersion: answers<Article>()(z.tuple([id, ExportFormatSchema.optional()]), 'The article as last exported (in that format, else the newest export)'),
  exportBatch: answers<ExportResult | null>()(z.tuple([ExportSelectionSchema, ExportFormatSchema, ExportChoicesSchema]), 'Export these ids, or every article matching a query, into a chosen folder; null when cancelled'),
  stopExport: answers<boolean>()(none, 'Stop the batch export under way once the files in hand are written (they stay, listed in its index.html); whether one was under way'),
  printArticle: answers<boolean>()(z.tuple([id]), 'Print the article as its exported page looks on paper (the system print dialog); whether it was printed'),
  replaceInList: answers<StoreReplaceResult>()(
    z.tuple([ListQuerySchema, FindOptionsSchema, z.string().max(10_000), z.boolean()]),
    'Replace in every article of the list (true: only say what would change); one revision per changed article'
  ),
  copyForCms: answers<{ characters: number; photos: number }>()(z.tuple([id]), 'Put the article on the clipboard for a web CMS: clean HTML and plain text (the settings say whether with title, sapo and credits)'),
  choosePhotos: answers<PhotosAdded>()(none, 'Pick photos with a file dialog and keep them in the store (checked by their bytes); what was added and what was refused'),
  addPhoto: answers<PhotosAdded>()(z.tuple([PhotoNameSchema, PhotoBytesSchema]), 'Keep a pasted or dropped photo in the store (base64 bytes)'),
  cleanMedia: answers<{ removed: string[]; bytes: number }>()(z.tuple([z.boolean()]), 'Remove photos no article, trashed article or revision uses (true: only say which)'),
  syncStatus: answers<SyncStatus>()(none, 'Where the drafts-folder sync stands'),
  syncNow: answers<SyncReport | null>()(none, 'Run a sync pass now; null when no drafts folder is set'),
  chooseDraftsFolder: answers<SyncStatus>()(none, 'Pick the drafts folder with a folder dialog (cancel keeps the current one)'),
  stopSync: answers<SyncStatus>()(none, 'Stop following the drafts folder'),
  revealDraft: answers<boolean>()(z.tuple([id]), 'Show the draft file an article follows in the system\'s file manager; false when it follows none'),
  resolveConflict: answers<Article>()(
    z.tuple([id, z.enum(['app', 'file', 'both', 'merge']), StrictArticlePatchSchema.optional()]),
    'Settle a sync conflict copy: keep the app\'s version, the file\'s, both, or (merge) the version given, built change by change'
  ),
  quitReady: answers<void>()(z.tuple([z.boolean()]), 'Answer to a quit command: whether every edit is saved')
}

type Bridge = typeof BRIDGE
export type ApiMethod = keyof Bridge
/** The bridge as a typed API: arguments from each method's schema, the answer from its declaration. */
export type NewsdeskApi = { [M in ApiMethod]: (...args: z.input<Bridge[M]['input']>) => Promise<AnswerOf<Bridge[M]>> }
type AnswerOf<T> = T extends Method<z.ZodTuple, infer O> ? O : never

/** Every method, in one list (the keys of BRIDGE). */
export const API_METHODS = Object.keys(BRIDGE) as ApiMethod[]

/** Messages main sends to the renderer. */
export interface ApiEvents {
  /** A command of the table chosen in the native menu, or 'quit' (main asks the renderer to save first). */
  command: CommandId | 'quit'
  /** A damaged file was found and moved aside. */
  problem: StoreProblem
  /** The drafts-folder sync changed state (started, finished a pass, failed). */
  'sync-status': SyncStatus
  /** A batch export is under way. */
  'export-progress': { done: number; total: number }
  /** Search is indexing many articles (its file was lost): a search waits until `done` reaches `total`. */
  'search-progress': SearchProgress
}

/** How far search is while it indexes many articles at once. */
export interface SearchProgress {
  done: number
  total: number
}
export type ApiEvent = keyof ApiEvents
export const API_EVENTS = ['command', 'problem', 'export-progress', 'sync-status', 'search-progress'] as const satisfies readonly ApiEvent[]

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

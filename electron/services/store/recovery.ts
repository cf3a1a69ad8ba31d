/**
 * Opening a store and putting right what a crash or damage left: the index file read (a damaged one moved
 * aside, an older version re-read from the files), the ids whose metadata must be re-read (the journal, and
 * any difference between the index and the files on disk), and the background pass that reads every live
 * article once to verify it and fill the full-text index.
 */
import { Low } from 'lowdb'
import type { Article, ArticleMeta } from '../../../shared/article'
import { defaultSettings, SettingsPatchSchema, type Settings } from '../../../shared/settings'
import { CorruptFileError } from '../errors'
import type { ArticleFiles, FileRead } from './article-files'
import { INDEX_VERSION, indexFileProblem, indexFromFile, indexToFile } from './index-file'
import { DurableJsonFile, type JsonForm } from './json-file-adapter'

export interface IndexData {
  /** The version the file was read in (version 1 lacks the origins: its entries are read again), then INDEX_VERSION. */
  version: number
  /** A null-prototype map: an id such as `__proto__` is just a missing key. */
  articles: Record<string, ArticleMeta>
  settings: Settings
}

/** index.json is written by field (see index-file.ts). */
const byField: JsonForm<IndexData> = { fromJson: (v) => indexFromFile(v) as IndexData, toJson: indexToFile }

export function nullProto<T>(record: Record<string, T> = {}): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, record)
}

const emptyIndex = (): IndexData => ({ version: INDEX_VERSION, articles: nullProto(), settings: defaultSettings() })

/**
 * Read index.json (lowdb over a durable adapter). A damaged one is reported (`report` moves it aside) and
 * the index starts empty; `rebuild` then says every entry must be read again from the article files,
 * `outdated` that the file is in an older version (to be written again).
 */
export async function openIndex(indexFile: string, report: (file: string, problem: string) => Promise<void>): Promise<{ db: Low<IndexData>; rebuild: boolean; outdated: boolean }> {
  const db = new Low<IndexData>(
    new DurableJsonFile<IndexData>(indexFile, indexFileProblem, byField),
    emptyIndex()
  )
  let rebuild = false
  try {
    await db.read()
  } catch (err) {
    if (!(err instanceof CorruptFileError)) throw err
    await report(indexFile, err.problem)
    db.data = emptyIndex()
    rebuild = true
  }
  // a version-1 index lacks the origins the store now keeps: every entry is re-read from its file
  if (db.data.version < 2) rebuild = true
  const outdated = db.data.version !== INDEX_VERSION
  db.data.version = INDEX_VERSION
  // entries written before the index left the sapo out (the list never shows it; it was 40% of the file)
  for (const meta of Object.values(db.data.articles)) if ('sapo' in meta) delete (meta as { sapo?: unknown }).sapo
  const settings = SettingsPatchSchema.safeParse(db.data.settings)
  db.data.settings = { ...defaultSettings(), ...(settings.success ? settings.data : {}) }
  return { db, rebuild, outdated }
}

/**
 * Which ids must be read again, and where each one's file is now (the folders' listing: in `live`, in
 * `trashed`, or in neither, and its entry goes). Journaled ids, files the index does not know (or knows in the other folder), entries
 * whose file is gone — and everything when rebuilding.
 */
export function staleEntries(metas: Record<string, ArticleMeta>, { live, trashed }: Awaited<ReturnType<ArticleFiles['scan']>>, journaled: string[], rebuild: boolean) {
  const dirty = new Set(journaled)
  for (const id of live) if (rebuild || !metas[id] || metas[id].deletedAt) dirty.add(id)
  for (const id of trashed) if (rebuild || !metas[id]?.deletedAt) dirty.add(id)
  for (const id of Object.keys(metas)) if (!live.has(id) && !trashed.has(id)) dirty.add(id)
  const brandNew = !rebuild && Object.keys(metas).length === 0 && live.size === 0 && trashed.size === 0
  return { dirty, brandNew, where: (id: string): boolean | null => (live.has(id) ? false : trashed.has(id) ? true : null) }
}

/**
 * Read every live article once, at low priority (a short pause between small batches, so saves, list calls
 * and searches go first): a damaged file goes through `accept` (reported, moved aside) and its entry is
 * dropped unless it was saved meanwhile. True when any was dropped. Files are read synchronously in small
 * batches, which keeps memory low where thousands of thread-pool reads would fragment the heap.
 */
export async function verifyAll(
  metas: () => Record<string, ArticleMeta>,
  files: ArticleFiles,
  accept: (file: string, read: FileRead) => Promise<Article | null>,
  stopping: () => boolean
): Promise<boolean> {
  const ids = Object.keys(metas()).filter((id) => !metas()[id].deletedAt)
  let damaged = false
  const BATCH = 16
  let busy = 0
  for (let i = 0; i < ids.length && !stopping(); i += BATCH) {
    // rest four times as long as the last batch worked: a fifth of a core, the rest for saves, lists and the UI
    await new Promise((resolve) => setTimeout(resolve, Math.max(2, 4 * busy)))
    const started = performance.now()
    for (const id of ids.slice(i, i + BATCH)) {
      const meta = metas()[id]
      if (!meta || meta.deletedAt) continue
      const read = files.readSync(id)
      if (!read || 'article' in read) continue // fine, or moved or deleted meanwhile (whoever did it keeps the index right)
      await accept(files.fileOf(id), read)
      const current = metas()[id]
      if (current && current.updatedAt === meta.updatedAt) {
        delete metas()[id]
        damaged = true
      }
    }
    busy = performance.now() - started
  }
  return damaged
}

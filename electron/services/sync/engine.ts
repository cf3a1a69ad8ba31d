/**
 * One pass of the drafts-folder sync. Rules per file (see SyncState for what is remembered):
 * new file → new draft; file changed and article not → article updated (a revision keeps the old one);
 * article changed and file not → nothing; both changed → the file's version becomes a conflict draft;
 * file gone → article marked "source missing"; same content under a new name → the link follows.
 * A sync never overwrites article text it has not seen.
 */
import { promises as fs } from 'node:fs'
import { setImmediate as nextTurn } from 'node:timers/promises'
import path from 'node:path'
import type { Article, ArticleMeta, ArticlePatch } from '../../../shared/article'
import type { SyncReport } from '../../../shared/contract'
import { mapAtOnce } from '../at-once'
import { type ArticleStore } from '../store/article-store'
import { importFile, readDraft } from '../import'
import { draftPhotos } from '../media/draft-photos'
import { conflictOriginal, isIgnoredName, isSyncedPath, MAX_FOLDER_DEPTH } from './ignore'
import { bytesHash, contentHash, hasText, pathKey, type FileState, type SyncState } from './sync-state'
import { NotFoundError } from '../errors'

export interface SyncOptions {
  /** A file modified less than this long ago is checked for stability before it is read. */
  settleMs?: number
  /** How long to wait for a file that is still being written before skipping it this time. */
  maxWaitMs?: number
}

interface Entry {
  key: string
  /** The path shown and remembered (a name that is not valid UTF-8 shows U+FFFD where its bad bytes are). */
  rel: string
  /** The path as bytes, so that a name that is not valid UTF-8 can still be read. */
  abs: Buffer
  size: number
  mtimeMs: number
}

function emptyReport(): SyncReport {
  return { created: [], updated: [], unchanged: [], conflicts: [], missing: [], skipped: [], errors: [] }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

const nameDecoder = new TextDecoder('utf-8', { fatal: false })
const SEP = Buffer.from(path.sep)

/**
 * Every file the sync takes, read as bytes so that any name works. Symbolic links are never followed
 * (a Dirent describes the link itself), and folders deeper than MAX_FOLDER_DEPTH are not entered.
 */
async function scan(root: string, report: SyncReport): Promise<Entry[]> {
  const out: Entry[] = []
  const walk = async (dir: Buffer, rel: string, depth: number): Promise<void> => {
    let entries
    try {
      entries = await fs.readdir(dir, { withFileTypes: true, encoding: 'buffer' })
    } catch (err) {
      if (depth === 0) throw err
      report.errors.push({ file: rel, error: (err as Error).message })
      return
    }
    const files: Array<{ abs: Buffer; rel: string }> = []
    for (const e of entries) {
      const name = nameDecoder.decode(e.name as unknown as Buffer)
      if (isIgnoredName(name)) continue
      const abs = Buffer.concat([dir, SEP, e.name as unknown as Buffer])
      const childRel = rel ? `${rel}/${name}` : name
      if (e.isDirectory()) {
        if (depth < MAX_FOLDER_DEPTH) await walk(abs, childRel, depth + 1)
        else report.skipped.push({ file: childRel, reason: `the folder is nested more than ${MAX_FOLDER_DEPTH} levels deep` })
      } else if (e.isFile() && isSyncedPath(childRel)) files.push({ abs, rel: childRel })
    }
    // the files' sizes and times, sixteen asked at once (each mostly waits for the disk)
    const stats = await mapAtOnce(files, 16, (f) => fs.stat(f.abs).catch((err: Error) => err))
    stats.forEach((st, j) => {
      const { abs, rel: childRel } = files[j]
      if (st instanceof Error) report.errors.push({ file: childRel, error: st.message })
      else out.push({ key: pathKey(childRel), rel: childRel, abs, size: st.size, mtimeMs: st.mtimeMs })
    })
  }
  await walk(Buffer.from(root), '', 0)
  return out
}

/** Wait until a recently modified file stops changing; false if it is still being written. */
async function settled(entry: Entry, settleMs: number, maxWaitMs: number): Promise<boolean> {
  if (Date.now() - entry.mtimeMs > settleMs) return true
  const deadline = Date.now() + maxWaitMs
  let last = `${entry.size}:${entry.mtimeMs}`
  while (Date.now() < deadline) {
    await sleep(Math.min(250, settleMs))
    const st = await fs.stat(entry.abs)
    const now = `${st.size}:${st.mtimeMs}`
    entry.size = st.size
    entry.mtimeMs = st.mtimeMs
    if (now === last && Date.now() - st.mtimeMs >= Math.min(250, settleMs)) return true
    last = now
  }
  return false
}

export async function syncFolder(store: ArticleStore, state: SyncState, folder: string, options: SyncOptions = {}): Promise<SyncReport> {
  const settleMs = options.settleMs ?? 1000
  const maxWaitMs = options.maxWaitMs ?? 5000
  const report = emptyReport()
  const root = path.resolve(folder)
  // what is remembered of this folder (each folder has its own record: following another one loses nothing)
  const files = state.filesOf(root)
  const entries = await scan(root, report)

  const stable: Entry[] = []
  for (const entry of entries) {
    if (await settled(entry, settleMs, maxWaitMs)) stable.push(entry)
    else report.skipped.push({ file: entry.rel, reason: 'the file is still being written' })
  }
  const present = new Set(entries.map((e) => e.key))
  const known = stable.filter((e) => files[e.key])
  const fresh = stable.filter((e) => !files[e.key])
  const gone = new Set(Object.keys(files).filter((k) => !present.has(k)))

  /** A draft's bytes (refused unread past the importer's limit) and their hash. */
  const readHashed = (entry: Entry) => {
    const bytes = readDraft(entry.abs, entry.size)
    return { bytes, hash: bytesHash(bytes) }
  }
  const remember = (entry: Entry, hash: string, articleId: string, articleHash: string) => {
    files[entry.key] = { file: entry.rel, size: entry.size, mtimeMs: entry.mtimeMs, hash, articleId, articleHash, missing: false }
  }
  const origin = (entry: Entry, hash: string) => ({ origin: { file: entry.rel, missing: false, hash } })

  /** Save sync.json; when it cannot be written, say so once (a later pass finds each article by its origin). */
  const saveState = async () => {
    try {
      await state.save()
    } catch (err) {
      const error = `the sync's record (sync.json) could not be saved: ${(err as Error).message}`
      if (!report.errors.some((e) => e.error === error)) report.errors.push({ file: 'sync.json', error })
    }
  }

  /** What the importer said of each file (where its title came from, what it changed), for the report. */
  const remarksOf = new Map<string, string[]>()
  /** The article a file is an export of (a Markdown export of this store, put in the folder). */
  const exportOf = new Map<string, string>()
  const noted = (rel: string) => (remarksOf.get(rel)?.length ? { remarks: remarksOf.get(rel) } : {})

  /** The file's article fields, or null with the reason reported. */
  const importOrReport = async (entry: Entry, bytes: Uint8Array) => {
    // images beside the draft (inside the drafts folder only) and inside it become photos of the store
    const imported = await importFile(entry.rel, bytes, draftPhotos(store, root, path.join(root, entry.rel)))
    if (imported.ok) {
      remarksOf.set(entry.rel, imported.remarks)
      if (imported.exportOf) exportOf.set(entry.rel, imported.exportOf)
      return imported.fields
    }
    report.errors.push({ file: entry.rel, error: imported.error })
    return null
  }

  const handleKnown = async (entry: Entry, s: FileState) => {
    if (entry.size === s.size && entry.mtimeMs === s.mtimeMs && !s.missing) {
      report.unchanged.push({ file: entry.rel, id: s.articleId })
      return
    }
    const { bytes, hash } = readHashed(entry)
    let article: Article
    try {
      article = await store.get(s.articleId)
    } catch (err) {
      if (!(err instanceof NotFoundError)) throw err
      // the article was deleted for good: the file starts a new one
      delete files[entry.key]
      fresh.push(entry)
      return
    }
    if (hash === s.hash) {
      if (s.missing || article.origin?.file !== entry.rel) await store.save(article.id, {}, { extra: origin(entry, hash) })
      remember(entry, hash, article.id, s.articleHash)
      report.unchanged.push({ file: entry.rel, id: article.id })
      return
    }
    const imported = await importOrReport(entry, bytes)
    if (!imported) return
    // the article takes the file's text only if nobody has edited it since the last sync, checked at the
    // moment of writing — or if it holds that text already (a pass that stopped before its state was saved)
    const { status: _status, ...fields } = imported
    const unseen = (current: Article) => contentHash(current) === s.articleHash || hasText(current, fields)
    const saved = await store.saveIf(article.id, unseen, fields, { reason: 'sync', extra: origin(entry, hash) })
    if (saved) {
      remember(entry, hash, article.id, contentHash(saved))
      report.updated.push({ file: entry.rel, id: article.id, ...noted(entry.rel) })
    } else {
      // both sides changed: the journalist's text stands, the file's version is kept beside it
      const copy = await store.create({ ...imported, status: 'draft' }, { conflictOf: article.id })
      remember(entry, hash, article.id, s.articleHash)
      await saveState()
      report.conflicts.push({ file: entry.rel, id: article.id, conflictId: copy.id })
    }
  }

  /**
   * An article already made from this file (a pass that stopped before its state was saved, or a lost
   * sync.json), or that the file is an export of (a Markdown export put in the folder, to edit on a phone):
   * the same bytes, or the same text, link to it; other text becomes a conflict copy of it.
   */
  let origins: Map<string, ArticleMeta[]> | undefined
  /** `same`: the file holds the article's text (or could not be read: `failed`); else `fields`, its text. */
  type Made = { article: Article; same: boolean; failed?: boolean; fields?: ArticlePatch }
  const madeFrom = async (entry: Entry, hash: string, patch: () => Promise<ArticlePatch | null>): Promise<Made | null> => {
    origins ??= store.byOrigin(pathKey)
    const candidates = (origins.get(entry.key) ?? []).filter((m) => !m.conflictOf)
    if (candidates.length === 0) return exportedFrom(entry, patch)
    const exact = candidates.find((m) => m.originHash === hash)
    const article = await store.get((exact ?? candidates[0]).id)
    if (exact) return { article, same: true as const }
    const fields = await patch()
    if (!fields) return { article, same: true as const, failed: true }
    const { status: _status, ...text } = fields
    return { article, same: hasText(article, text), fields }
  }

  /** The article of this store a new file is an export of (not in the trash, not a conflict copy), with the file's text. */
  const exportedFrom = async (entry: Entry, patch: () => Promise<ArticlePatch | null>): Promise<Made | null> => {
    const fields = await patch()
    const id = exportOf.get(entry.rel)
    const meta = id ? store.meta(id) : undefined
    if (!fields || !meta || meta.deletedAt || meta.conflictOf) return null
    const article = await store.get(meta.id)
    const { status: _status, ...text } = fields
    return { article, same: hasText(article, text), fields }
  }

  for (const entry of known) {
    try {
      await handleKnown(entry, files[entry.key])
    } catch (err) {
      report.errors.push({ file: entry.rel, error: (err as Error).message })
    }
  }

  // new files are imported in batches (one journal write and folder fsync per batch); a batch is written
  // while the next one is read and imported
  /** `linkTo`: the file follows that article (its copy here is a conflict copy), not the new one. */
  type Pending = { entry: Entry; hash: string; patch: ArticlePatch; conflictOf?: string; linkTo?: Article }
  let batch: Pending[] = []
  const write = async (items: Pending[]) => {
    let results: Array<Article | Error>
    try {
      results = await store.createMany(
        items.map((p) => ({
          patch: { ...p.patch, status: 'draft' },
          extra: { ...(p.linkTo ? {} : origin(p.entry, p.hash)), ...(p.conflictOf ? { conflictOf: p.conflictOf } : {}) }
        }))
      )
    } catch (err) {
      results = items.map(() => err as Error)
    }
    for (const [i, p] of items.entries()) {
      const article = results[i]
      if (article instanceof Error) {
        report.errors.push({ file: p.entry.rel, error: article.message })
        continue
      }
      // (an export put in the folder, edited before the first pass: its article now follows the file)
      if (p.linkTo && !p.linkTo.origin) await store.save(p.linkTo.id, {}, { extra: origin(p.entry, p.hash) }).catch(() => {})
      if (p.linkTo) remember(p.entry, p.hash, p.linkTo.id, contentHash(p.linkTo))
      else remember(p.entry, p.hash, article.id, contentHash(article))
      if (p.conflictOf) report.conflicts.push({ file: p.entry.rel, id: p.conflictOf, conflictId: article.id })
      else report.created.push({ file: p.entry.rel, id: article.id, ...noted(p.entry.rel) })
    }
    // what this batch made is linked to its files durably before the next batch is written: a crash now
    // duplicates nothing
    await saveState()
  }
  let writing: Promise<void> = Promise.resolve()
  /** Start writing the batch, once the one before is written and linked. */
  const flush = async () => {
    const items = batch
    batch = []
    await writing
    if (!items.length) return
    // (write reports what fails; anything else it throws is this batch's error)
    writing = write(items).catch((err: Error) => {
      for (const p of items) report.errors.push({ file: p.entry.rel, error: err.message })
    })
  }
  const BATCH = 100

  // sync tools' conflict copies go last, once the file they copy is linked
  const copies = fresh.filter((e) => conflictOriginal(e.rel))
  const ordinary = fresh.filter((e) => !conflictOriginal(e.rel))
  const queue = [...ordinary, ...copies]
  for (const [i, entry] of queue.entries()) {
    // a copy is linked to the original's article: every original written first
    if (i === ordinary.length) await flush().then(() => writing)
    // the app's calls are answered in between (reading and importing do not wait on anything)
    else if (i % 16 === 0) await nextTurn()
    try {
      const { bytes, hash } = readHashed(entry)
      const renamed = [...gone].find((k) => files[k].hash === hash)
      if (renamed) {
        const s = files[renamed]
        gone.delete(renamed)
        delete files[renamed]
        remember(entry, hash, s.articleId, s.articleHash)
        await store.save(s.articleId, {}, { extra: origin(entry, hash) }).catch(() => {})
        report.unchanged.push({ file: entry.rel, id: s.articleId })
        continue
      }
      let imported: ArticlePatch | null | undefined
      const importOnce = async () => (imported === undefined ? (imported = await importOrReport(entry, bytes)) : imported)
      const made = conflictOriginal(entry.rel) ? null : await madeFrom(entry, hash, importOnce)
      if (made?.same) {
        if (!made.failed) {
          // (an export put in the folder: its article now follows the file, and says so)
          if (!made.article.origin) await store.save(made.article.id, {}, { extra: origin(entry, hash) })
          remember(entry, hash, made.article.id, contentHash(made.article))
          report.unchanged.push({ file: entry.rel, id: made.article.id })
        }
        continue
      }
      if (made) {
        batch.push({ entry, hash, patch: made.fields!, conflictOf: made.article.id, linkTo: made.article })
        if (batch.length >= BATCH) await flush()
        continue
      }
      const patch = await importOnce()
      if (!patch) continue
      const originalRel = conflictOriginal(entry.rel)
      const linked = originalRel ? files[pathKey(originalRel)] : undefined
      batch.push({ entry, hash, patch, conflictOf: linked?.articleId })
      if (batch.length >= BATCH) await flush()
    } catch (err) {
      report.errors.push({ file: entry.rel, error: (err as Error).message })
    }
  }
  await flush().then(() => writing)

  for (const key of gone) {
    const s = files[key]
    try {
      if (!s.missing) {
        const article = await store.get(s.articleId)
        await store.save(article.id, {}, { extra: { origin: { file: s.file, missing: true } } })
        files[key] = { ...s, missing: true }
      }
      report.missing.push({ file: s.file, id: s.articleId })
    } catch (err) {
      if (err instanceof NotFoundError) delete files[key]
      else report.errors.push({ file: s.file, error: (err as Error).message })
    }
  }
  await saveState()
  return report
}

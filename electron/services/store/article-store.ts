/**
 * The article store: a folder with `index.json` (lowdb: list metadata and settings), `articles/<id>.json`
 * (one file per article), `trash/`, `revisions/<id>/`, a `journal` of ids changed since the last index
 * snapshot, and a lock file. A save writes the article file and one journal line, so it costs about the
 * size of the article; the index is snapshotted in the background and on close.
 *
 * Why this module is longer than the others (~450 lines): every change of an article — create, save,
 * conditional save, trash, restore, empty the trash, restore a revision — goes through the same
 * per-article queue, journal entry, revision and index update, and keeping those paths side by side is
 * what keeps the crash guarantees readable. What can stand alone does: opening and recovery
 * (recovery.ts), list/stats/suggestions (article-index.ts), file reads (article-files.ts), the journal,
 * revisions, search index and lock.
 */
import { randomUUID } from 'node:crypto'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { Low } from 'lowdb'
import sample from '../../../resources/sample-article.json'
import {
  StrictArticlePatchSchema,
  ArticleSchema,
  defaultFields,
  describeZodError,
  editableFields,
  isArticleId,
  type Article,
  type ArticleMeta,
  type ArticlePatch
} from '../../../shared/article'
import type { ExportedInfo, ExportFormat, ListQuery, ListResult, RevisionInfo, RevisionReason, SearchProgress, Stats, StoreProblem, Suggestions } from '../../../shared/contract'
import { SettingsPatchSchema, type Settings, type SettingsPatch } from '../../../shared/settings'
import { foldedWords, wordCount } from '../../../shared/text'
import { jsonText } from '../../../shared/doc'
import { ArticleFiles, type FileRead } from './article-files'
import { firstDifference, sameContent, searchText, toMeta } from './article-record'
import { fsyncDir, jsonProblem, moveAside, writeFileAtomic, writeFileDurable } from './durable-file'
import { mapAtOnce } from '../at-once'
import { NotFoundError, ReadOnlyStoreError, ValidationError } from '../errors'
import { ArticleIndex } from './article-index'
import { IndexJournal } from './index-journal'
import { openIndex, staleEntries, verifyAll, type IndexData } from './recovery'
import { Revisions } from './revisions'
import { ExportSnapshots } from './export-snapshots'
import { SearchIndex } from './search-index'
import { acquireLock, type StoreLock } from './store-lock'
import { MediaStore, type AddPhotoResult } from '../media/media-store'
import { resourceUrl } from '../resources'
import { photoRefsOf } from '../../../shared/media'

/** Articles the next open may re-read to bring search.bin up to date; past that it is rebuilt. */
const MAX_SEARCH_CATCH_UP = 2000
/** Search tells its progress when it has at least this many articles to index, every so many. */
const SEARCH_PROGRESS_FROM = 500
const SEARCH_PROGRESS_EVERY = 250
/** Changed articles after which close() rewrites search.bin. */
const SEARCH_SAVE_AFTER = 200

/** Write errors after which a store can still be read: read-only media, a full disk, no permission. */
const READ_ONLY_CODES = new Set(['EROFS', 'ENOSPC', 'EDQUOT', 'EACCES', 'EPERM'])

export type { ListQuery, ListResult, StoreProblem }

export interface SaveOptions {
  /** What this save is, for the revision of the version it replaces: any reason but `edit` keeps one even within the coalescing window. */
  reason?: RevisionReason
  /** Sync bookkeeping to set along with the fields. */
  extra?: Pick<Article, 'origin' | 'conflictOf'>
}

export interface OpenOptions {
  /** Create the sample article in a brand-new store (default true). */
  sample?: boolean
  /** Clock, for tests. */
  now?: () => Date
  /**
   * Start the background work — the verification pass over every file and the search index — at open
   * (`eager`, the app's default), or when first needed (`lazy`, the CLI: a command that answers in a blink
   * has no use for a pass it would not finish; search readies at the first search, the pass when
   * `indexed` is asked for).
   */
  background?: 'eager' | 'lazy'
  /**
   * Open without the lock and without writing anything (read-only media, a full disk): every write is
   * refused, damaged files are reported but left where they are.
   */
  readOnly?: boolean
}

export class ArticleStore {
  readonly problems: StoreProblem[] = []
  private readonly problemListeners = new Set<(p: StoreProblem) => void>()
  private readonly searchProgressListeners = new Set<(p: SearchProgress) => void>()
  private db!: Low<IndexData>
  private readonly search = new SearchIndex()
  private readonly chains = new Map<string, Promise<unknown>>()
  /**
   * For each article written by this process, the updatedAt since which its text has not changed (saves
   * of sync bookkeeping alone, a file's new name, keep it): edits made on any version since then have seen
   * all of it (see saveEdits).
   */
  private readonly textSince = new Map<string, string>()
  private readonly journal: IndexJournal
  private readonly index = new ArticleIndex(() => this.db.data.articles)
  private closed = false
  /** Set by close(): the background verification pass stops early. */
  private stopping = false
  /** The verification pass, once started. */
  private verified: Promise<void> | null = null
  /** Full-text search covering every article, once asked for (see ensureSearch). */
  private searchReady: Promise<void> | null = null

  private readonly revisions: Revisions
  private readonly exports: ExportSnapshots
  private readonly files: ArticleFiles

  private constructor(
    readonly dir: string,
    private readonly lock: StoreLock | null,
    private readonly now: () => Date,
    private readonly eager: boolean
  ) {
    this.revisions = new Revisions(path.join(dir, 'revisions'))
    this.exports = new ExportSnapshots(path.join(dir, 'exports'))
    this.files = new ArticleFiles(dir)
    this.journal = new IndexJournal(path.join(dir, 'journal'), () => this.db.write())
  }

  static async open(dir: string, options: OpenOptions = {}): Promise<ArticleStore> {
    dir = path.resolve(dir)
    if (options.readOnly) {
      const store = new ArticleStore(dir, null, options.now ?? (() => new Date()), options.background !== 'lazy')
      await store.load(false)
      return store
    }
    await fs.mkdir(dir, { recursive: true })
    const lock = await acquireLock(path.join(dir, 'store.lock'), dir)
    const store = new ArticleStore(dir, lock, options.now ?? (() => new Date()), options.background !== 'lazy')
    try {
      await store.load(options.sample ?? true)
    } catch (err) {
      await lock.release().catch(() => {})
      throw err
    }
    return store
  }

  /**
   * Open to read: as usual, or, when the store cannot be written (read-only media, full disk), read-only.
   * `onReadOnly` is told why.
   */
  static async openForReading(dir: string, onReadOnly: (reason: string) => void, options: OpenOptions = {}): Promise<ArticleStore> {
    try {
      return await ArticleStore.open(dir, options)
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      if (!code || !READ_ONLY_CODES.has(code)) throw err
      onReadOnly(`the store ${path.resolve(dir)} cannot be written (${code}): opened read-only`)
      return ArticleStore.open(dir, { ...options, readOnly: true })
    }
  }

  /**
   * One article read straight from its file, without opening the store (no lock, no index): for a quick
   * `newsdesk show`. Null when there is no such file or it is damaged (the caller then opens the store,
   * which moves a damaged file aside and reports it).
   */
  static async peek(dir: string, id: string): Promise<Article | null> {
    if (!isArticleId(id)) return null
    const files = new ArticleFiles(path.resolve(dir))
    for (const trashed of [false, true]) {
      const read = await files.read(id, trashed)
      if (read) return 'article' in read ? read.article : null
    }
    return null
  }

  get readOnly(): boolean {
    return this.lock === null
  }

  // ---------- opening ----------
  private async load(withSample: boolean): Promise<void> {
    if (!this.readOnly) await this.files.createFolders()
    // the folders are listed (and the journal read) while index.json is parsed; temp files are removed
    // only with the lock held (nobody else is writing)
    const listed = Promise.all([this.files.scan(!this.readOnly), this.journal.read()])
    listed.catch(() => {}) // awaited below, unless opening the index failed first
    const { db, rebuild, outdated } = await openIndex(path.join(this.dir, 'index.json'), (file, problem) => this.report(file, problem))
    this.db = db
    const [folders, journaled] = await listed
    const { dirty, brandNew, where } = staleEntries(db.data.articles, folders, journaled, rebuild)
    for (const id of dirty) await this.refreshMeta(id, where(id))
    if ((dirty.size > 0 || rebuild || outdated) && !this.readOnly) await this.snapshot()
    if (brandNew && withSample) {
      // the sample's photo first: its figure and featured image name it
      await this.media.add(await fs.readFile(resourceUrl('sample-photo.jpg')), 'sample-photo.jpg')
      await this.create(sample as ArticlePatch)
    }
    if (this.eager) void this.indexed
  }

  /**
   * Resolves when every article file has been read and verified (a background pass at low priority,
   * started at open in the app, at the first ask otherwise) and search is ready: both passes may find damage.
   * Temp files an export stopped midway left among the export snapshots are removed on the way.
   */
  get indexed(): Promise<void> {
    this.verified ??= Promise.all([
      verifyAll(() => this.db.data.articles, this.files, (file, read) => this.accept(file, read), () => this.stopping).then(async (damaged) => {
        if (!damaged) return
        this.index.invalidate()
        await this.snapshot()
      }),
      this.ensureSearch(),
      this.readOnly ? undefined : this.exports.sweep()
    ]).then(() => {})
    return this.verified
  }

  private get searchFile(): string {
    return path.join(this.dir, 'search.bin')
  }

  /**
   * Full-text search, ready: from search.bin brought up to date from the index's metadata (only articles
   * saved since it was written are read again); without a usable file, or with too much to catch up, every
   * live article is read and indexed, and the file written. Started at open in the app, at the first
   * search in the CLI.
   */
  ensureSearch(): Promise<void> {
    this.searchReady ??= (async () => {
      const live = new Map<string, string>()
      for (const m of Object.values(this.db.data.articles)) if (!m.deletedAt) live.set(m.id, m.updatedAt)
      const loaded = await this.search.load(this.searchFile)
      const missing = this.search.reconcile(live)
      const rebuild = !loaded || missing.length > MAX_SEARCH_CATCH_UP
      // a long catch-up (a lost search.bin) says how far it is, for the list to show while a search waits
      const told = missing.length >= SEARCH_PROGRESS_FROM
      const tell = (done: number) => told && this.searchProgressListeners.forEach((l) => l({ done, total: missing.length }))
      for (let i = 0; i < missing.length && !this.stopping; i++) {
        // let saves and list calls in between while a whole store is indexed
        if (i % 16 === 0) await nextTurn()
        if (i % SEARCH_PROGRESS_EVERY === 0) tell(i)
        const id = missing[i]
        const meta = this.db.data.articles[id]
        if (!meta || meta.deletedAt) continue
        const article = await this.readArticleFile(id, false)
        if (!article) {
          // damaged (now moved aside and reported) or gone: the index drops it, as get() does
          if (this.db.data.articles[id]?.updatedAt === meta.updatedAt) this.forget(id)
          continue
        }
        if (!this.search.has(id)) this.search.set(id, searchText(article), article.updatedAt)
      }
      if (rebuild && !this.readOnly && !this.stopping) await this.search.save(this.searchFile)
      tell(missing.length)
    })()
    return this.searchReady
  }

  /** Re-read one article file into the index (or drop it when missing or damaged). */
  private async refreshMeta(id: string, trashed: boolean | null): Promise<void> {
    if (trashed === null) {
      delete this.db.data.articles[id]
      return
    }
    const article = await this.readArticleFile(id, trashed)
    if (!article) {
      delete this.db.data.articles[id]
      return
    }
    const deletedAt = trashed ? this.db.data.articles[id]?.deletedAt ?? (await fs.stat(this.files.fileOf(id, true))).mtime.toISOString() : undefined
    this.db.data.articles[id] = toMeta(article, deletedAt)
  }

  /** Read and validate an article file; a damaged one is moved aside and reported (returns null). */
  private async readArticleFile(id: string, trashed: boolean): Promise<Article | null> {
    return this.accept(this.files.fileOf(id, trashed), await this.files.read(id, trashed))
  }

  private async accept(file: string, read: FileRead): Promise<Article | null> {
    if (read && 'problem' in read) await this.report(file, read.problem)
    return read && 'article' in read ? read.article : null
  }

  /** A damaged file is moved aside and reported (in a read-only store, only reported). */
  private async report(file: string, problem: string): Promise<void> {
    if (this.readOnly) {
      if (!this.problems.some((p) => p.file === file)) this.addProblem({ file, problem, movedTo: null })
      return
    }
    let movedTo: string
    try {
      movedTo = await moveAside(file)
    } catch (err) {
      // another reader (the background pass, a search catching up) found it first and moved it
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return
      throw err
    }
    this.addProblem({ file, problem, movedTo })
  }

  /** Record a damaged file that was moved aside (by the store or a service working in its folder). */
  addProblem(p: StoreProblem): void {
    this.problems.push(p)
    for (const l of this.problemListeners) l(p)
  }

  /** Told how far search is while it indexes many articles at once (every few hundred, and when done). */
  onSearchProgress(listener: (p: SearchProgress) => void): () => void {
    this.searchProgressListeners.add(listener)
    return () => this.searchProgressListeners.delete(listener)
  }

  onProblem(listener: (p: StoreProblem) => void): () => void {
    this.problemListeners.add(listener)
    return () => this.problemListeners.delete(listener)
  }

  // ---------- reading ----------
  /** Refuse what is not an article id before it reaches a path or a map. */
  private checkId(id: string): void {
    if (!isArticleId(id)) throw new NotFoundError(`No article "${String(id).slice(0, 80)}": an article id is a uuid such as 3f2c…-…`)
  }

  async get(id: string): Promise<Article> {
    this.checkId(id)
    const meta = this.db.data.articles[id]
    if (!meta) throw new NotFoundError(`No article ${id}`)
    const article = await this.readArticleFile(id, !!meta.deletedAt)
    if (!article) {
      this.forget(id)
      throw new NotFoundError(`Article ${id} was damaged and has been moved aside; see the store's problems`)
    }
    return article
  }

  meta(id: string): ArticleMeta | undefined {
    return isArticleId(id) ? this.db.data.articles[id] : undefined
  }

  get settings(): Settings {
    return this.db.data.settings
  }

  async list(q: ListQuery = {}): Promise<ListResult> {
    let hits: Set<string> | null = null
    if (q.query && foldedWords(q.query).length > 0) {
      await this.ensureSearch()
      hits = this.search.search(q.query)
    }
    return this.index.list(q, hits)
  }

  /** Sync conflict copies not yet settled (not in the trash), with the file each came from. */
  openConflicts(): Array<{ conflictId: string; id: string; file: string }> {
    const open: Array<{ conflictId: string; id: string; file: string }> = []
    const articles = this.db.data.articles
    // the file: the one the original follows (a copy does not follow it)
    for (const m of Object.values(articles)) if (m.conflictOf && !m.deletedAt) open.push({ conflictId: m.id, id: m.conflictOf, file: articles[m.conflictOf]?.originFile ?? m.originFile ?? '' })
    return open
  }

  stats(): Stats {
    return this.index.stats()
  }

  suggestions(): Suggestions {
    return this.index.suggestions(this.settings)
  }

  /** Articles made from or following a drafts-folder file (see ArticleIndex.byOrigin). */
  byOrigin(key: (file: string) => string): Map<string, ArticleMeta[]> {
    return this.index.byOrigin(key)
  }

  /** Earlier versions, newest first, each with its word count and the first words of what changed after it. */
  async revisionsOf(id: string): Promise<RevisionInfo[]> {
    this.checkId(id)
    const kept = await this.revisions.list(id)
    const textOf = (json: string) => {
      const parsed = jsonProblem(json)
      const body = 'value' in parsed ? (parsed.value as { title?: unknown; sapo?: unknown; body?: unknown }) : {}
      return [String(body.title ?? ''), String(body.sapo ?? ''), ...jsonText(body.body).split('\n')].filter((l) => l.trim())
    }
    let newer = textOf(await fs.readFile(this.files.fileOf(id, !!this.db.data.articles[id]?.deletedAt), 'utf8').catch(() => '{}'))
    const out: RevisionInfo[] = []
    for (const r of kept) {
      const lines = textOf(await this.revisions.read(id, r.id).catch(() => '{}'))
      out.push({ ...r, words: wordCount(lines.join('\n')), changed: firstDifference(lines, newer) })
      newer = lines
    }
    return out
  }

  // ---------- writing ----------
  /** Run `task` after every earlier write to the same article. */
  private serial<T>(id: string, task: () => Promise<T>): Promise<T> {
    const prev = this.chains.get(id) ?? Promise.resolve()
    const next = prev.then(task, task)
    const settled = next.catch(() => {})
    this.chains.set(id, settled)
    void settled.then(() => {
      if (this.chains.get(id) === settled) this.chains.delete(id)
    })
    return next
  }

  private parsePatch(patch: unknown) {
    const r = StrictArticlePatchSchema.safeParse(patch)
    if (!r.success) throw new ValidationError(describeZodError(r.error))
    return r.data
  }

  async create(patch: ArticlePatch = {}, extra: Pick<Article, 'origin' | 'conflictOf'> = {}): Promise<Article> {
    const fields = this.parsePatch(patch)
    const stamp = this.now().toISOString()
    const article: Article = {
      ...defaultFields(),
      source: this.settings.defaultSource,
      ...fields,
      ...extra,
      id: randomUUID(),
      createdAt: stamp,
      updatedAt: stamp
    }
    return this.serial(article.id, () => this.write(article, null))
  }

  /**
   * Create many articles at once (an import of a whole folder): one journal write and one folder fsync for
   * the batch, files written a few at a time. Each entry is the new article, or the error that stopped it.
   */
  async createMany(items: ReadonlyArray<{ patch: ArticlePatch; extra?: Pick<Article, 'origin' | 'conflictOf'> }>): Promise<Array<Article | Error>> {
    this.assertOpen()
    const stamp = this.now().toISOString()
    const built = items.map(({ patch, extra }): Article | Error => {
      try {
        return { ...defaultFields(), source: this.settings.defaultSource, ...this.parsePatch(patch), ...extra, id: randomUUID(), createdAt: stamp, updatedAt: stamp }
      } catch (err) {
        return err as Error
      }
    })
    const articles = built.filter((a): a is Article => !(a instanceof Error))
    const ids = articles.map((a) => a.id)
    await this.begin(...ids)
    const results = new Map<string, Article | Error>()
    try {
      // eight writes in flight (each mostly waits on the disk)
      await mapAtOnce(articles, 8, async (a) => {
        try {
          await writeFileAtomic(this.files.fileOf(a.id), JSON.stringify(a), { sync: true, syncDir: false })
          results.set(a.id, a)
        } catch (err) {
          results.set(a.id, err as Error)
        }
      })
      await fsyncDir(this.files.articlesDir)
      for (const a of articles) {
        if (results.get(a.id) !== a) continue
        this.indexSaved(a)
      }
    } finally {
      this.end(...ids)
    }
    return built.map((a) => (a instanceof Error ? a : results.get(a.id)!))
  }

  /** Save changed fields; a save that changes nothing writes nothing. */
  async save(id: string, patch: ArticlePatch, options: SaveOptions = {}): Promise<Article> {
    return (await this.saveIf(id, () => true, patch, options))!
  }

  /**
   * Save only if `check` holds for the article as it is at the moment of writing (no other save can come
   * between the check and the write); null when it does not.
   */
  async saveIf(id: string, check: (current: Article) => boolean, patch: ArticlePatch, options: SaveOptions = {}): Promise<Article | null> {
    this.checkId(id)
    const fields = this.parsePatch(patch)
    return this.serial(id, async () => {
      const current = await this.get(id)
      if (!check(current)) return null
      const next: Article = { ...current, ...fields, ...options.extra }
      if (sameContent(current, next)) return current
      // (a save of bookkeeping alone, no field, keeps the text as it was)
      return this.write(next, current, options.reason, Object.keys(fields).length === 0)
    })
  }

  /**
   * Save a journalist's edits, made on the version saved at `base` (its updatedAt). When another save came
   * between — the drafts-folder sync took a colleague's new text while the edits waited to be saved — that
   * version is first kept beside the article as a conflict copy, as the sync keeps a file's version it
   * cannot take: edits never overwrite text the journalist has not seen. Returns the copy's id, if one was made.
   */
  async saveEdits(id: string, patch: ArticlePatch, base: string): Promise<{ article: Article; conflictId?: string }> {
    this.checkId(id)
    const fields = this.parsePatch(patch)
    return this.serial(id, async () => {
      const current = await this.get(id)
      const next: Article = { ...current, ...fields }
      if (sameContent(current, next)) return { article: current }
      // the text changed after the version the edits were made on (a conflict copy itself is not followed
      // by the sync: nothing else writes it)
      const since = this.textSince.get(id)
      const unseen = current.updatedAt !== base && !(since !== undefined && base >= since) && !current.conflictOf
      const copy = unseen ? await this.create({ ...editableFields(current), status: 'draft' }, { conflictOf: id }) : null
      return { article: await this.write(next, current), conflictId: copy?.id }
    })
  }

  private nextStamp(previous?: string): string {
    let t = this.now().getTime()
    if (previous) t = Math.max(t, Date.parse(previous) + 1)
    return new Date(t).toISOString()
  }

  private async write(article: Article, previous: Article | null, reason: RevisionReason = 'edit', sameText = false): Promise<Article> {
    this.assertOpen()
    if (previous) article = { ...article, updatedAt: this.nextStamp(previous.updatedAt) }
    const file = this.files.fileOf(article.id, !!this.db.data.articles[article.id]?.deletedAt)
    await this.begin(article.id)
    try {
      if (previous) await this.revisions.keep(article.id, file, previous.updatedAt, this.now().getTime(), reason)
      await writeFileDurable(file, JSON.stringify(article))
      this.indexSaved(article, this.db.data.articles[article.id]?.deletedAt)
      if (!previous || !sameText) this.textSince.set(article.id, article.updatedAt)
      else if (!this.textSince.has(article.id)) this.textSince.set(article.id, previous.updatedAt)
    } finally {
      this.end(article.id)
    }
    return article
  }

  async delete(id: string): Promise<void> {
    this.checkId(id)
    await this.serial(id, () => this.move(id, true))
  }

  async restore(id: string): Promise<void> {
    this.checkId(id)
    await this.serial(id, () => this.move(id, false))
  }

  private async move(id: string, toTrash: boolean): Promise<void> {
    this.assertOpen()
    const meta = this.db.data.articles[id]
    if (!meta) throw new NotFoundError(`No article ${id}`)
    if (!!meta.deletedAt === toTrash) return
    await this.begin(id)
    try {
      await fs.rename(this.files.fileOf(id, !toTrash), this.files.fileOf(id, toTrash))
      await Promise.all([fsyncDir(this.files.articlesDir), fsyncDir(this.files.trashDir)])
      if (toTrash) {
        meta.deletedAt = this.now().toISOString()
        this.search.remove(id)
      } else {
        delete meta.deletedAt
        const article = await this.get(id)
        this.search.set(id, searchText(article), article.updatedAt)
      }
    } finally {
      this.end(id)
    }
  }

  /** Delete every article in the trash for good; returns how many. */
  async emptyTrash(): Promise<number> {
    this.assertOpen()
    const ids = Object.values(this.db.data.articles).filter((m) => m.deletedAt).map((m) => m.id)
    for (const id of ids) await this.serial(id, () => this.purge(id, true))
    await fsyncDir(this.files.trashDir)
    await this.exports.flush()
    return ids.length
  }

  /** Remove an article's file, revisions, exports and index entry for good (the caller fsyncs the folder and flushes the exports' log). */
  private async purge(id: string, trashed: boolean): Promise<void> {
    await this.begin(id)
    try {
      await fs.rm(this.files.fileOf(id, trashed), { force: true })
      await this.revisions.removeAll(id)
      await this.exports.removeAll(id)
      delete this.db.data.articles[id]
    } finally {
      this.end(id)
    }
  }

  /**
   * An article left completely empty (no title, sapo, text, photo, tag, note or related headline, and not
   * following a draft file) is discarded for good — there is nothing in it to lose; any other is kept.
   * Says whether it was discarded.
   */
  async discardIfEmpty(id: string): Promise<boolean> {
    this.assertOpen()
    this.checkId(id)
    return this.serial(id, async () => {
      const meta = this.db.data.articles[id]
      if (!meta || meta.deletedAt) return false
      const a = await this.readArticleFile(id, false)
      const empty = !!a && !a.title.trim() && !a.sapo.trim() && !jsonText(a.body).trim() && !photoRefsOf(a).length && !a.tags.length && !a.notes.trim() && !a.related.length && !a.origin && !a.conflictOf
      if (!empty) return false
      await this.purge(id, false)
      await fsyncDir(this.files.articlesDir)
      await this.exports.flush()
      return true
    })
  }

  /** An earlier version of an article. */
  async readRevision(id: string, revisionId: string): Promise<Article> {
    this.checkId(id)
    const text = await this.revisions.read(id, revisionId).catch(() => {
      throw new NotFoundError(`No revision ${revisionId} of article ${id}`)
    })
    return keptVersion(text, `Revision ${revisionId} of article ${id}`)
  }

  async restoreRevision(id: string, revisionId: string): Promise<Article> {
    return this.save(id, editableFields(await this.readRevision(id, revisionId)), { reason: 'restore' })
  }

  async updateSettings(patch: SettingsPatch): Promise<Settings> {
    this.assertOpen()
    const r = SettingsPatchSchema.strict().safeParse(patch)
    if (!r.success) throw new ValidationError(describeZodError(r.error))
    this.db.data.settings = { ...this.db.data.settings, ...r.data }
    await this.snapshot()
    return this.db.data.settings
  }

  // ---------- photos ----------
  /** The store's photos (media/), with the size limit of the settings. */
  get media(): MediaStore {
    return new MediaStore(path.join(this.dir, 'media'), this.db.data.settings.maxPhotoMB * 2 ** 20)
  }

  /** Keep a photo in the store (checked by its bytes); `name` is the file it came from, for messages. */
  addPhoto(bytes: Uint8Array, name: string): Promise<AddPhotoResult> {
    this.assertOpen()
    return this.media.add(bytes, name)
  }

  /** Remove the photos no article, trashed article or revision uses (asked for, never automatic). */
  cleanMedia(dryRun = false): Promise<{ removed: string[]; bytes: number }> {
    this.assertOpen()
    return this.media.clean([this.files.articlesDir, this.files.trashDir, path.join(this.dir, 'revisions'), path.join(this.dir, 'exports')], { dryRun, now: this.now().getTime() })
  }

  // ---------- exports ----------
  /** Remember these articles, as they were exported, as last exported in `format` (nothing on a read-only store). */
  async recordExport(articles: readonly Article[], format: ExportFormat): Promise<void> {
    if (this.readOnly) return
    // the article's own file when it is still the version exported (checked in its queue: no save between)
    const link = (article: Article, target: string) =>
      this.serial(article.id, async () => {
        const meta = this.db.data.articles[article.id]
        if (meta?.updatedAt !== article.updatedAt) return false
        await fs.link(this.files.fileOf(article.id, !!meta.deletedAt), target)
        return true
      })
    await this.exports.record(articles, format, this.now().toISOString(), link)
  }

  /** When an article was last exported in each format, newest first, and whether it has changed since. */
  async exportedOf(id: string): Promise<ExportedInfo[]> {
    this.checkId(id)
    const current = this.db.data.articles[id]?.updatedAt
    const out: ExportedInfo[] = []
    for (const { format, at, updatedAt } of await this.exports.of(id)) {
      // the very version exported: unchanged, nothing to read (the status bar asks after every save)
      if (updatedAt === current) {
        out.push({ format, at, changed: false })
        continue
      }
      const [snapshot, article] = await Promise.all([this.exportedVersion(id, format).catch(() => null), this.get(id)])
      if (snapshot) out.push({ format, at, changed: JSON.stringify(editableFields(snapshot)) !== JSON.stringify(editableFields(article)) })
    }
    return out
  }

  /** The article as last exported in `format` (the newest format when none is given). */
  async exportedVersion(id: string, format?: ExportFormat): Promise<Article> {
    this.checkId(id)
    const chosen = format ?? (await this.exports.of(id))[0]?.format
    const text = chosen ? await this.exports.read(id, chosen).catch(() => null) : null
    if (text === null) throw new NotFoundError(`Article ${id} has not been exported${format ? ` as ${format}` : ''}`)
    return keptVersion(text, `The exported copy of article ${id} (${chosen})`)
  }

  // ---------- index bookkeeping ----------
  /** An article whose file is damaged (moved aside and reported) or gone leaves the index and search. */
  private forget(id: string): void {
    delete this.db.data.articles[id]
    this.search.remove(id)
    this.index.invalidate()
  }

  /** A saved article into the index and, unless it is in the trash, into search (its body's text made once for both). */
  private indexSaved(article: Article, deletedAt?: string): void {
    const bodyText = jsonText(article.body)
    this.db.data.articles[article.id] = toMeta(article, deletedAt, bodyText)
    if (!deletedAt) this.search.set(article.id, searchText(article, bodyText), article.updatedAt)
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The store is closed')
    if (this.readOnly) throw new ReadOnlyStoreError(`The store ${this.dir} is open read-only: nothing can be changed`)
  }

  /** Journal ids durably before their files change, so that a crash leaves them marked for re-reading. */
  private begin(...ids: string[]): Promise<void> {
    return this.journal.begin(...ids)
  }

  private end(...ids: string[]): void {
    this.index.invalidate()
    this.journal.end(...ids)
  }

  /** Write index.json now (it is also written in the background a few seconds after changes, and on close). */
  snapshot(): Promise<void> {
    return this.journal.snapshot()
  }

  /** Finish pending writes, snapshot the index and release the lock. */
  async close(): Promise<void> {
    if (this.closed) return
    this.stopping = true
    await Promise.all([...this.chains.values()])
    await this.verified?.catch(() => {})
    await this.searchReady?.catch(() => {})
    // the search file follows when enough has changed since it was written (else the next open catches up)
    if (this.lock && this.search.pending > SEARCH_SAVE_AFTER) await this.search.save(this.searchFile).catch(() => {})
    this.closed = true
    if (!this.lock) return
    await this.journal.close()
    await this.lock.release()
  }
}

/** A kept version (a revision, an export's snapshot) read back; `what` names it in the error when it is damaged. */
function keptVersion(text: string, what: string): Article {
  const parsed = jsonProblem(text)
  const r = 'value' in parsed ? ArticleSchema.safeParse(parsed.value) : null
  if (!r?.success) throw new ValidationError(`${what} is damaged`)
  return r.data
}

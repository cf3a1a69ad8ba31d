/**
 * Export articles to files: HTML (the same renderer as the preview), Markdown with front matter, or ninjs.
 * Files are written atomically; one failing article does not stop the batch; existing files are never
 * overwritten silently (the caller decides: overwrite, keep both, or skip).
 */
import { promises as fs } from 'node:fs'
import { setImmediate as nextTurn } from 'node:timers/promises'
import os from 'node:os'
import path from 'node:path'
import type { Article } from '../../../shared/article'
import type { ExportFormat, ExportResult } from '../../../shared/contract'
import { standalonePage } from '../../../shared/render-html'
import { exportStylesheet } from '../resources'
import { EXTENSIONS, isBinaryFormat, omittedImages, renderFile, renderText, textRenderer, type RenderChoices } from './render-as'
import { fsyncDir, writeFileAtomic } from '../store/durable-file'
import { startExportWorkers } from './export-workers'
import { writeJob, type WriteJob } from './write-job'
import type { MediaStore } from '../media/media-store'
import { placePhotos } from './photos'
import { photoRefsOf } from '../../../shared/media'
import { articleFileName, inside, nameKey, safeFileName } from './file-names'

export type { ExportFormat, ExportResult }
export { EXTENSIONS, isBinaryFormat, omittedImages, renderFile, renderText, type RenderChoices }
export type ExistingChoice = 'overwrite' | 'keep-both' | 'skip'

export interface ExportOptions extends RenderChoices {
  dir: string
  format: ExportFormat
  /** What to do when a file of that name already exists in the folder. */
  onExisting: (file: string) => ExistingChoice | Promise<ExistingChoice>
  onProgress?: (done: number, total: number) => void
  /** Write index.html listing the exported articles (default: when more than one). */
  index?: boolean
  /** Export workers for a large batch (default: see defaultWorkers); 0: the exporter's thread writes. */
  workers?: number
  /** The store's photos: copied into `media/` beside the files (or embedded, with `embedPhotos`). */
  media?: MediaStore
  /** Photos inside each file as data URLs (self-contained files), not in a folder. */
  embedPhotos?: boolean
  /** Stops the batch: the files in hand are written, the rest left alone (the result says `stopped`). */
  signal?: AbortSignal
  /** Told the articles written, as they were written (the store remembers them as last exported). */
  onExported?: (articles: Article[]) => Promise<void>
}

/**
 * Pick the final name for `name`, asking what to do if a file of that name was in the folder when the
 * export began (`existing`, name keys); null means skip.
 */
async function resolveExisting(name: string, ext: string, taken: Set<string>, existing: Set<string>, options: ExportOptions): Promise<string | null> {
  if (!existing.has(nameKey(name))) return name
  const choice = await options.onExisting(name)
  if (choice === 'skip') return null
  if (choice === 'overwrite') return name
  return safeFileName(name.slice(0, -(ext.length + 1)), ext, new Set([...taken, ...existing]))
}

/** Files sent to a worker at once, and batches in flight: the disk's work overlaps the reading and rendering. */
const BATCH = 16
const BATCHES_IN_FLIGHT = 4
/** From this many articles on, workers write (below, starting one costs more than it saves). */
const WORKERS_FROM = 64

/**
 * Export workers: one per core beside the exporter's thread, at least one. With one (two cores), the
 * exporter's thread renders and the worker writes: 1,000 articles on a slow disk, 1.24 → 0.98 s; rendering
 * in a worker measured no faster there (copying the article to it costs what it saves). With more, the
 * workers render too.
 */
function defaultWorkers(): number {
  return Math.max(1, os.availableParallelism() - 1)
}
/** The folder of a batch's photos, beside its files. */
export const BATCH_PHOTOS = 'media'

export async function exportArticles(ids: readonly string[], load: (id: string) => Promise<Article>, options: ExportOptions): Promise<ExportResult> {
  const result: ExportResult = { written: [], skipped: [], failed: [], remoteImagesOmitted: 0 }
  const ext = EXTENSIONS[options.format]
  await fs.mkdir(options.dir, { recursive: true })
  const existing = new Set((await fs.readdir(options.dir)).map(nameKey))
  const taken = new Set<string>([nameKey('index.html')])
  const listed: Array<{ article: Article; file: string; order: number }> = []
  let done = 0
  let photosCopied = false
  const finished = () => options.onProgress?.(++done, ids.length)
  const fail = (id: string, err: unknown) => result.failed.push({ id, error: err instanceof Error ? err.message : String(err) })
  const format = options.format
  const binary = isBinaryFormat(format)
  // Word and PDF carry their photos inside: their bytes come from the store
  const photoBytes = (ref: string) => options.media?.read(ref).catch(() => null) ?? Promise.resolve(null)
  const workerCount = options.workers ?? defaultWorkers()
  const workers = workerCount > 0 && ids.length >= WORKERS_FROM ? startExportWorkers(workerCount) : null
  const renderInWorkers = !!workers && workers.size > 1 && !binary
  // a text format's renderer, its libraries loaded once (Word and PDF render through renderFile)
  const render = binary ? undefined : await textRenderer(format)

  /** Files rendered (or to render) not yet sent to be written, and the batches being written. */
  let batch: Array<{ id: string; job: WriteJob; written: () => void }> = []
  const writing = new Set<Promise<void>>()
  const flush = async () => {
    const jobs = batch
    batch = []
    if (!jobs.length) return
    const settle = (errors: Array<string | undefined>) =>
      jobs.forEach(({ id, written }, i) => {
        if (errors[i] === undefined) written()
        else fail(id, errors[i])
        finished()
      })
    // written here with blocking calls (a few KB each, cheaper than the thread pool's round trips)
    const writeHere = () => settle(jobs.map(({ job }) => writeJob(job, render)))
    // with no worker, or while the workers are still starting and have their hands full (a slow machine,
    // TypeScript through tsx in development), this thread writes rather than waits
    if (!workers || (!workers.started && writing.size >= BATCHES_IN_FLIGHT)) writeHere()
    else {
      // a worker that stopped or could not start leaves its batch to this thread (writes are atomic: again is safe)
      const write: Promise<void> = workers
        .write(jobs.map(({ job }) => job))
        .then(settle, writeHere)
        .finally(() => writing.delete(write))
      writing.add(write)
      if (writing.size >= BATCHES_IN_FLIGHT) await Promise.race(writing)
    }
    // the event loop runs between batches: the workers' answers, a Stop (the app's, Ctrl+C), the app's other calls
    await nextTurn()
  }

  // the progress shows (with its Stop) from the start, before the first files are written
  options.onProgress?.(0, ids.length)
  try {
    for (let order = 0; order < ids.length; order++) {
      if (options.signal?.aborted) {
        result.stopped = true
        break
      }
      const id = ids[order]
      try {
        // (the store reads an article file with blocking calls: reading ahead gained nothing)
        const article = await load(id)
        const name = await resolveExisting(articleFileName(article, ext, taken), ext, taken, existing, options)
        if (name === null) {
          result.skipped.push({ id, reason: 'a file of that name exists' })
          finished()
          continue
        }
        taken.add(nameKey(name))
        result.remoteImagesOmitted += omittedImages(article, options.format, options)
        const file = inside(options.dir, name)
        const photos = !binary && options.media && photoRefsOf(article).length ? await placePhotos(article, options.media, options.embedPhotos ? { embed: true } : { dir: options.dir, folder: BATCH_PHOTOS }) : undefined
        if (photos && 'folder' in photos) photosCopied = true
        const choices = { remoteImages: options.remoteImages, photos, updateNote: options.updateNote }
        const job: WriteJob = binary
          ? { file, data: await renderFile(article, format, choices, photoBytes) }
          : renderInWorkers
            ? { file, article, format, choices }
            : { file, data: render!(article, choices) }
        batch.push({ id, job, written: () => void listed.push({ article, file: name, order }) })
        if (batch.length >= BATCH) await flush()
      } catch (err) {
        fail(id, err)
        finished()
      }
    }
    await flush()
    await Promise.all(writing)
  } finally {
    await workers?.close()
  }
  listed.sort((a, b) => a.order - b.order)
  result.written = listed.map(({ article, file }) => ({ id: article.id, file }))
  if ((options.index ?? ids.length > 1) && listed.length > 0) {
    const name = await resolveExisting('index.html', 'html', taken, existing, options)
    if (name) await writeFileAtomic(inside(options.dir, name), renderIndexHtml(listed), { sync: false })
  }
  await fsyncDir(options.dir)
  if (photosCopied) await fsyncDir(path.join(options.dir, BATCH_PHOTOS))
  await options.onExported?.(listed.map((l) => l.article))
  return result
}

/** index.html of a batch: each title linked, with date, category and sapo. */
export function renderIndexHtml(entries: Array<{ article: Article; file: string }>): string {
  const { document, el, html } = standalonePage('vi', 'Danh sách bài viết')
  document.head.append(el('style', {}, exportStylesheet()))
  const main = el('article')
  main.append(el('h1', {}, 'Danh sách bài viết'))
  const list = el('ol', { class: 'index' })
  for (const { article, file } of entries) {
    const li = el('li')
    const h = el('h2')
    h.append(el('a', { href: encodeURI(file) }, article.title || file))
    li.append(h)
    const meta = el('p', { class: 'byline' })
    if (article.date) meta.append(el('span', {}, article.date))
    if (article.category) meta.append(el('span', {}, article.category))
    if (meta.childNodes.length) li.append(meta)
    if (article.sapo) li.append(el('p', {}, article.sapo))
    list.append(li)
  }
  main.append(list)
  document.body.append(main)
  return html()
}


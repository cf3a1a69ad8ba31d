/**
 * Export articles to files: HTML (the same renderer as the preview), Markdown with front matter, or ninjs.
 * Files are written atomically; one failing article does not stop the batch; existing files are never
 * overwritten silently (the caller decides: overwrite, keep both, or skip).
 */
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Article } from '../../../shared/article'
import type { ExportFormat, ExportResult } from '../../../shared/contract'
import { standalonePage } from '../../../shared/render-html'
import { exportStylesheet } from '../resources'
import { EXTENSIONS, isBinaryFormat, omittedImages, renderAs, renderFile, type RenderChoices } from './render-as'
import { fsyncDir, writeFileAtomic, writeFileAtomicSync } from '../store/durable-file'
import { startRenderPool } from './render-pool'
import type { RenderJob } from './render-worker'
import type { MediaStore } from '../media/media-store'
import { placePhotos } from './photos'
import { photoRefsOf } from '../../../shared/media'
import { articleFileName, inside, nameKey, safeFileName } from './file-names'

export type { ExportFormat, ExportResult }
export { EXTENSIONS, isBinaryFormat, omittedImages, renderAs, renderFile, type RenderChoices }
export type ExistingChoice = 'overwrite' | 'keep-both' | 'skip'

export interface ExportOptions extends RenderChoices {
  dir: string
  format: ExportFormat
  /** What to do when a file of that name already exists in the folder. */
  onExisting: (file: string) => ExistingChoice | Promise<ExistingChoice>
  onProgress?: (done: number, total: number) => void
  /** Write index.html listing the exported articles (default: when more than one). */
  index?: boolean
  /** Export workers for a large batch (default: see defaultWorkers); 0: none. */
  workers?: number
  /** The store's photos: copied into `media/` beside the files (or embedded, with `embedPhotos`). */
  media?: MediaStore
  /** Photos inside each file as data URLs (self-contained files), not in a folder. */
  embedPhotos?: boolean
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

/** Workers' jobs and Word/PDF writes in flight at once: rendering is CPU work, writing waits on the disk, so they overlap. */
const WRITES_IN_FLIGHT = 16
/** From this many articles on, workers render and write (below, starting them costs more than it saves). */
const POOL_FROM = 64
/** Articles written in this thread between two turns of the event loop (progress, the app's other calls). */
const YIELD_EVERY = 16

/**
 * Workers beside the thread that reads: one per further core. On two cores none: the reading thread is
 * itself a core's work, and workers measured no faster there (cli.export_1000_ms, issue 10's note).
 */
function defaultWorkers(): number {
  const cores = os.availableParallelism()
  return cores > 2 ? cores - 1 : 0
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
  const writes = new Set<Promise<void>>()
  let done = 0
  let photosCopied = false
  const finished = () => options.onProgress?.(++done, ids.length)
  const fail = (id: string, err: unknown) => result.failed.push({ id, error: err instanceof Error ? err.message : String(err) })
  const workers = options.workers ?? defaultWorkers()
  const format = options.format
  const binary = isBinaryFormat(format)
  // Word and PDF carry their photos inside: their bytes come from the store
  const photoBytes = (ref: string) => options.media?.read(ref).catch(() => null) ?? Promise.resolve(null)
  const pool = workers > 0 && ids.length >= POOL_FROM && !isBinaryFormat(format) ? startRenderPool(workers) : null
  try {
    for (let order = 0; order < ids.length; order++) {
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
        const record = () => void listed.push({ article, file: name, order })
        if (pool || binary) {
          const written = pool ? pool.run({ article, format: format as RenderJob['format'], choices, file }) : renderFile(article, format, choices, photoBytes).then((data) => writeFileAtomic(file, data, { sync: false }))
          const write: Promise<void> = written
            .then(record, (err) => void fail(id, err))
            .finally(() => {
              writes.delete(write)
              finished()
            })
          writes.add(write)
          if (writes.size >= WRITES_IN_FLIGHT) await Promise.race(writes)
          continue
        }
        // a text format in this thread: a few KB written with blocking calls cost a fraction of the thread
        // pool's round trips (in memory, 1,000 articles: 0.74 → 0.62 s); the event loop runs every few articles
        try {
          writeFileAtomicSync(file, renderAs(article, format, choices))
          record()
        } catch (err) {
          fail(id, err)
        }
        finished()
        if (done % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve))
      } catch (err) {
        fail(id, err)
        finished()
      }
    }
    await Promise.all(writes)
  } finally {
    await pool?.close()
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


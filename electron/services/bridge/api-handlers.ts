/** The bridge's handlers over a store: plain Node, shared by the Electron shell, the browser tests and scripts. */
import type { AppInfo, ExportFormat, NewsdeskApi } from '../../../shared/contract'
import type { Settings } from '../../../shared/settings'
import type { ArticleStore } from '../store/article-store'
import { resolveConflict } from '../sync/conflicts'
import type { SyncService } from '../sync/sync-service'
import { writeFileDurable } from '../store/durable-file'
import { EXTENSIONS, exportArticles, isBinaryFormat, omittedImages, renderFile, renderText, type ExistingChoice } from '../export/exporter'
import { articleFileName } from '../export/file-names'
import { embeddedPhotos, placePhotos } from '../export/photos'
import { cmsClipboard } from '../../../shared/cms-copy'
import { replaceInStore } from '../proof/replace'
import { photoRefsOf } from '../../../shared/media'
import { addPhotoBytes, addPhotoFiles } from '../media/add-files'
import path from 'node:path'

/** What only the shell can do (dialogs, events), given to the handlers; tests pass their own. */
export interface ShellHooks {
  /** Called when the renderer has tried to save its edits before quitting, saying whether all are saved. */
  quitReady?: (saved: boolean) => void
  /** Ask where to save one export; null when cancelled. */
  chooseExportFile?: (suggestedName: string, format: ExportFormat) => Promise<string | null>
  /** Ask for the folder of a batch export; null when cancelled. */
  chooseExportFolder?: () => Promise<string | null>
  /** A file of that name exists in the export folder: overwrite, keep both or skip? */
  askExisting?: (file: string) => Promise<ExistingChoice>
  /** Progress of a batch export. */
  exportProgress?: (done: number, total: number) => void
  /** Ask which photos to add (a file dialog, several files); null when cancelled. */
  choosePhotos?: () => Promise<string[] | null>
  /** Show a file in the system's file manager. */
  revealFile?: (file: string) => void
  /** Ask for the drafts folder; null when cancelled. */
  chooseDraftsFolder?: () => Promise<string | null>
  /** Print this page (the system dialog); whether it was printed. */
  print?: (html: string) => Promise<boolean>
  /** Put HTML and plain text on the clipboard together. */
  writeClipboard?: (data: { html: string; text: string }) => void
  /** The settings changed (the shell relabels its menu in the new language). */
  settingsChanged?: (settings: Settings) => void
}

/** The services behind the bridge. */
export interface Services {
  store: ArticleStore
  sync: SyncService
}

/**
 * Progress told at most every `ms`, and always at the end: a batch of 20,000 articles would otherwise send
 * the window as many messages, each redrawing the progress bar.
 */
export function progressEvery(report: (done: number, total: number) => void, ms = 100): (done: number, total: number) => void {
  let last = -Infinity
  return (done, total) => {
    const now = performance.now()
    if (done < total && now - last < ms) return
    last = now
    report(done, total)
  }
}

export function createHandlers({ store, sync }: Services, info: Omit<AppInfo, 'storeDir'>, hooks: ShellHooks = {}): NewsdeskApi {
  /** Batch exports under way, each stopped by stopExport. */
  const exporting = new Set<AbortController>()
  return {
    appInfo: async () => ({ ...info, storeDir: store.dir }),
    list: (query) => store.list(query),
    get: (id) => store.get(id),
    create: (patch) => store.create(patch),
    save: async (id, patch, base) => {
      if (base === undefined) return store.save(id, patch)
      const { article, conflictId } = await store.saveEdits(id, patch, base)
      // the window shows the new conflict at once (the bar, the list)
      if (conflictId) sync.conflictsChanged()
      return article
    },
    delete: (id) => store.delete(id),
    discardIfEmpty: (id) => store.discardIfEmpty(id),
    restore: (id) => store.restore(id),
    emptyTrash: () => store.emptyTrash(),
    revisions: (id) => store.revisionsOf(id),
    restoreRevision: (id, revisionId) => store.restoreRevision(id, revisionId),
    revision: (id, revisionId) => store.readRevision(id, revisionId),
    takeBack: (id, patch) => store.save(id, patch, { reason: 'take-back' }),
    exported: (id) => store.exportedOf(id),
    exportedVersion: (id, format) => store.exportedVersion(id, format),
    stats: async () => store.stats(),
    suggestions: async () => store.suggestions(),
    settings: async () => store.settings,
    updateSettings: async (patch) => {
      const settings = await store.updateSettings(patch)
      hooks.settingsChanged?.(settings)
      return settings
    },
    problems: async () => [...store.problems],
    exportArticle: async (id, format, choices = {}) => {
      const article = await store.get(id)
      const file = await hooks.chooseExportFile?.(articleFileName(article, EXTENSIONS[format]), format)
      if (!file) return null
      // photos go into a folder named after the file (ten-bai.html + ten-bai/), or inside it as data URLs
      // (Word and PDF carry them inside)
      const { embedPhotos, ...rest } = choices
      const photos = !isBinaryFormat(format) && photoRefsOf(article).length
        ? await placePhotos(article, store.media, embedPhotos ? { embed: true } : { dir: path.dirname(file), folder: path.basename(file, path.extname(file)) })
        : undefined
      // the save dialog has already asked before replacing an existing file
      await writeFileDurable(file, await renderFile(article, format, { ...rest, photos }, (ref) => store.media.read(ref).catch(() => null)))
      await store.recordExport([article], format)
      return { written: [{ id, file }], skipped: [], failed: [], remoteImagesOmitted: omittedImages(article, format, choices) }
    },
    exportBatch: async (selection, format, choices = {}) => {
      const dir = await hooks.chooseExportFolder?.()
      if (!dir) return null
      const ids = selection.ids ?? (await store.list(selection.query ?? {})).items.map((m) => m.id)
      const stop = new AbortController()
      exporting.add(stop)
      try {
        return await exportArticles(ids, (id) => store.get(id), {
          ...choices,
          media: store.media,
          dir,
          format,
          signal: stop.signal,
          onExisting: (file) => (hooks.askExisting ? hooks.askExisting(file) : 'skip'),
          onExported: (articles) => store.recordExport(articles, format),
          onProgress: hooks.exportProgress && progressEvery(hooks.exportProgress)
        })
      } finally {
        exporting.delete(stop)
      }
    },
    stopExport: async () => {
      for (const stop of exporting) stop.abort()
      return exporting.size > 0
    },
    printArticle: async (id) => {
      const article = await store.get(id)
      const photos = await placePhotos(article, store.media, { embed: true })
      return (await hooks.print?.(await renderText(article, 'html', { photos }))) ?? false
    },
    replaceInList: async (query, options, replacement, dryRun) => {
      const { offset: _o, limit: _l, locate: _c, ...filter } = query
      const ids = (await store.list(filter)).items.map((m) => m.id)
      return replaceInStore(store, ids, options, replacement, dryRun)
    },
    copyForCms: async (id) => {
      const article = await store.get(id)
      const refs = photoRefsOf({ body: article.body })
      // the photos travel inside the HTML (data URLs): a CMS editor uploads what is pasted
      const embedded = await embeddedPhotos(refs, store.media).catch(() => ({}) as Record<string, string>)
      const { copyHeading, copyCredits } = store.settings
      const data = cmsClipboard(article, { heading: copyHeading, credits: copyCredits }, (ref) => embedded[ref] ?? '')
      hooks.writeClipboard?.(data)
      return { characters: [...data.text].length, photos: Object.keys(embedded).length }
    },
    choosePhotos: async () => {
      const files = await hooks.choosePhotos?.()
      return files ? addPhotoFiles(store, files) : { added: [], errors: [] }
    },
    cleanMedia: (dryRun) => store.cleanMedia(dryRun),
    addPhoto: (name, base64) => addPhotoBytes(store, name, Buffer.from(base64, 'base64')),
    syncStatus: async () => sync.status,
    syncNow: () => sync.runNow(),
    chooseDraftsFolder: async () => {
      const folder = await hooks.chooseDraftsFolder?.()
      return folder ? sync.setFolder(folder) : sync.status
    },
    stopSync: () => sync.setFolder(null),
    revealDraft: async (id) => {
      const file = (await store.get(id)).origin?.file
      const folder = sync.status.folder
      if (!file || !folder) return false
      // only a file inside the drafts folder
      const target = path.resolve(folder, file)
      if (path.relative(folder, target).startsWith('..')) return false
      hooks.revealFile?.(target)
      return true
    },
    resolveConflict: async (conflictId, keep, merged) => {
      const original = (await store.get(conflictId)).conflictOf
      const article = await resolveConflict(store, conflictId, keep, merged)
      // the file's next edit follows what was chosen; the bar and its popover drop the conflict at once
      await sync.settled(original ?? article.id)
      return article
    },
    quitReady: async (saved) => hooks.quitReady?.(saved)
  }
}

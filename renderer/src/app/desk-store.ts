/**
 * The desk's state in one store (zustand), changed only by the named actions below: which articles the list
 * shows, which one is open, what is picked for a batch, the suggestions, problems, the toast, the export
 * choices and dialogs. Components read slices of it; nothing is passed down as counters-as-events.
 * The open article's editor registers itself, so that any action that leaves it saves it first.
 */
import i18next from 'i18next'
import { create } from 'zustand'
import { editableFields, type Article, type ArticlePatch } from '../../../shared/article'
import { diffArticles, updateNoteText } from '../../../shared/diff'
import { defaultProofSettings, type ProofSettings } from '../../../shared/proof'
import type { AppCommandId } from '../../../shared/commands'
import type { FindQuery } from '../editor/FindBar'
import { ListQuerySchema, type ExportFormat, type ExportResult, type ListQuery, type SearchProgress, type StoreProblem, type Suggestions, type SyncStatus } from '../../../shared/contract'
import { api } from '../api'
import { SaveQueue } from '../article/save-queue'
import { reportError } from './errors'
import type { ToastMessage } from './Toast'

/** What the desk needs of the open article's editor. */
export interface OpenEditor {
  /** Save now whatever is unsaved; rejects when the store refuses (the edits stay queued). */
  flush(): Promise<void>
}

/** The title and sapo of an article being made, typed before it has loaded, and which of them has the focus. */
export interface PendingArticleFields {
  title: string
  sapo: string
  focus: 'title' | 'sapo'
}

interface DeskState {
  /** The list's filters, sort, and whether it shows the trash. */
  query: ListQuery
  selectedId: string | null
  /** Bumped by invalidateList(): the list fetches its rows again. */
  listVersion: number
  /** Bumped by reloadArticle(): the open article is read again from the store. */
  articleVersion: number
  suggestions: Suggestions
  problems: StoreProblem[]
  toast: ToastMessage | null
  /** Articles picked for a batch export (Ctrl/Cmd+click, or Space). */
  checked: ReadonlySet<string>
  exportFormat: ExportFormat
  keepRemoteImages: boolean
  /** HTML exports: photos inside the file (data URLs) instead of in a folder beside it. */
  embedPhotos: boolean
  exportResult: ExportResult | null
  exportProgress: { done: number; total: number } | null
  /** Search indexing many articles (null when it is ready). */
  searchProgress: SearchProgress | null
  settingsOpen: boolean
  syncStatus: SyncStatus | null
  /** A new article whose title takes the focus as soon as its editor has loaded it. */
  focusTitleOf: string | null
  /** What is typed while a new article is being made, and where (null: none is being made). */
  pending: PendingArticleFields | null
  /** The versions being compared for the open article (a revision id, `exported:<format>` or `current`), if the dialog is open. */
  versions: { from: string; to: string } | null
  /** Bumped after an export: what was last exported is read again. */
  exportsVersion: number
  /** Exporting an article changed since its last export in that format: the suggested update note, while the journalist decides. */
  updateNote: { text: string } | null
  /** The newsroom's proofreading settings (from the store's settings). */
  proofSettings: ProofSettings
  /** Problems ignored, per article ("rule:text" keys), kept on this computer. */
  ignoredProblems: Record<string, string[]>
  /** The proofreading panel is open. */
  proofOpen: boolean
  /** The find bar of the open article (find, or find and replace). */
  findBar: 'find' | 'replace' | null
  /** What the find bar looks for and replaces with: kept while the article is opened again (after a replace in the list, say). */
  findQuery: FindQuery
}

interface DeskActions {
  attachEditor(editor: OpenEditor | null): void
  /** Save the open article's pending edits (a failure keeps them queued and is shown by the editor). */
  flushEditor(): Promise<void>
  /** An article made in this session and left completely empty is discarded when the journalist leaves it. */
  discardIfLeftEmpty(id: string): Promise<void>
  setQuery(patch: Partial<ListQuery>): void
  showTrash(trash: boolean): void
  select(id: string | null): Promise<void>
  create(patch?: ArticlePatch): Promise<void>
  /** A new article made while the journalist chose another: what was typed into it is saved, and it is not opened. */
  keepMadeAside(id: string): Promise<void>
  duplicate(article: Article): Promise<void>
  remove(article: Article): Promise<void>
  restore(article: Article): Promise<void>
  emptyTrash(): Promise<void>
  restoreRevision(revisionId: string): Promise<void>
  /** Open the compare dialog on the open article: from `from` (default: the newest earlier version) to `to` (default: now). */
  compareVersions(from?: string, to?: string): Promise<void>
  closeVersions(): void
  invalidateList(): void
  reloadArticle(): void
  loadSuggestions(): Promise<void>
  addCategory(name: string): Promise<void>
  addProblem(problem: StoreProblem): void
  dismissProblems(): void
  toggleChecked(id: string): void
  clearChecked(): void
  notify(text: string, action?: ToastMessage['action']): void
  showError(message: string): void
  dismissToast(): void
  setExportFormat(format: ExportFormat): void
  setKeepRemoteImages(keep: boolean): void
  setEmbedPhotos(embed: boolean): void
  /** Put the focus in this article's title: now if the editor shows it, else once it has loaded it. */
  focusTitle(id: string): void
  setExportProgress(progress: { done: number; total: number } | null): void
  setSearchProgress(progress: SearchProgress): void
  /** Export the open article (asking first about an update note when it changed since its last export in that format). */
  exportCurrent(): Promise<void>
  setProofSettings(settings: ProofSettings): void
  /** A word into the newsroom's personal dictionary (the store's settings). */
  addToDictionary(word: string): Promise<void>
  ignoreProblem(articleId: string, key: string): void
  setProofOpen(open: boolean): void
  setFindBar(mode: 'find' | 'replace' | null): void
  setFindQuery(query: FindQuery): void
  /** Print the open article (as its exported page, through the system's print dialog). */
  print(): Promise<void>
  /** Put the open article on the clipboard for a web CMS (HTML and plain text) and say what was copied. */
  copyForCms(): Promise<void>
  /** Go on with the export of the open article, with this update note or none (null: cancelled). */
  finishExport(note: string | null | undefined): Promise<void>
  exportList(): Promise<void>
  /** Stop the batch export under way (the files in hand are still written). */
  stopExport(): void
  closeExportResult(): void
  openSettings(open: boolean): void
  setSyncStatus(status: SyncStatus): void
  syncNow(): Promise<void>
  /** Main is quitting: save everything and say whether all is saved. */
  quit(): Promise<void>
  /** Run an app command of the command table (from a shortcut, the menu or a button). */
  run(command: AppCommandId): void
  /** An article was saved: the list and suggestions follow a moment later. */
  saved(): void
}

export type Desk = DeskState & DeskActions

const EMPTY_SUGGESTIONS: Suggestions = { tags: [], authors: [], sources: [], categories: [] }
const t = (key: string, options?: Record<string, unknown>) => i18next.t(key, options)

let editor: OpenEditor | null = null
let refreshTimer: ReturnType<typeof setTimeout> | undefined

const REMEMBERED_LIST = 'newsdesk.list'
const IGNORED = 'newsdesk.ignoredProblems'

/** Problems the journalist ignored, per article, as this computer remembers them. */
function rememberedIgnored(): Record<string, string[]> {
  try {
    const value = JSON.parse(localStorage.getItem(IGNORED) ?? '{}') as unknown
    return value && typeof value === 'object' ? (value as Record<string, string[]>) : {}
  } catch {
    return {}
  }
}

/** The list's sort and filters as the journalist last left them (not the search text), if any. */
function rememberedQuery(): ListQuery {
  try {
    const r = ListQuerySchema.pick({ sort: true, category: true, tag: true, status: true }).safeParse(JSON.parse(localStorage.getItem(REMEMBERED_LIST) ?? 'null'))
    if (r.success) return { sort: 'updated', ...r.data }
  } catch {
    // nothing remembered, or something unreadable: the defaults
  }
  return { sort: 'updated' }
}

function rememberQuery({ sort, category, tag, status }: ListQuery): void {
  try {
    localStorage.setItem(REMEMBERED_LIST, JSON.stringify({ sort, category, tag, status }))
  } catch {
    // storage full or refused: the list works, it is only not remembered
  }
}

/** The export choices the header's checkboxes make. */
const exportChoices = (s: Pick<DeskState, 'keepRemoteImages' | 'embedPhotos'>) => ({ remoteImages: s.keepRemoteImages ? ('keep' as const) : ('omit' as const), embedPhotos: s.embedPhotos })

export const useDesk = create<Desk>()((set, get) => {
  const afterSave = () => {
    // saves come in bursts while typing: the list and suggestions follow a moment later
    clearTimeout(refreshTimer)
    refreshTimer = setTimeout(() => {
      get().invalidateList()
      void get().loadSuggestions()
    }, 300)
  }
  /** Articles made in this session (an empty one of these is discarded when left). */
  const made = new Set<string>()
  /** Set when another article is chosen while a new one is being made. */
  let choseWhileMaking = false
  return {
    query: rememberedQuery(),
    selectedId: null,
    listVersion: 0,
    articleVersion: 0,
    suggestions: EMPTY_SUGGESTIONS,
    problems: [],
    toast: null,
    checked: new Set(),
    exportFormat: 'html',
    keepRemoteImages: false,
    embedPhotos: false,
    exportResult: null,
    exportProgress: null,
    searchProgress: null,
    settingsOpen: false,
    syncStatus: null,
    focusTitleOf: null,
    pending: null,
    versions: null,
    exportsVersion: 0,
    updateNote: null,
    proofSettings: defaultProofSettings(),
    ignoredProblems: rememberedIgnored(),
    proofOpen: false,
    findBar: null,
    findQuery: { options: { find: '' }, replacement: '' },

    attachEditor: (e) => void (editor = e),
    flushEditor: () => (editor ? editor.flush().catch(() => {}) : Promise.resolve()),
    setQuery: (patch) =>
      set((s) => {
        const query = { ...s.query, ...patch }
        rememberQuery(query)
        return { query }
      }),
    showTrash: (trash) => set((s) => ({ query: { ...s.query, trash } })),

    async select(id) {
      // another article chosen while a new one is being made: the choice stands (see create)
      if (get().pending !== null) choseWhileMaking = true
      const left = get().selectedId
      await get().flushEditor()
      set({ selectedId: id, versions: left === id ? get().versions : null, findBar: left === id ? get().findBar : null })
      if (left && left !== id) void get().discardIfLeftEmpty(left)
    },

    async discardIfLeftEmpty(id) {
      // only an article made in this session: an empty one found in the store is the journalist's to delete
      if (!made.has(id)) return
      made.delete(id)
      if (await api.discardIfEmpty(id).catch(() => false)) get().invalidateList()
    },

    async create(patch = {}) {
      // one new article at a time: a second press while it is being made (a space on the button) makes none
      if (get().pending !== null) return
      // the new title is on screen at once, with the focus; what is typed meanwhile goes there
      choseWhileMaking = false
      set({ pending: { title: '', sapo: '', focus: 'title' } })
      let article: Article
      try {
        await get().flushEditor()
        article = await api.create(patch)
      } catch (err) {
        set({ pending: null })
        return reportError(err)
      }
      made.add(article.id)
      if (choseWhileMaking) return get().keepMadeAside(article.id)
      const left = get().selectedId
      // the editor focuses the title once it has loaded the new article (keystrokes go there, not to a button)
      set((s) => ({ query: { sort: s.query.sort }, selectedId: article.id, focusTitleOf: article.id }))
      if (left) void get().discardIfLeftEmpty(left)
      get().invalidateList()
    },

    async keepMadeAside(id) {
      // the journalist opened another article while this one was being made: that one stays open, and what
      // was typed into the new one is saved in it (an empty new article is discarded, as when it is left)
      const typed = get().pending
      set({ pending: null })
      if (typed && (typed.title || typed.sapo)) await api.save(id, { title: typed.title, sapo: typed.sapo }).catch(reportError)
      else await get().discardIfLeftEmpty(id)
      get().invalidateList()
    },

    duplicate: (article) => get().create({ ...editableFields(article), status: 'draft', title: t('editor.copyOf', { title: article.title }) }),

    async remove(article) {
      await get().flushEditor()
      try {
        await api.delete(article.id)
      } catch (err) {
        return reportError(err)
      }
      set({ selectedId: null })
      get().invalidateList()
      get().notify(t('toast.deleted', { title: article.title || t('list.untitled') }), {
        label: t('toast.undo'),
        run: () =>
          void api.restore(article.id).then(() => {
            set({ selectedId: article.id })
            get().invalidateList()
          }, reportError)
      })
    },

    async restore(article) {
      try {
        await api.restore(article.id)
      } catch (err) {
        return reportError(err)
      }
      get().showTrash(false)
      get().invalidateList()
      get().notify(t('toast.restored'))
    },

    async emptyTrash() {
      try {
        const { total } = await api.list({ trash: true, limit: 0 })
        if (total > 0 && window.confirm(t('trash.confirm', { count: total }))) {
          await api.emptyTrash()
          set({ selectedId: null })
          get().invalidateList()
        }
      } catch (err) {
        reportError(err)
      }
    },

    async restoreRevision(revisionId) {
      const id = get().selectedId
      if (!id) return
      await get().flushEditor()
      try {
        await api.restoreRevision(id, revisionId)
      } catch (err) {
        return reportError(err)
      }
      get().reloadArticle()
      get().invalidateList()
      get().notify(t('revisions.restored'))
    },

    async compareVersions(from, to = 'current') {
      const id = get().selectedId
      if (!id) return
      if (!from) {
        const newest = await api.revisions(id).then((list) => list[0], reportError)
        if (!newest) return get().notify(t('revisions.none'))
        from = newest.id
      }
      set({ versions: { from, to } })
    },
    closeVersions: () => set({ versions: null }),

    invalidateList: () => set((s) => ({ listVersion: s.listVersion + 1 })),
    reloadArticle: () => set((s) => ({ articleVersion: s.articleVersion + 1 })),
    loadSuggestions: () => api.suggestions().then((suggestions) => set({ suggestions }), reportError),

    async addCategory(name) {
      // only the new category joins the settings' own list (not every category articles happen to use)
      try {
        const settings = await api.settings()
        await api.updateSettings({ categories: [...settings.categories, name] })
      } catch (err) {
        return reportError(err)
      }
      await get().loadSuggestions()
    },

    addProblem: (problem) => set((s) => ({ problems: [...s.problems, problem] })),
    dismissProblems: () => set({ problems: [] }),
    toggleChecked: (id) =>
      set((s) => {
        const checked = new Set(s.checked)
        if (!checked.delete(id)) checked.add(id)
        return { checked }
      }),
    clearChecked: () => set({ checked: new Set() }),
    notify: (text, action) => set({ toast: { id: Date.now(), text, action } }),
    showError: (message) => set({ toast: { id: Date.now(), text: t('error.failed', { message }), kind: 'error' } }),
    dismissToast: () => set({ toast: null }),
    setExportFormat: (exportFormat) => set({ exportFormat }),
    setKeepRemoteImages: (keepRemoteImages) => set({ keepRemoteImages }),
    setEmbedPhotos: (embedPhotos) => set({ embedPhotos }),
    focusTitle(id) {
      const title = document.querySelector<HTMLTextAreaElement>(`#article-title[data-article="${CSS.escape(id)}"]`)
      if (title && get().selectedId === id) title.focus()
      else set({ focusTitleOf: id })
    },
    setExportProgress: (exportProgress) => set({ exportProgress }),
    setSearchProgress: (p) => set({ searchProgress: p.done < p.total ? p : null }),

    async exportCurrent() {
      const { selectedId, exportFormat } = get()
      if (!selectedId) return
      await get().flushEditor()
      try {
        const last = (await api.exported(selectedId)).find((e) => e.format === exportFormat)
        if (last?.changed) {
          const [before, now] = await Promise.all([api.exportedVersion(selectedId, exportFormat), api.get(selectedId)])
          const text = updateNoteText(diffArticles(editableFields(before), editableFields(now)), new Date(), now.language === 'en' ? 'en' : 'vi')
          return set({ updateNote: { text } })
        }
      } catch (err) {
        reportError(err)
      }
      await get().finishExport(undefined)
    },

    setProofSettings: (proofSettings) => set({ proofSettings }),
    async addToDictionary(word) {
      try {
        const proof = get().proofSettings
        const saved = await api.updateSettings({ proof: { ...proof, personalDictionary: [...proof.personalDictionary, word] } })
        set({ proofSettings: saved.proof })
        get().notify(t('proof.added', { word }))
      } catch (err) {
        reportError(err)
      }
    },
    ignoreProblem(articleId, key) {
      const ignoredProblems = { ...get().ignoredProblems, [articleId]: [...(get().ignoredProblems[articleId] ?? []), key] }
      set({ ignoredProblems })
      try {
        localStorage.setItem(IGNORED, JSON.stringify(ignoredProblems))
      } catch {
        // kept for this session only
      }
    },
    setProofOpen: (proofOpen) => set({ proofOpen }),
    setFindBar: (findBar) => set({ findBar }),
    setFindQuery: (findQuery) => set({ findQuery }),

    async print() {
      const id = get().selectedId
      if (!id) return
      try {
        await get().flushEditor()
        if (await api.printArticle(id)) get().notify(t('print.sent', { title: (await api.get(id)).title || t('list.untitled') }))
      } catch (err) {
        reportError(err)
      }
    },

    async copyForCms() {
      const id = get().selectedId
      if (!id) return
      try {
        await get().flushEditor()
        const [copied, settings] = await Promise.all([api.copyForCms(id), api.settings()])
        const parts = [settings.copyHeading ? t('copy.withHeading') : t('copy.bodyOnly'), ...(copied.photos ? [t('copy.photos', { count: copied.photos })] : []), ...(settings.copyCredits ? [] : [t('copy.noCredits')])]
        get().notify(t('copy.done', { what: parts.join(', ') }))
      } catch (err) {
        reportError(err)
      }
    },

    async finishExport(note) {
      const { selectedId, exportFormat } = get()
      set({ updateNote: null })
      if (!selectedId || note === null) return
      try {
        const result = await api.exportArticle(selectedId, exportFormat, { ...exportChoices(get()), ...(note ? { updateNote: note } : {}) })
        set((s) => ({ exportsVersion: s.exportsVersion + 1 }))
        if (!result?.written[0]) return
        const omitted = result.remoteImagesOmitted ? ' ' + t('export.remoteOmitted', { count: result.remoteImagesOmitted }) : ''
        get().notify(t('export.done', { file: result.written[0].file }) + omitted)
      } catch (err) {
        get().notify(t('export.error', { message: (err as Error).message }))
      }
    },

    async exportList() {
      await get().flushEditor()
      const { query, checked, exportFormat } = get()
      try {
        const { offset: _o, limit: _l, ...filter } = query
        // the picked articles if any, else the whole current list
        const selection = checked.size ? { ids: [...checked] } : { query: filter }
        const result = await api.exportBatch(selection, exportFormat, exportChoices(get()))
        if (result) set((s) => ({ exportResult: result, exportsVersion: s.exportsVersion + 1 }))
      } catch (err) {
        get().notify(t('export.error', { message: (err as Error).message }))
      } finally {
        set({ exportProgress: null })
      }
    },

    stopExport: () => void api.stopExport().catch(reportError),
    closeExportResult: () => set({ exportResult: null }),
    openSettings: (settingsOpen) => set({ settingsOpen }),
    setSyncStatus(syncStatus) {
      const before = get().syncStatus
      set({ syncStatus })
      const id = get().selectedId
      if (!id || !before) return
      // a colleague's edit of the open article's draft file, taken by the sync: shown at once (with nothing
      // waiting to be saved here; else those edits are saved and the file's version is kept as a conflict copy)
      if (!syncStatus.running && syncStatus.last !== before.last && syncStatus.last?.updated.some((u) => u.id === id) && !saveQueue.dirtyOf(id)) {
        get().reloadArticle()
        get().notify(t('sync.openUpdated'))
      }
      if (syncStatus.openConflicts.some((c) => c.id === id && !before.openConflicts.some((b) => b.conflictId === c.conflictId))) {
        get().invalidateList()
        get().notify(t('sync.conflictWhileEditing'))
      }
    },
    syncNow: () => api.syncNow().then(() => {}, reportError),

    async quit() {
      try {
        await editor?.flush()
        await saveQueue.flush()
        await api.quitReady(true)
      } catch {
        await api.quitReady(false).catch(() => {})
      }
    },

    saved: afterSave,

    run(command) {
      const desk = get()
      if (command === 'new-article') void desk.create()
      else if (command === 'save') void desk.flushEditor()
      // find in the open article; without one, in the list
      else if (command === 'find' || command === 'replace') desk.selectedId ? set({ findBar: command }) : document.getElementById('list-search')?.focus()
      else if (command === 'find-list') document.getElementById('list-search')?.focus()
      // F7, as in word processors: the proofreading panel, open and in view
      else if (command === 'proofread' && desk.selectedId) {
        set({ proofOpen: true })
        requestAnimationFrame(() => document.querySelector<HTMLElement>('.proof-panel summary')?.focus())
      }
      else if (command === 'export') void desk.exportCurrent()
      else if (command === 'sync-now') void desk.syncNow()
      else if (command === 'compare-versions') void desk.compareVersions()
      else if (command === 'copy-cms') void desk.copyForCms()
      else if (command === 'print') void desk.print()
    }
  }
})

/** The one save queue: the editor pushes edits into it; it saves them, retrying, and refreshes the list after. */
export const saveQueue = new SaveQueue(
  (id, patch, base) => api.save(id, patch, base),
  () => useDesk.getState().saved()
)

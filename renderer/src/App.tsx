/** The workspace: article list, editor and side panel; menu commands and shortcuts; trash; problems. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { editableFields, type Article } from '../../shared/article'
import type { ApiEvents, ExportFormat, ExportResult, ListQuery, StoreProblem, Suggestions } from '../../shared/contract'
import { api } from './api'
import { ArticleEditor, type ArticleEditorHandle } from './article/ArticleEditor'
import { SaveQueue } from './article/save-queue'
import { catchUnhandled, onError, reportError } from './app/errors'
import { ExportSummary, FormatPicker, useExportProgress } from './app/ExportPanel'
import { ProblemsBanner } from './app/ProblemsBanner'
import { SettingsDialog } from './app/SettingsDialog'
import { Splitter } from './app/Splitter'
import { SyncBar, useSyncStatus } from './app/SyncBar'
import { Toast, type ToastMessage } from './app/Toast'
import { useLayout } from './app/useLayout'
import { pickLanguage, setLanguage, type UiLanguage } from './i18n'
import { ArticleList } from './list/ArticleList'
import { Preview } from './preview/Preview'

type Command = ApiEvents['command']

const EMPTY_SUGGESTIONS: Suggestions = { tags: [], authors: [], sources: [], categories: [] }

export function App() {
  const { t, i18n } = useTranslation()
  const [layout, setLayout] = useLayout()
  const [view, setView] = useState<'articles' | 'trash'>('articles')
  const [query, setQuery] = useState<ListQuery>({ sort: 'updated' })
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [refreshKey, setRefreshKey] = useState(0)
  /** Bumped to reload the open article from the store (after a revision is restored). */
  const [reloadKey, setReloadKey] = useState(0)
  const [suggestions, setSuggestions] = useState<Suggestions>(EMPTY_SUGGESTIONS)
  const [problems, setProblems] = useState<StoreProblem[]>([])
  const [toast, setToast] = useState<ToastMessage | null>(null)
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set())
  const toggleChecked = useCallback((id: string) => {
    setChecked((prev) => {
      const next = new Set(prev)
      if (!next.delete(id)) next.add(id)
      return next
    })
  }, [])
  const [exportFormat, setExportFormat] = useState<ExportFormat>('html')
  const [keepRemoteImages, setKeepRemoteImages] = useState(false)
  const exportChoices = useMemo(() => ({ remoteImages: keepRemoteImages ? ('keep' as const) : ('omit' as const) }), [keepRemoteImages])
  const [exportResult, setExportResult] = useState<ExportResult | null>(null)
  const [progress, setProgress] = useExportProgress()
  const refresh = useCallback(() => setRefreshKey((k) => k + 1), [])
  const [syncStatus, setSyncStatus] = useSyncStatus(refresh)
  const editorRef = useRef<ArticleEditorHandle>(null)
  const searchRef = useRef<HTMLInputElement>(null)

  const loadSuggestions = useCallback(() => api.suggestions().then(setSuggestions, reportError), [])

  // every renderer error is shown in one place: a toast that says what failed
  useEffect(() => {
    const stop = catchUnhandled()
    const off = onError((message) => setToast({ id: Date.now(), text: t('error.failed', { message }), kind: 'error' }))
    return () => {
      stop()
      off()
    }
  }, [t])

  const refreshTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const queue = useMemo(
    () =>
      new SaveQueue(
        (id, patch) => api.save(id, patch),
        () => {
          clearTimeout(refreshTimer.current)
          refreshTimer.current = setTimeout(() => {
            refresh()
            void loadSuggestions()
          }, 300)
        }
      ),
    [refresh, loadSuggestions]
  )

  useEffect(() => {
    void loadSuggestions()
    api.problems().then(setProblems, reportError)
    return api.on('problem', (p) => setProblems((prev) => [...prev, p]))
  }, [loadSuggestions])

  // open the newest article on start
  useEffect(() => {
    void api.list({ limit: 1 }).then((r) => r.items[0] && setSelectedId((cur) => cur ?? r.items[0].id), reportError)
  }, [])

  const select = useCallback(async (id: string | null) => {
    // the article being left is saved first; if the store refuses, its edits stay queued and keep retrying
    await editorRef.current?.flush().catch(() => {})
    setSelectedId(id)
  }, [])

  const createArticle = useCallback(
    async (patch = {}) => {
      await editorRef.current?.flush().catch(() => {})
      let article: Article
      try {
        article = await api.create(patch)
      } catch (err) {
        return reportError(err)
      }
      setView('articles')
      setQuery((q) => ({ sort: q.sort }))
      setSelectedId(article.id)
      refresh()
      setTimeout(() => document.getElementById('article-title')?.focus(), 50)
    },
    [refresh]
  )

  const remove = useCallback(
    async (article: Article) => {
      await editorRef.current?.flush().catch(() => {})
      await api.delete(article.id)
      setSelectedId(null)
      refresh()
      setToast({
        id: Date.now(),
        text: t('toast.deleted', { title: article.title || t('list.untitled') }),
        action: {
          label: t('toast.undo'),
          run: () =>
            void api.restore(article.id).then(() => {
              setSelectedId(article.id)
              refresh()
            }, reportError)
        }
      })
    },
    [refresh, t]
  )

  const restore = useCallback(
    async (article: Article) => {
      await api.restore(article.id)
      setView('articles')
      refresh()
      setToast({ id: Date.now(), text: t('toast.restored') })
    },
    [refresh, t]
  )

  const exportCurrent = useCallback(async () => {
    if (!selectedId) return
    await editorRef.current?.flush().catch(() => {})
    try {
      const result = await api.exportArticle(selectedId, exportFormat, exportChoices)
      if (result?.written[0]) {
        const omitted = result.remoteImagesOmitted ? ' ' + t('export.remoteOmitted', { count: result.remoteImagesOmitted }) : ''
        setToast({ id: Date.now(), text: t('export.done', { file: result.written[0].file }) + omitted })
      }
    } catch (err) {
      setToast({ id: Date.now(), text: t('export.error', { message: (err as Error).message }) })
    }
  }, [selectedId, exportFormat, exportChoices, t])

  const exportList = useCallback(async () => {
    await editorRef.current?.flush().catch(() => {})
    try {
      const { offset: _o, limit: _l, ...filter } = query
      // the picked articles if any, else the whole current list
      const selection = checked.size ? { ids: [...checked] } : { query: { ...filter, trash: view === 'trash' } }
      const result = await api.exportBatch(selection, exportFormat, exportChoices)
      if (result) setExportResult(result)
    } catch (err) {
      setToast({ id: Date.now(), text: t('export.error', { message: (err as Error).message }) })
    } finally {
      setProgress(null)
    }
  }, [query, view, checked, exportFormat, exportChoices, t, setProgress])

  const lastCommand = useRef({ name: '', at: 0 })
  const runCommand = useCallback(
    (command: Command) => {
      // the native menu and the page both see a shortcut in some setups: run it once
      const now = Date.now()
      if (command !== 'quit' && lastCommand.current.name === command && now - lastCommand.current.at < 150) return
      lastCommand.current = { name: command, at: now }
      if (command === 'new-article') void createArticle()
      else if (command === 'save') void editorRef.current?.flush().catch(() => {})
      else if (command === 'find') searchRef.current?.focus()
      else if (command === 'export') void exportCurrent()
      else if (command === 'sync-now') void api.syncNow().catch(reportError)
      else if (command === 'quit') {
        const editor = editorRef.current
        void (editor ? editor.flush() : Promise.resolve())
          .then(() => queue.flush())
          .then(
            () => api.quitReady(true),
            () => api.quitReady(false)
          )
      }
    },
    [createArticle, queue, exportCurrent]
  )

  useEffect(() => api.on('command', runCommand), [runCommand])
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return
      const key = e.key.toLowerCase()
      const command: Command | null = e.shiftKey
        ? key === 'y' ? 'sync-now' : null
        : key === 'n' ? 'new-article' : key === 's' ? 'save' : key === 'f' ? 'find' : key === 'e' ? 'export' : null
      if (!command) return
      e.preventDefault()
      runCommand(command)
    }
    // leaving the window saves what is pending; quitting goes through the 'quit' command (main waits for it)
    const onBlur = () => void editorRef.current?.flush().catch(() => {})
    const onUnload = () => void editorRef.current?.flush().catch(() => {})
    window.addEventListener('keydown', onKey)
    window.addEventListener('blur', onBlur)
    window.addEventListener('beforeunload', onUnload)
    return () => {
      window.removeEventListener('keydown', onKey)
      window.removeEventListener('blur', onBlur)
      window.removeEventListener('beforeunload', onUnload)
    }
  }, [runCommand])

  // only the new category is added to the settings' own list (not every category articles happen to use)
  const addCategory = useCallback(
    (name: string) => {
      void api
        .settings()
        .then((s) => api.updateSettings({ categories: [...s.categories, name] }))
        .then(loadSuggestions, reportError)
    },
    [loadSuggestions]
  )

  const [settingsOpen, setSettingsOpen] = useState(false)
  const applyLanguage = async (lang: 'auto' | UiLanguage) => setLanguage(pickLanguage(lang, (await api.appInfo()).locale))
  const changeLanguage = (lang: UiLanguage) => void api.updateSettings({ language: lang }).then(() => applyLanguage(lang)).catch(reportError)

  const columns = [
    layout.listCollapsed ? '0px' : `${layout.listWidth}px`,
    '6px',
    'minmax(360px, 1fr)',
    '6px',
    layout.sideCollapsed ? '0px' : `${layout.sideWidth}px`
  ].join(' ')

  return (
    <div className="app">
      <header className="app-header">
        <button type="button" className="icon" aria-label={t('layout.collapseList')} aria-pressed={!layout.listCollapsed} onClick={() => setLayout({ listCollapsed: !layout.listCollapsed })}>
          ☰
        </button>
        <h1>{t('app.name')}</h1>
        <div className="tabs" role="tablist">
          <button type="button" role="tab" aria-selected={view === 'articles'} onClick={() => (setView('articles'), setQuery((q) => ({ ...q, trash: false })))}>
            {t('list.articles')}
          </button>
          <button type="button" role="tab" aria-selected={view === 'trash'} onClick={() => (setView('trash'), setQuery((q) => ({ ...q, trash: true })))}>
            {t('list.trash')}
          </button>
        </div>
        <button type="button" className="primary" onClick={() => void createArticle()} title="Ctrl+N">
          + {t('list.new')}
        </button>
        {view === 'trash' && (
          <button
            type="button"
            className="danger"
            onClick={async () => {
              try {
                const { total } = await api.list({ trash: true, limit: 0 })
                if (total > 0 && window.confirm(t('trash.confirm', { count: total }))) {
                  await api.emptyTrash()
                  setSelectedId(null)
                  refresh()
                }
              } catch (err) {
                reportError(err)
              }
            }}
          >
            {t('trash.empty')}
          </button>
        )}
        <div className="spacer" />
        {progress && (
          <div className="export-progress" role="status">
            <label htmlFor="export-progress">{t('export.progress', progress)}</label>
            <progress id="export-progress" max={progress.total} value={progress.done} />
          </div>
        )}
        <FormatPicker value={exportFormat} onChange={setExportFormat} keepRemoteImages={keepRemoteImages} onKeepRemoteImages={setKeepRemoteImages} />
        <button type="button" onClick={() => void exportCurrent()} disabled={!selectedId}>
          {t('export.one')}
        </button>
        <button type="button" onClick={() => void exportList()}>
          {checked.size ? t('export.checked', { count: checked.size }) : t('export.list')}
        </button>
        {checked.size > 0 && (
          <button type="button" onClick={() => setChecked(new Set())}>
            {t('list.uncheck')}
          </button>
        )}
        <label className="lang">
          <span className="sr-only">{t('settings.language')}</span>
          <select aria-label={t('settings.language')} value={i18n.language} onChange={(e) => changeLanguage(e.target.value as UiLanguage)}>
            <option value="vi">{t('settings.vi')}</option>
            <option value="en">{t('settings.en')}</option>
          </select>
        </label>
        <button type="button" className="icon" aria-label={t('settings.open')} title={t('settings.open')} onClick={() => setSettingsOpen(true)}>
          ⚙
        </button>
        <button type="button" className="icon" aria-label={t('layout.collapseSide')} aria-pressed={!layout.sideCollapsed} onClick={() => setLayout({ sideCollapsed: !layout.sideCollapsed })}>
          ◨
        </button>
      </header>
      <ProblemsBanner problems={problems} onDismiss={() => setProblems([])} />
      <div className="workspace" style={{ gridTemplateColumns: columns }}>
        <ArticleList
          ref={searchRef}
          query={{ ...query, trash: view === 'trash' }}
          onQuery={setQuery}
          refreshKey={refreshKey}
          selectedId={selectedId}
          onSelect={(id) => void select(id)}
          checked={checked}
          onToggle={toggleChecked}
          suggestions={suggestions}
        />
        <Splitter value={layout.listWidth} direction={1} onChange={(v) => setLayout({ listWidth: v })} label={t('list.label')} area="s1" />
        {selectedId ? (
          <ArticleEditor
            key={`${selectedId}:${reloadKey}`}
            ref={editorRef}
            id={selectedId}
            queue={queue}
            trashed={view === 'trash'}
            suggestions={suggestions}
            onAddCategory={addCategory}
            onDuplicate={(a) => void createArticle({ ...editableFields(a), status: 'draft', title: t('editor.copyOf', { title: a.title }) })}
            onDelete={(a) => void remove(a).catch(reportError)}
            onRestore={(a) => void restore(a).catch(reportError)}
            onRestoreRevision={async (revisionId) => {
              await editorRef.current?.flush().catch(() => {})
              try {
                await api.restoreRevision(selectedId, revisionId)
              } catch (err) {
                return reportError(err)
              }
              setReloadKey((k) => k + 1)
              refresh()
              setToast({ id: Date.now(), text: t('revisions.restored') })
            }}
            onConflictResolved={(openId) => {
              refresh()
              setSelectedId(openId)
            }}
            side={(article, body, version) => <Preview article={article} body={body} version={version} />}
          />
        ) : (
          <>
            <main className="editor-pane empty">{t('editor.none')}</main>
            <aside className="side-pane" />
            <footer className="status-bar" />
          </>
        )}
        <Splitter value={layout.sideWidth} direction={-1} onChange={(v) => setLayout({ sideWidth: v })} label={t('meta.heading')} area="s2" />
      </div>
      <SyncBar status={syncStatus} onStatus={setSyncStatus} onOpen={(id) => void select(id)} />
      <Toast toast={toast} onDone={() => setToast(null)} />
      {settingsOpen && (
        <SettingsDialog
          onClose={() => setSettingsOpen(false)}
          onSaved={(saved) => {
            setSettingsOpen(false)
            void applyLanguage(saved.language)
            void loadSuggestions()
          }}
        />
      )}
      {exportResult && <ExportSummary result={exportResult} onClose={() => setExportResult(null)} />}
    </div>
  )
}

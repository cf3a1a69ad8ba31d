/** The workspace: header, article list, the open article with its side panel, sync bar, toast and dialogs. */
import { useCallback, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { EditorCommandId } from '../../shared/commands'
import { api } from './api'
import { ArticleEditor, type ArticleEditorHandle } from './article/ArticleEditor'
import { PendingArticle } from './article/PendingArticle'
import { useDesk, saveQueue } from './app/desk-store'
import { catchUnhandled, onError } from './app/errors'
import { ExportSummary, UpdateNoteDialog } from './app/ExportPanel'
import { applyLanguage, Header } from './app/Header'
import { ProblemsBanner } from './app/ProblemsBanner'
import { SettingsDialog } from './app/SettingsDialog'
import { Splitter } from './app/Splitter'
import { SyncBar } from './app/SyncBar'
import { Toast } from './app/Toast'
import { useLayout } from './app/useLayout'
import { useCommands } from './commands/shortcuts'
import { reportError } from './app/errors'
import { ArticleList } from './list/ArticleList'
import { Preview } from './preview/Preview'

/** What the desk listens to from main and from the renderer's own error path, once. */
function useDeskEvents(): void {
  useEffect(() => {
    const desk = useDesk.getState()
    void desk.loadSuggestions()
    api.problems().then((problems) => problems.forEach(desk.addProblem), reportError)
    // open the newest article on start
    void api.list({ limit: 1 }).then((r) => r.items[0] && !useDesk.getState().selectedId && useDesk.setState({ selectedId: r.items[0].id }), reportError)
    api.syncStatus().then(desk.setSyncStatus, reportError)
    const offs = [
      catchUnhandled(),
      onError((message) => useDesk.getState().showError(message)),
      api.on('problem', (p) => useDesk.getState().addProblem(p)),
      api.on('export-progress', (p) => useDesk.getState().setExportProgress(p)),
      api.on('search-progress', (p) => useDesk.getState().setSearchProgress(p)),
      api.on('sync-status', (s) => {
        useDesk.getState().setSyncStatus(s)
        // a finished pass may have created or changed articles
        if (!s.running) useDesk.getState().invalidateList()
      })
    ]
    return () => offs.forEach((off) => off())
  }, [])
}

export function App() {
  const { t } = useTranslation()
  const [layout, setLayout] = useLayout()
  const desk = useDesk()
  const editorRef = useRef<ArticleEditorHandle | null>(null)
  const attach = useCallback((handle: ArticleEditorHandle | null) => {
    editorRef.current = handle
    useDesk.getState().attachEditor(handle)
  }, [])
  useDeskEvents()
  useCommands(useCallback((id: EditorCommandId) => editorRef.current?.runCommand(id), []))

  const trash = !!desk.query.trash
  // the side columns give way on a narrow window (never a page wider than the window at 1024 px and up)
  const columns = [layout.listCollapsed ? '0px' : `min(${layout.listWidth}px, 28vw)`, '6px', 'minmax(320px, 1fr)', '6px', layout.sideCollapsed ? '0px' : `min(${layout.sideWidth}px, 34vw)`].join(' ')

  return (
    <div className="app">
      <Header layout={layout} setLayout={setLayout} />
      <ProblemsBanner problems={desk.problems} onDismiss={desk.dismissProblems} />
      <div className="workspace" style={{ gridTemplateColumns: columns }}>
        <ArticleList
          query={desk.query}
          onQuery={(q) => desk.setQuery(q)}
          refreshKey={desk.listVersion}
          selectedId={desk.selectedId}
          onSelect={(id) => void desk.select(id)}
          checked={desk.checked}
          onToggle={desk.toggleChecked}
          suggestions={desk.suggestions}
        />
        <Splitter value={layout.listWidth} direction={1} onChange={(v) => setLayout({ listWidth: v })} label={t('list.label')} area="s1" />
        {desk.pending !== null && <PendingArticle />}
        {desk.pending !== null && desk.focusTitleOf === null ? null : desk.selectedId ? (
          <ArticleEditor
            key={`${desk.selectedId}:${desk.articleVersion}`}
            ref={attach}
            id={desk.selectedId}
            queue={saveQueue}
            trashed={trash}
            suggestions={desk.suggestions}
            onAddCategory={(name) => void desk.addCategory(name)}
            onDuplicate={(a) => void desk.duplicate(a)}
            onDelete={(a) => void desk.remove(a)}
            onRestore={(a) => void desk.restore(a)}
            onRestoreRevision={(revisionId) => void desk.restoreRevision(revisionId)}
            onConflictResolved={(openId) => {
              desk.invalidateList()
              // shown afresh (no conflict banner left), even when it is the article that was open
              useDesk.setState((s) => ({ selectedId: openId, articleVersion: s.articleVersion + 1 }))
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
      <SyncBar status={desk.syncStatus} onStatus={desk.setSyncStatus} onOpen={(id) => void desk.select(id)} />
      <Toast toast={desk.toast} onDone={desk.dismissToast} />
      {desk.settingsOpen && (
        <SettingsDialog
          onClose={() => desk.openSettings(false)}
          onSaved={(saved) => {
            desk.openSettings(false)
            void applyLanguage(saved.language)
            desk.setProofSettings(saved.proof)
            void desk.loadSuggestions()
          }}
        />
      )}
      {desk.exportResult && <ExportSummary result={desk.exportResult} onClose={desk.closeExportResult} />}
      {desk.updateNote && <UpdateNoteDialog suggested={desk.updateNote.text} onExport={(note) => void desk.finishExport(note)} />}
    </div>
  )
}

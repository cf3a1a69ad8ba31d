/**
 * One open article: title, sapo and body in the centre, details in the side panel, counters in the status bar.
 * Edits are saved about a second after typing stops, on switching articles, on blur and on quit.
 */
import type { Node as PMNode } from 'prosemirror-model'
import type { EditorState } from 'prosemirror-state'
import { forwardRef, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Article, ArticlePatch } from '../../../shared/article'
import type { PhotosAdded, Suggestions } from '../../../shared/contract'
import { docFromJSON, docText } from '../../../shared/doc'
import { charCount, readingMinutes, wordCount } from '../../../shared/text'
import { api } from '../api'
import { useDesk } from '../app/desk-store'
import { BodyEditor, type BodyEditorHandle } from '../editor/BodyEditor'
import type { EditorCommandId } from '../../../shared/commands'
import { setLink } from '../editor/commands'
import { EDITOR_COMMANDS, type DialogCommandId } from '../editor/editor-commands'
import { addPhotosAt, fileToBase64 } from '../editor/photos'
import { reportError } from '../app/errors'
import { LinkDialog } from '../editor/LinkDialog'
import { activeLink } from '../editor/queries'
import { Toolbar } from '../editor/Toolbar'
import { ConflictCompare } from './ConflictCompare'
import { MetadataForm, type MetaFields } from './MetadataForm'
import { RelatedHeadlines } from './RelatedHeadlines'
import { RevisionsPanel } from './RevisionsPanel'
import { applyFix, ignoreKey, type Problem, type ProofRule } from '../../../shared/proof'
import { ProofPanel } from '../proof/ProofPanel'
import { ReplaceInList } from '../proof/ReplaceInList'
import { FindBar, type FindQuery } from '../editor/FindBar'
import { proofRangeNow } from '../editor/highlights'
import { useProofreading } from '../proof/useProofreading'
import { TextSelection } from 'prosemirror-state'
import { ExportedSince } from '../compare/ExportedSince'
import { useCommandLabel } from '../commands/labels'
import { VersionsDialog } from '../compare/VersionsDialog'
import type { SaveQueue } from './save-queue'
import { formatDateTime } from '../../../shared/dates'

export interface ArticleEditorHandle {
  /** Save now whatever is unsaved; rejects when the store refuses (the edits stay queued). */
  flush(): Promise<void>
  focusBody(): void
  /** Run an editor command of the command table on the body (from the native menu). */
  runCommand(id: EditorCommandId): void
}

interface Props {
  id: string
  queue: SaveQueue
  /** The article is in the trash: shown read-only, with a restore button. */
  trashed: boolean
  suggestions: Suggestions
  onAddCategory: (name: string) => void
  onDuplicate: (article: Article) => void
  onDelete: (article: Article) => void
  onRestore: (article: Article) => void
  /** After a conflict is settled: the article to show. */
  onConflictResolved: (openId: string) => void
  /** Restore an earlier version (the editor is reloaded afterwards). */
  onRestoreRevision: (revisionId: string) => void
  /** Extra content for the side panel (the preview). */
  side?: (article: Article, body: PMNode | null, version: number) => ReactNode
}

interface Counts {
  words: number
  chars: number
}

function countsOf(title: string, sapo: string, body: PMNode | null): Counts {
  const text = [title, sapo, body ? docText(body) : ''].join('\n')
  return { words: wordCount(text), chars: charCount(text) }
}

export const ArticleEditor = forwardRef<ArticleEditorHandle, Props>(function ArticleEditor(props, ref) {
  const { id, queue } = props
  const { t, i18n } = useTranslation()
  const [article, setArticle] = useState<Article | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [fields, setFields] = useState<MetaFields | null>(null)
  const [editorState, setEditorState] = useState<EditorState | null>(null)
  const [counts, setCounts] = useState<Counts>({ words: 0, chars: 0 })
  const [localDirty, setLocalDirty] = useState(false)
  const [linkOpen, setLinkOpen] = useState(false)
  const [comparing, setComparing] = useState(false)
  /** The title field was left empty (blurred): only then is it marked as missing. */
  const [titleLeft, setTitleLeft] = useState(false)
  /** For a sync conflict copy: the draft file it came from (the one its original follows). */
  const conflictFile = useDesk((s) => s.syncStatus?.openConflicts.find((c) => c.conflictId === id)?.file)
  const versions = useDesk((s) => s.versions)
  const proofSettings = useDesk((s) => s.proofSettings)
  const ignoredList = useDesk((s) => s.ignoredProblems[id])
  const proofOpen = useDesk((s) => s.proofOpen)
  const findBar = useDesk((s) => s.findBar)
  const findQuery = useDesk((s) => s.findQuery)
  const [listReplace, setListReplace] = useState<FindQuery | null>(null)
  const commandLabel = useCommandLabel()
  const [version, setVersion] = useState(0)
  const fieldsRef = useRef<MetaFields | null>(null)
  const problemsRef = useRef<Problem[]>([])
  const bodyRef = useRef<PMNode | null>(null)
  const bodyChanged = useRef(false)
  const countTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const editor = useRef<BodyEditorHandle>(null)
  const subscribe = useCallback((l: () => void) => queue.subscribe(l), [queue])
  const saveState = useSyncExternalStore(subscribe, () => queue.state(id))
  const savedAt = useSyncExternalStore(subscribe, () => queue.lastSaved(id))

  // load the article, laying over any edits still waiting to be saved
  useEffect(() => {
    let cancelled = false
    setLoadError(null)
    api.get(id).then(
      (loaded) => {
        if (cancelled) return
        queue.loaded(id, loaded.updatedAt)
        const merged = { ...loaded, ...(queue.pendingPatch(id) as Partial<Article>) }
        const meta: MetaFields = {
          title: merged.title,
          sapo: merged.sapo,
          category: merged.category,
          tags: merged.tags,
          author: merged.author,
          source: merged.source,
          date: merged.date,
          status: merged.status,
          notes: merged.notes ?? '',
          featuredImage: merged.featuredImage ?? '',
          related: merged.related,
          language: merged.language
        }
        fieldsRef.current = meta
        bodyRef.current = null
        bodyChanged.current = false
        setFields(meta)
        setArticle(merged)
        setCounts(countsOf(meta.title, meta.sapo, docFromJSON(merged.body)))
        setLocalDirty(false)
      },
      (err: Error) => !cancelled && setLoadError(err.message)
    )
    return () => {
      cancelled = true
    }
  }, [id, queue])

  // A new article, on screen: it takes over what was typed while it was being made (the title and sapo
  // of PendingArticle) and the focus, in layout effects, so that no keystroke can fall between the two.
  const focusAfterTakeOver = useRef<'title' | 'sapo' | null>(null)
  const titleField = useRef<HTMLTextAreaElement>(null)
  const sapoField = useRef<HTMLTextAreaElement>(null)
  useLayoutEffect(() => {
    if (!article || useDesk.getState().focusTitleOf !== id) return
    const typed = useDesk.getState().pending
    useDesk.setState({ focusTitleOf: null, pending: null })
    focusAfterTakeOver.current = typed?.focus ?? 'title'
    if (typed && (typed.title || typed.sapo)) change({ ...(typed.title ? { title: typed.title } : {}), ...(typed.sapo ? { sapo: typed.sapo } : {}) })
    else setFields((f) => f && { ...f })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [article, id])
  useLayoutEffect(() => {
    const field = focusAfterTakeOver.current
    if (!field) return
    // (its own fields: PendingArticle's, with the same ids, are still in the page during this commit)
    const el = field === 'sapo' ? sapoField.current : titleField.current
    if (!el) return
    focusAfterTakeOver.current = null
    el.focus()
    el.setSelectionRange(el.value.length, el.value.length)
  }, [fields])

  /** The edits as a patch (the body's JSON only when it changed): built by the save queue when it saves. */
  const buildPatch = useCallback((): ArticlePatch => {
    const patch: ArticlePatch = { ...fieldsRef.current! }
    if (bodyChanged.current && bodyRef.current) patch.body = bodyRef.current.toJSON() as ArticlePatch['body']
    bodyChanged.current = false
    setLocalDirty(false)
    return patch
  }, [])

  // the save queue owns the autosave delay
  const schedule = useCallback(() => {
    setLocalDirty(true)
    queue.defer(id, buildPatch)
  }, [queue, id, buildPatch])

  const flush = useCallback(() => queue.flush(id), [queue, id])

  // the article being left is saved at once (the queue keeps it if the store refuses)
  useEffect(() => () => void queue.flush(id).catch(() => {}), [queue, id])

  useImperativeHandle(
    ref,
    () => ({
      flush,
      focusBody: () => editor.current?.focus(),
      runCommand: (id) => {
        const command = EDITOR_COMMANDS[id].run
        if (command) editor.current?.run(command)
        else openDialog(id as DialogCommandId)
      }
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [flush]
  )

  /** Photos kept by main go in at `pos`; refusals are reported by file; the first photo of an article becomes its featured one. */
  const addPhotos = (work: Promise<PhotosAdded>, pos?: number) => {
    const view = editor.current?.view()
    if (!view) return
    addPhotosAt(view, pos ?? view.state.selection.from, work).then((result) => {
      if (result.errors.length) reportError(t('photo.refused', { list: result.errors.map((e) => `${e.file}: ${e.error}`).join('; ') }))
      if (result.added.length && !fieldsRef.current?.featuredImage) change({ featuredImage: result.added[0].media })
    }, reportError)
  }

  const openDialog = (id: DialogCommandId) => {
    if (id === 'link') setLinkOpen(true)
    else addPhotos(api.choosePhotos())
  }

  const recount = useCallback(() => {
    clearTimeout(countTimer.current)
    countTimer.current = setTimeout(() => {
      const f = fieldsRef.current
      if (f) setCounts(countsOf(f.title, f.sapo, bodyRef.current ?? editor.current?.view()?.state.doc ?? null))
    }, 250)
  }, [])

  const change = (patch: Partial<MetaFields>) => {
    // "ready" with a placeholder left in, or a photo without caption or credit: ask first
    const blocking = patch.status === 'ready' ? problemsRef.current.filter((p) => p.rule === 'required' || p.rule === 'placeholder') : []
    if (blocking.length && !window.confirm(t('proof.readyConfirm', { count: blocking.length, list: blocking.slice(0, 5).map((p) => `• ${p.message}`).join('\n') }))) return
    const next = { ...fieldsRef.current!, ...patch }
    fieldsRef.current = next
    setFields(next)
    schedule()
    recount()
  }

  /** The article as being edited now, saved or not (for duplicate and conflict comparison). */
  const current = (): Article => ({ ...article!, ...fieldsRef.current!, body: (bodyRef.current?.toJSON() as Article['body'] | undefined) ?? article!.body })

  const ignored = useMemo(() => new Set(ignoredList ?? []), [ignoredList])
  const { problems, checked, recheck } = useProofreading({
    fields,
    body: () => bodyRef.current ?? editor.current?.view()?.state.doc ?? null,
    version,
    view: () => editor.current?.view() ?? null,
    settings: proofSettings,
    ignored,
    language: i18n.language === 'en' ? 'en' : 'vi'
  })
  problemsRef.current = problems

  /** Put a fix where its problem is: in the body (a step the journalist can undo) or in a field. */
  const fixProblems = (list: Array<[Problem, string]>) => {
    // the fields' fixes first, last first in each (an earlier one keeps its place)
    let working = { ...fieldsRef.current! }
    const patch: Partial<MetaFields> = {}
    for (const [p, s] of list.filter(([p]) => p.field !== 'body' && p.field !== 'caption').sort((a, b) => b[0].from - a[0].from)) {
      const fixed = applyFix(working, p, s)
      // typed in since the check: check again rather than fix the wrong place
      if (fixed === 'moved') return recheck()
      if (fixed) (Object.assign(patch, fixed), (working = { ...working, ...fixed }))
    }
    const view = editor.current?.view()
    const inBody = list.filter(([p]) => p.field === 'body' || p.field === 'caption')
    if (inBody.length && view) {
      // where each problem is now (other fixes or typing since the check moved it), last first
      const doc = view.state.doc
      const now = inBody.map(([p, s]) => ({ p, s, at: checked && proofRangeNow(view.state, checked, p.from, p.to) })).sort((a, b) => (b.at?.from ?? 0) - (a.at?.from ?? 0))
      // its text changed since the check: check again rather than fix the wrong place
      if (now.some(({ p, at }) => !at || doc.textBetween(at.from, Math.min(at.to, doc.content.size), '\n', '\uFFFC') !== p.text)) return recheck()
      const tr = view.state.tr
      for (const { s, at } of now) tr.insertText(s, at!.from, at!.to)
      view.dispatch(tr)
    }
    if (Object.keys(patch).length) change(patch)
  }
  const fixAll = (rule: ProofRule) => fixProblems(problems.filter((p) => p.rule === rule && p.suggestions.length).map((p) => [p, p.suggestions[0]]))
  /** Take the journalist to a problem: select it in the body or in its field. */
  const showProblem = (p: Problem) => {
    if (p.field === 'body' || p.field === 'caption') {
      const view = editor.current?.view()
      if (!view) return
      const to = Math.min(p.to, view.state.doc.content.size)
      view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, Math.min(p.from, to), to)).scrollIntoView())
      view.focus()
      return
    }
    const el = document.getElementById({ title: 'article-title', sapo: 'article-sapo', author: 'meta-author', source: 'meta-source', category: 'meta-category', tags: 'meta-tags' }[p.field]) as HTMLTextAreaElement | null
    el?.focus()
    if (el && 'setSelectionRange' in el && (p.field === 'title' || p.field === 'sapo')) el.setSelectionRange(p.from, p.to)
  }

  // one object per change, so that the preview's debounce restarts only when the article does
  const shown = useMemo(() => (article && fields ? { ...article, ...fields, updatedAt: savedAt ?? article.updatedAt } : null), [article, fields, savedAt])

  if (loadError) return <main className="editor-pane empty" role="alert">{loadError}</main>
  // a new article still loading: PendingArticle (beside) keeps taking what is typed
  if ((!article || !fields) && useDesk.getState().focusTitleOf === id && useDesk.getState().pending !== null) return null
  if (!article || !fields) return <main className="editor-pane empty">{t('app.loading')}</main>

  const trashed = props.trashed
  const save =
    localDirty ? { label: t('save.pending'), kind: 'pending' } :
    saveState.state === 'saving' ? { label: t('save.saving'), kind: 'saving' } :
    saveState.state === 'failed' ? { label: t('save.failed', { message: saveState.error }), kind: 'failed' } :
    { label: t('save.saved'), kind: 'saved' }
  const state = editorState
  const currentLink = state ? activeLink(state) : null

  return (
    <>
      <main className="editor-pane" aria-label={t('editor.body')}>
        <div className="article-actions">
          <Toolbar state={editorState} run={(c) => editor.current?.run(c)} onDialog={openDialog} disabled={trashed} />
          <div className="spacer" />
          <button type="button" onClick={() => void useDesk.getState().copyForCms()} title={commandLabel('copy-cms')}>
            {t('editor.copyCms')}
          </button>
          <button type="button" onClick={() => props.onDuplicate(current())}>{t('editor.duplicate')}</button>
          <button type="button" className="danger" onClick={() => props.onDelete(current())} disabled={trashed}>{t('editor.delete')}</button>
        </div>
        {findBar && (
          <FindBar
            mode={findBar}
            query={findQuery}
            onQuery={(query) => useDesk.getState().setFindQuery(query)}
            title={fields.title}
            sapo={fields.sapo}
            view={() => editor.current?.view() ?? null}
            onFields={change}
            onReplaceInList={(options, replacement) => setListReplace({ options, replacement })}
            onMode={(mode) => useDesk.getState().setFindBar(mode)}
            onClose={() => useDesk.getState().setFindBar(null)}
            notify={(text) => useDesk.getState().notify(text)}
          />
        )}
        {listReplace && <ReplaceInList {...listReplace} onClose={() => setListReplace(null)} />}
        {trashed && (
          <div className="banner" role="status">
            {t('editor.inTrash')} <button type="button" onClick={() => props.onRestore(article)}>{t('editor.restore')}</button>
          </div>
        )}
        {article.conflictOf && (
          <div className="banner conflict" role="status">
            {t('conflict.banner')}{' '}
            {conflictFile && (
              <strong data-testid="conflict-label">
                {t('conflict.label', { file: conflictFile, time: formatDateTime(article.createdAt, i18n.language === 'vi' ? 'vi' : 'en') })}
              </strong>
            )}{' '}
            <button type="button" onClick={() => setComparing(true)}>{t('conflict.compare')}</button>
          </div>
        )}
        {article.origin?.missing && (
          <div className="banner" role="status">
            {t('conflict.sourceMissing')} <code>{article.origin.file}</code>
          </div>
        )}
        {comparing && (
          <ConflictCompare
            copy={current()}
            onClose={() => setComparing(false)}
            onResolved={(openId) => {
              setComparing(false)
              props.onConflictResolved(openId)
            }}
          />
        )}
        <div className="page">
          <label htmlFor="article-title" className="sr-only">{t('editor.title')}</label>
          <textarea
            ref={titleField}
            id="article-title"
            data-article={article.id}
            className="title-field"
            rows={1}
            value={fields.title}
            readOnly={trashed}
            placeholder={t('editor.titlePlaceholder')}
            aria-invalid={titleLeft && !fields.title.trim()}
            onBlur={() => setTitleLeft(true)}
            onChange={(e) => change({ title: e.target.value.replace(/\n/g, ' ') })}
            onKeyDown={(e) => {
              if (e.key === 'Enter') (e.preventDefault(), document.getElementById('article-sapo')?.focus())
            }}
          />
          <label htmlFor="article-sapo" className="sr-only">{t('editor.sapo')}</label>
          <textarea
            ref={sapoField}
            id="article-sapo"
            className="sapo-field"
            rows={3}
            value={fields.sapo}
            readOnly={trashed}
            placeholder={t('editor.sapoPlaceholder')}
            aria-describedby="sapo-count"
            onChange={(e) => change({ sapo: e.target.value })}
            onKeyDown={(e) => {
              // the sapo is one paragraph: Enter goes on to the body
              if (e.key === 'Enter' && !e.nativeEvent.isComposing) (e.preventDefault(), editor.current?.focus())
            }}
          />
          <div id="sapo-count" className="counter">{t('editor.sapoCount', { count: [...fields.sapo].length })}</div>
          {article.origin && (
            <p className="origin-file" data-testid="origin-file">
              {t('editor.followsFile')} <code>{article.origin.file}</code>{' '}
              <button type="button" className="link-button" onClick={() => void api.revealDraft(article.id).catch(reportError)}>
                {t('editor.revealFile')}
              </button>
            </p>
          )}
          <RelatedHeadlines value={fields.related} disabled={trashed} onChange={(related) => change({ related })} />
          <BodyEditor
            ref={editor}
            docKey={article.id}
            doc={article.body}
            label={t('editor.body')}
            readOnly={trashed}
            onState={setEditorState}
            onChange={(doc) => {
              bodyRef.current = doc
              bodyChanged.current = true
              setVersion((v) => v + 1)
              schedule()
              recount()
            }}
            onDialog={openDialog}
            featuredImage={fields.featuredImage}
            onFeatured={(featuredImage) => change({ featuredImage })}
            onPhotoFiles={(files, pos) =>
              addPhotos(
                Promise.all(files.map(async (f) => api.addPhoto(f.name || 'anh-dan.png', await fileToBase64(f)))).then((all) => ({
                  added: all.flatMap((r) => r.added),
                  errors: all.flatMap((r) => r.errors)
                })),
                pos
              )
            }
          />
        </div>
        {versions && <VersionsDialog key={`${versions.from}>${versions.to}`} id={id} from={versions.from} to={versions.to} onClose={() => useDesk.getState().closeVersions()} />}
        {linkOpen && state && (
          <LinkDialog
            initial={currentLink ?? ''}
            hasSelection={!state.selection.empty}
            onApply={(href) => {
              editor.current?.run(setLink(href))
              setLinkOpen(false)
            }}
            onRemove={() => {
              editor.current?.run(setLink(null))
              setLinkOpen(false)
            }}
            onClose={() => {
              setLinkOpen(false)
              editor.current?.focus()
            }}
          />
        )}
      </main>
      <aside className="side-pane">
        <ProofPanel
          problems={problems}
          open={proofOpen}
          onToggle={(open) => useDesk.getState().setProofOpen(open)}
          onFix={(p, s) => fixProblems([[p, s]])}
          onFixAll={fixAll}
          onAddWord={(word) => void useDesk.getState().addToDictionary(word)}
          onIgnore={(p) => useDesk.getState().ignoreProblem(id, ignoreKey(p))}
          onShow={showProblem}
        />
        <MetadataForm fields={fields} titleLeftEmpty={titleLeft} suggestions={props.suggestions} disabled={trashed} onChange={change} onAddCategory={props.onAddCategory} />
        <RevisionsPanel id={id} savedAt={savedAt} onRestore={props.onRestoreRevision} />
        {shown && props.side?.(shown, bodyRef.current, version)}
      </aside>
      <footer className="status-bar" aria-label="status">
        <span data-testid="word-count">{t('statusbar.words', { count: counts.words })}</span>
        <span>{t('statusbar.chars', { count: counts.chars })}</span>
        <span>{t('statusbar.minutes', { count: readingMinutes(counts.words) })}</span>
        <button type="button" className="link-button proof-count" data-testid="proof-count" onClick={() => useDesk.getState().setProofOpen(true)}>
          {t('proof.count', { count: problems.length })}
        </button>
        <span className="spacer" />
        <ExportedSince id={id} savedAt={savedAt} />
        <span className={`save-state ${save.kind}`} role="status" data-testid="save-state" data-state={save.kind}>
          {save.label}
        </span>
        {saveState.state === 'failed' && (
          <button type="button" onClick={() => void queue.retry(id)}>{t('save.retry')}</button>
        )}
      </footer>
    </>
  )
})

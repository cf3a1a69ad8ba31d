/**
 * Find and replace in the open article (Ctrl/Cmd+F, Ctrl/Cmd+H): the title, the sapo and the body with its
 * captions; match case, whole word, regular expression, and without accents ("dang vien" finds "đảng
 * viên"). Matches in the body are highlighted; Enter goes to the next, Shift+Enter to the previous; a
 * replacement in the body is a step of the editor's undo. "In the whole list…" replaces across the list.
 */
import type { EditorView } from 'prosemirror-view'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { findIn, replaceAll, replacementFor, searchPattern, type FindOptions } from '../../../shared/find'
import { bodySegments } from '../../../shared/proof/segments'
import { setHighlights } from './highlights'

interface Match {
  field: 'title' | 'sapo' | 'body'
  /** In the title or sapo, offsets; in the body, the document's positions. */
  from: number
  to: number
  /** The text the match was found in (the field, or the body's block), and the match's offsets there. */
  found: { text: string; from: number; to: number }
}

/** What the bar looks for and replaces with. */
export interface FindQuery {
  options: FindOptions
  replacement: string
}

interface Props {
  mode: 'find' | 'replace'
  /** Kept by the caller: it outlives the bar (the article opened again after a replace in the list). */
  query: FindQuery
  onQuery: (query: FindQuery) => void
  title: string
  sapo: string
  view: () => EditorView | null
  onFields: (patch: { title?: string; sapo?: string }) => void
  onReplaceInList: (options: FindOptions, replacement: string) => void
  onMode: (mode: 'find' | 'replace') => void
  onClose: () => void
  notify: (text: string) => void
}

export function FindBar(props: Props) {
  const { t } = useTranslation()
  const { options, replacement } = props.query
  const setOptions = (next: FindOptions) => props.onQuery({ options: next, replacement })
  const setReplacement = (next: string) => props.onQuery({ options, replacement: next })
  const [current, setCurrent] = useState(0)
  const input = useRef<HTMLInputElement>(null)
  useEffect(() => input.current?.select(), [props.mode])

  const pattern = useMemo(() => (options.find ? searchPattern(options) : null), [options])
  // the body as it is now (none until its editor is made): a new one, and the matches are found again
  const doc = props.view()?.state.doc
  const matches = useMemo((): Match[] => {
    if (!(pattern instanceof RegExp)) return []
    const out: Match[] = (['title', 'sapo'] as const).flatMap((field) => findIn(props[field], pattern, options).map((m) => ({ field, ...m, found: { text: props[field], ...m } })))
    for (const s of doc ? bodySegments(doc) : []) for (const m of findIn(s.text, pattern, options)) out.push({ field: 'body', from: s.pos(m.from), to: s.pos(m.from) + (m.to - m.from), found: { text: s.text, ...m } })
    return out
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pattern, props.title, props.sapo, doc])
  const at = matches.length ? Math.min(current, matches.length - 1) : -1

  // the body's matches highlighted, the current one stronger and in view
  useEffect(() => {
    const view = props.view()
    if (!view) return
    view.dispatch(setHighlights(view.state.tr, 'find', matches.flatMap((m, i) => (m.field === 'body' ? [{ from: m.from, to: m.to, className: i === at ? 'find-match find-current' : 'find-match' }] : []))))
    const m = matches[at]
    if (m?.field === 'body') view.domAtPos(m.from).node.parentElement?.scrollIntoView?.({ block: 'center' })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [matches, at])
  useEffect(
    () => () => {
      const view = props.view()
      if (view) view.dispatch(setHighlights(view.state.tr, 'find', []))
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    []
  )

  const step = (by: number) => matches.length && setCurrent((at + by + matches.length) % matches.length)
  const replacing = (m: Match, p: RegExp) => replacementFor(m.found.text, m.found.from, m.found.to, p, options, replacement)

  const replaceOne = () => {
    const m = matches[at]
    if (!m || !(pattern instanceof RegExp)) return
    const by = replacing(m, pattern)
    if (m.field === 'body') {
      const view = props.view()!
      view.dispatch(view.state.tr.insertText(by, m.from, m.to))
    } else props.onFields({ [m.field]: props[m.field].slice(0, m.from) + by + props[m.field].slice(m.to) })
  }
  const replaceEvery = () => {
    if (!(pattern instanceof RegExp) || !matches.length) return
    const view = props.view()
    const inBody = matches.filter((m) => m.field === 'body').reverse()
    if (view && inBody.length) {
      const tr = view.state.tr
      for (const m of inBody) tr.insertText(replacing(m, pattern), m.from, m.to)
      view.dispatch(tr)
    }
    const patch: { title?: string; sapo?: string } = {}
    for (const f of ['title', 'sapo'] as const) {
      const r = replaceAll(props[f], pattern, options, replacement)
      if (r.count) patch[f] = r.text
    }
    if (Object.keys(patch).length) props.onFields(patch)
    props.notify(t('find.replaced', { count: matches.length }))
  }

  const toggle = (key: 'matchCase' | 'wholeWord' | 'regex' | 'accentInsensitive', label: string, short: string) => (
    <button type="button" className="find-toggle" aria-pressed={!!options[key]} title={label} aria-label={`${short} — ${label}`} onClick={() => (setOptions({ ...options, [key]: !options[key] }), setCurrent(0))}>
      {short}
    </button>
  )
  const where = matches[at] ? t(`find.in.${matches[at].field}`) : ''

  return (
    <div
      className="find-bar"
      role="search"
      aria-label={t('find.title')}
      onKeyDown={(e) => {
        if (e.key === 'Escape') (e.preventDefault(), props.onClose(), props.view()?.focus())
      }}
    >
      <div className="find-row">
        <input
          ref={input}
          type="search"
          aria-label={t('find.find')}
          placeholder={t('find.find')}
          value={options.find}
          onChange={(e) => (setOptions({ ...options, find: e.target.value }), setCurrent(0))}
          onKeyDown={(e) => {
            if (e.key === 'Enter') (e.preventDefault(), step(e.shiftKey ? -1 : 1))
          }}
        />
        {toggle('matchCase', t('find.matchCase'), 'Aa')}
        {toggle('wholeWord', t('find.wholeWord'), 'W')}
        {toggle('regex', t('find.regex'), '.*')}
        {toggle('accentInsensitive', t('find.accents'), 'ă≈a')}
        <span className="find-count" role="status" data-testid="find-count">
          {pattern && !(pattern instanceof RegExp) ? pattern.error : options.find ? (matches.length ? t('find.count', { at: at + 1, total: matches.length, where }) : t('find.none')) : ''}
        </span>
        <button type="button" onClick={() => step(-1)} disabled={!matches.length} aria-label={t('find.previous')}>↑</button>
        <button type="button" onClick={() => step(1)} disabled={!matches.length} aria-label={t('find.next')}>↓</button>
        {props.mode === 'find' && <button type="button" onClick={() => props.onMode('replace')}>{t('find.showReplace')}</button>}
        <button type="button" onClick={() => (props.onClose(), props.view()?.focus())} aria-label={t('find.close')}>✕</button>
      </div>
      {props.mode === 'replace' && (
        <div className="find-row">
          <input type="text" aria-label={t('find.replaceWith')} placeholder={t('find.replaceWith')} value={replacement} onChange={(e) => setReplacement(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), replaceOne())} />
          <button type="button" onClick={replaceOne} disabled={!matches.length}>{t('find.replace')}</button>
          <button type="button" onClick={replaceEvery} disabled={!matches.length}>{t('find.replaceAll')}</button>
          <button type="button" onClick={() => pattern instanceof RegExp && props.onReplaceInList(options, replacement)} disabled={!(pattern instanceof RegExp)}>
            {t('find.inList')}
          </button>
        </div>
      )}
    </div>
  )
}


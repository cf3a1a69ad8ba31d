/** The article list: folded search, filters, sort, and virtualised rows (only what is on screen is in the DOM). */
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ArticleMeta } from '../../../shared/article'
import type { ListQuery, Suggestions } from '../../../shared/contract'
import { useArticlePages } from './useArticlePages'
import { mediaUrl } from '../editor/photos'
import { useDesk } from '../app/desk-store'
import { formatDate } from '../../../shared/dates'
import { api } from '../api'

interface Props {
  query: ListQuery
  onQuery: (q: ListQuery) => void
  refreshKey: number
  selectedId: string | null
  onSelect: (id: string) => void
  /** Articles picked for a batch (Ctrl/Cmd+click, or Space on the open one). */
  checked: ReadonlySet<string>
  onToggle: (id: string) => void
  suggestions: Suggestions
}

const ROW_HEIGHT = 64

function formatTime(iso: string, lang: string): string {
  const d = new Date(iso)
  const locale = lang === 'vi' ? 'vi-VN' : 'en-GB'
  const today = new Date().toDateString() === d.toDateString()
  return today ? d.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' }) : d.toLocaleDateString(locale, { day: '2-digit', month: '2-digit', year: '2-digit' })
}

export function ArticleList(props: Props) {
  const { query, onQuery, refreshKey, selectedId, onSelect, suggestions, checked, onToggle } = props
  const { t, i18n } = useTranslation()
  const { total, row, loaded, error, retry } = useArticlePages(query, refreshKey)
  const searchProgress = useDesk((s) => s.searchProgress)
  const scroller = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 6 })

  const set = (patch: Partial<ListQuery>) => onQuery({ ...query, ...patch })

  // is the article open in the editor left out by the search or filters? then the list says so
  const [openHidden, setOpenHidden] = useState(false)
  const filtered = !!(query.query || query.category || query.tag || query.status)
  useEffect(() => {
    let stale = false
    if (!selectedId || !filtered) return setOpenHidden(false)
    api.list({ ...query, offset: 0, limit: 0, locate: selectedId }).then(
      (r) => !stale && setOpenHidden(r.located === -1),
      () => !stale && setOpenHidden(false)
    )
    return () => {
      stale = true
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [JSON.stringify(query), selectedId, refreshKey, filtered])

  /** The article the keys last moved to (the selection itself follows once the editor has saved). */
  const movedTo = useRef<string | null>(null)
  const move = (delta: number) => {
    const index = Math.max(0, Math.min(total - 1, (selectedIndex() ?? -1) + delta))
    const m = row(index)
    if (m) {
      movedTo.current = m.id
      onSelect(m.id)
      virtualizer.scrollToIndex(index)
    }
  }
  const selectedIndex = () => {
    for (const item of virtualizer.getVirtualItems()) if (row(item.index)?.id === selectedId) return item.index
    return null
  }

  return (
    <nav className="list-pane" aria-label={t('list.label')}>
      <div className="list-filters">
        <input
          id="list-search"
          type="search"
          className="search"
          aria-label={t('list.search')}
          placeholder={t('list.search')}
          value={query.query ?? ''}
          onChange={(e) => set({ query: e.target.value })}
        />
        <div className="filter-row">
          <select aria-label={t('list.allCategories')} value={query.category ?? ''} onChange={(e) => set({ category: e.target.value || undefined })}>
            <option value="">{t('list.allCategories')}</option>
            {suggestions.categories.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
          <select aria-label={t('list.allTags')} value={query.tag ?? ''} onChange={(e) => set({ tag: e.target.value || undefined })}>
            <option value="">{t('list.allTags')}</option>
            {suggestions.tags.slice(0, 200).map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </div>
        <div className="filter-row">
          <select aria-label={t('list.allStatuses')} value={query.status ?? ''} onChange={(e) => set({ status: (e.target.value || undefined) as ListQuery['status'] })}>
            <option value="">{t('list.allStatuses')}</option>
            <option value="draft">{t('status.draft')}</option>
            <option value="ready">{t('status.ready')}</option>
          </select>
          <select aria-label={t('list.sortUpdated')} value={query.sort ?? 'updated'} onChange={(e) => set({ sort: e.target.value as ListQuery['sort'] })}>
            <option value="updated">{t('list.sortUpdated')}</option>
            <option value="date">{t('list.sortDate')}</option>
            <option value="title">{t('list.sortTitle')}</option>
          </select>
        </div>
        <p className="list-count" aria-live="polite" data-testid="list-count">
          {query.query && searchProgress
            ? t('list.indexing', { percent: Math.floor((100 * searchProgress.done) / searchProgress.total) })
            : loaded
              ? t('list.count', { count: total })
              : ''}
        </p>
        {openHidden && (
          <p className="list-hidden" role="status" data-testid="open-hidden">
            {t('list.openHidden')}{' '}
            <button type="button" onClick={() => onQuery({ sort: query.sort, query: undefined, category: undefined, tag: undefined, status: undefined })}>
              {t('list.clearFilters')}
            </button>
          </p>
        )}
      </div>
      <div
        ref={scroller}
        className="list-scroller"
        role="listbox"
        aria-label={t('list.label')}
        tabIndex={0}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') (e.preventDefault(), move(1))
          else if (e.key === 'ArrowUp') (e.preventDefault(), move(-1))
          else if (e.key === ' ' && selectedId) (e.preventDefault(), onToggle(selectedId))
          // Enter opens the article in the editor: its title takes the focus
          else if (e.key === 'Enter' && (movedTo.current ?? selectedId)) (e.preventDefault(), useDesk.getState().focusTitle((movedTo.current ?? selectedId)!))
        }}
      >
        {error && (
          <div className="list-error" role="alert">
            {t('list.loadError', { message: error })}{' '}
            <button type="button" onClick={retry}>
              {t('list.retry')}
            </button>
          </div>
        )}
        {loaded && !error && total === 0 && <p className="list-empty">{t('list.empty')}</p>}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const m: ArticleMeta | undefined = row(item.index)
            return (
              <div
                key={item.key}
                role="option"
                aria-selected={!!m && m.id === selectedId}
                className={['list-row', m && m.id === selectedId ? 'selected' : '', m && checked.has(m.id) ? 'checked' : ''].join(' ').trim()}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                onClick={(e) => m && (e.ctrlKey || e.metaKey ? onToggle(m.id) : onSelect(m.id))}
                data-id={m?.id}
              >
                {m ? (
                  <>
                    {m.featuredImage && <img className="row-thumb" src={mediaUrl(m.featuredImage)} alt="" loading="lazy" decoding="async" />}
                    <div className="row-title">
                      {checked.has(m.id) && <span className="check" aria-label={t('list.checked')}>✓ </span>}
                      {m.title || t('list.untitled')}
                    </div>
                    <div className="row-meta">
                      <span className={`badge ${m.status}`}>{t(`status.${m.status}`)}</span>
                      {m.conflictOf && <span className="badge conflict">{t('list.conflict')}</span>}
                      {m.sourceMissing && <span className="badge missing">{t('list.sourceMissing')}</span>}
                      <span>{m.category || '—'}</span>
                      {m.date && <span>{formatDate(m.date, i18n.language === 'vi' ? 'vi' : 'en')}</span>}
                      <span className="row-updated">{formatTime(m.updatedAt, i18n.language)}</span>
                    </div>
                  </>
                ) : (
                  <div className="row-title placeholder">…</div>
                )}
              </div>
            )
          })}
        </div>
      </div>
    </nav>
  )
}

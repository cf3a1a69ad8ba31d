/**
 * Replace across the list (the list's search and filters are the scope): first what would change in each
 * article, a few replacements in context; then, on confirmation, every article changed at once, each
 * keeping the text before as a revision (so each can be undone on its own).
 */
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { StoreReplaceResult } from '../../../shared/contract'
import type { FindOptions } from '../../../shared/find'
import { api } from '../api'
import { useDesk } from '../app/desk-store'
import { reportError } from '../app/errors'
import { Modal } from '../app/Modal'

export function ReplaceInList({ options, replacement, onClose }: { options: FindOptions; replacement: string; onClose: () => void }) {
  const { t } = useTranslation()
  const [preview, setPreview] = useState<StoreReplaceResult | null>(null)
  const [busy, setBusy] = useState(false)
  const query = useDesk((s) => s.query)
  useEffect(() => {
    let cancelled = false
    void useDesk
      .getState()
      .flushEditor()
      .then(() => api.replaceInList(query, options, replacement, true))
      .then((r) => !cancelled && setPreview(r), reportError)
    return () => void (cancelled = true)
  }, [query, options, replacement])

  const apply = async () => {
    setBusy(true)
    try {
      const desk = useDesk.getState()
      await desk.flushEditor()
      const done = await api.replaceInList(query, options, replacement, false)
      desk.reloadArticle()
      desk.invalidateList()
      // an article that could not be changed (damaged, or saved meanwhile again and again) is named with why
      const titleOf = (id: string) => preview?.changed.find((c) => c.id === id)?.title
      const failed = done.errors.map((e) => (titleOf(e.id) ? `${titleOf(e.id)} (${e.error})` : e.error)).join('; ')
      desk.notify(failed ? t('find.listDoneWithErrors', { count: done.total, articles: done.changed.length, failed }) : t('find.listDone', { count: done.total, articles: done.changed.length }))
      onClose()
    } catch (err) {
      reportError(err)
      setBusy(false)
    }
  }

  return (
    <Modal onClose={onClose} labelledBy="replace-list-title">
      <div className="dialog replace-list">
        <h2 id="replace-list-title">{t('find.listTitle')}</h2>
        <p>
          <q>{options.find}</q> → <q>{replacement}</q>
        </p>
        {!preview ? (
          <p className="muted">{t('app.loading')}</p>
        ) : (
          <>
            <p data-testid="replace-preview-summary">{t('find.listPreview', { count: preview.total, articles: preview.changed.length })}</p>
            <ul className="replace-preview">
              {preview.changed.map((c) => (
                <li key={c.id}>
                  <strong>{c.title || t('list.untitled')}</strong> <span className="muted">({c.count})</span>
                  {c.samples.map((s, i) => (
                    <div key={i} className="replace-sample">
                      <del>{s.before}</del>
                      <ins>{s.after}</ins>
                    </div>
                  ))}
                </li>
              ))}
            </ul>
          </>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>{t('link.cancel')}</button>
          <button type="button" className="primary" disabled={!preview?.total || busy} onClick={() => void apply()}>
            {t('find.listApply', { count: preview?.changed.length ?? 0 })}
          </button>
        </div>
      </div>
    </Modal>
  )
}

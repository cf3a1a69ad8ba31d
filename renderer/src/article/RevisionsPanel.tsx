/**
 * Earlier versions of the open article, newest first, each with its word count, why it was kept and the
 * first words of what changed after it; each can be compared with now (or any other version), previewed
 * (the exported page, as it was), and restored (the current text becomes a revision too).
 */
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RevisionInfo } from '../../../shared/contract'
import { api } from '../api'
import { formatDateTime } from '../../../shared/dates'
import { Modal } from '../app/Modal'
import { useDesk } from '../app/desk-store'
import { reportError } from '../app/errors'
import { previewHtml } from '../preview/Preview'

interface Props {
  id: string
  /** Changes when the article is saved, so the list refreshes. */
  savedAt: string | undefined
  onRestore: (revisionId: string) => void
}

export function RevisionsPanel({ id, savedAt, onRestore }: Props) {
  const { t, i18n } = useTranslation()
  const [revisions, setRevisions] = useState<RevisionInfo[]>([])
  const [previewing, setPreviewing] = useState<{ revision: RevisionInfo; html: string } | null>(null)
  const language = i18n.language === 'vi' ? 'vi' : 'en'
  const preview = (revision: RevisionInfo) =>
    api.revision(id, revision.id).then((article) => setPreviewing({ revision, html: previewHtml(article, null) }), reportError)
  useEffect(() => {
    void api.revisions(id).then(setRevisions, () => setRevisions([]))
  }, [id, savedAt])
  return (
    <details className="revisions">
      <summary>{t('revisions.title', { count: revisions.length })}</summary>
      {revisions.length === 0 ? (
        <p className="muted">{t('revisions.none')}</p>
      ) : (
        <ul>
          {revisions.map((r) => (
            <li key={r.id}>
              <div className="revision-info">
                <span>{formatDateTime(r.savedAt, language)}</span>
                <span className="muted">
                  {t('statusbar.words', { count: r.words })} · {t(`revisions.reason.${r.reason}`)}
                </span>
                {r.changed && <span className="revision-changed">{r.changed}</span>}
              </div>
              <button type="button" onClick={() => void useDesk.getState().compareVersions(r.id)}>
                {t('revisions.compare')}
              </button>
              <button type="button" onClick={() => void preview(r)}>
                {t('revisions.preview')}
              </button>
              <button type="button" onClick={() => onRestore(r.id)}>
                {t('revisions.restore')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {previewing && (
        <Modal onClose={() => setPreviewing(null)} labelledBy="revision-preview-title">
          <div className="dialog compare">
            <h2 id="revision-preview-title">{t('revisions.previewTitle', { time: formatDateTime(previewing.revision.savedAt, language) })}</h2>
            <iframe title={t('revisions.previewTitle', { time: formatDateTime(previewing.revision.savedAt, language) })} sandbox="" srcDoc={previewing.html} className="revision-frame" />
            <div className="dialog-actions">
              <button type="button" onClick={() => setPreviewing(null)}>{t('link.cancel')}</button>
              <button type="button" className="primary" onClick={() => (setPreviewing(null), onRestore(previewing.revision.id))}>
                {t('revisions.restore')}
              </button>
            </div>
          </div>
        </Modal>
      )}
    </details>
  )
}

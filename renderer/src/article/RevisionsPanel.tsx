/** Earlier versions of the open article, newest first, each restorable (the current text becomes a revision too). */
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RevisionInfo } from '../../../shared/contract'
import { api } from '../api'
import { formatDateTime } from '../../../shared/dates'

interface Props {
  id: string
  /** Changes when the article is saved, so the list refreshes. */
  savedAt: string | undefined
  onRestore: (revisionId: string) => void
}

export function RevisionsPanel({ id, savedAt, onRestore }: Props) {
  const { t, i18n } = useTranslation()
  const [revisions, setRevisions] = useState<RevisionInfo[]>([])
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
              <span>{formatDateTime(r.savedAt, i18n.language === 'vi' ? 'vi' : 'en')}</span>
              <button type="button" onClick={() => onRestore(r.id)}>
                {t('revisions.restore')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </details>
  )
}

/** A sync conflict side by side: the app's version and the file's, each as it would be exported; keep one or both. */
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Article } from '../../../shared/article'
import { api } from '../api'
import { previewHtml } from '../preview/Preview'
import { Modal } from '../app/Modal'
import { useDesk } from '../app/desk-store'

interface Props {
  copy: Article
  onClose: () => void
  onResolved: (openId: string) => void
}

export function ConflictCompare({ copy, onClose, onResolved }: Props) {
  const { t } = useTranslation()
  const [original, setOriginal] = useState<Article | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    api.get(copy.conflictOf!).then(setOriginal, (err: Error) => setError(err.message))
  }, [copy.conflictOf])

  const keep = async (choice: 'app' | 'file' | 'both') => {
    try {
      await api.resolveConflict(copy.id, choice)
      // keeping both detaches the file's version from the file: say so
      if (choice === 'both') useDesk.getState().notify(t('conflict.keptBoth', { file: original?.origin?.file ?? copy.origin?.file ?? '' }))
      onResolved(choice === 'both' ? copy.id : copy.conflictOf!)
    } catch (err) {
      setError((err as Error).message)
    }
  }

  return (
    <Modal onClose={onClose} labelledBy="compare-title">
      <div className="dialog compare">
        <h2 id="compare-title">{t('conflict.compare')}</h2>
        {error && <p className="field-error" role="alert">{error}</p>}
        <div className="compare-columns">
          <section aria-label={t('conflict.app')}>
            <h3>{t('conflict.app')}</h3>
            {original && <iframe title={t('conflict.app')} sandbox="" srcDoc={previewHtml(original, null)} />}
          </section>
          <section aria-label={t('conflict.file')}>
            <h3>{t('conflict.file')}</h3>
            <iframe title={t('conflict.file')} sandbox="" srcDoc={previewHtml(copy, null)} />
          </section>
        </div>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>{t('link.cancel')}</button>
          <button type="button" onClick={() => void keep('app')} disabled={!original}>{t('conflict.keepApp')}</button>
          <button type="button" onClick={() => void keep('file')} disabled={!original}>{t('conflict.keepFile')}</button>
          <button type="button" className="primary" onClick={() => void keep('both')}>{t('conflict.keepBoth')}</button>
        </div>
      </div>
    </Modal>
  )
}

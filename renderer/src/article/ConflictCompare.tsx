/**
 * A sync conflict: the app's version and the file's, compared word by word (the compare view of the
 * versions dialog). Keep one, keep both, or take the file's changes one by one into the app's version and
 * keep the result.
 */
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { editableFields, type Article } from '../../../shared/article'
import { composeArticle, diffArticles } from '../../../shared/diff'
import { api } from '../api'
import { Modal } from '../app/Modal'
import { useDesk } from '../app/desk-store'
import { CompareView } from '../compare/CompareView'

interface Props {
  copy: Article
  onClose: () => void
  onResolved: (openId: string) => void
}

export function ConflictCompare({ copy, onClose, onResolved }: Props) {
  const { t } = useTranslation()
  const [original, setOriginal] = useState<Article | null>(null)
  const [error, setError] = useState<string | null>(null)
  /** The file's changes taken into the app's version. */
  const [taken, setTaken] = useState<ReadonlySet<number>>(new Set())
  useEffect(() => {
    api.get(copy.conflictOf!).then(setOriginal, (err: Error) => setError(err.message))
  }, [copy.conflictOf])
  const diff = useMemo(() => original && diffArticles(editableFields(original), editableFields(copy), { unchanged: true }), [original, copy])

  const keep = async (choice: 'app' | 'file' | 'both' | 'merge') => {
    try {
      if (choice === 'merge') await api.resolveConflict(copy.id, 'merge', composeArticle(diff!, (c) => taken.has(c)))
      else await api.resolveConflict(copy.id, choice)
      // keeping both detaches the file's version from the file: say so
      if (choice === 'both') useDesk.getState().notify(t('conflict.keptBoth', { file: original?.origin?.file ?? copy.origin?.file ?? '' }))
      if (choice === 'merge') useDesk.getState().notify(t('conflict.merged', { count: taken.size }))
      onResolved(choice === 'both' ? copy.id : copy.conflictOf!)
    } catch (err) {
      setError((err as Error).message)
    }
  }
  const toggle = (change: number) =>
    setTaken((s) => {
      const next = new Set(s)
      if (!next.delete(change)) next.add(change)
      return next
    })

  return (
    <Modal onClose={onClose} labelledBy="compare-title">
      <div className="dialog compare">
        <h2 id="compare-title">{t('conflict.compare')}</h2>
        <p className="muted">{t('conflict.mergeHint')}</p>
        {error && <p className="field-error" role="alert">{error}</p>}
        {diff ? (
          <CompareView diff={diff} names={{ before: t('conflict.app'), after: t('conflict.file') }} action={{ label: t('conflict.takeChange'), pressed: (c) => taken.has(c), run: toggle }} />
        ) : (
          !error && <p className="muted">{t('app.loading')}</p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>{t('link.cancel')}</button>
          <button type="button" onClick={() => void keep('app')} disabled={!original}>{t('conflict.keepApp')}</button>
          <button type="button" onClick={() => void keep('file')} disabled={!original}>{t('conflict.keepFile')}</button>
          <button type="button" onClick={() => void keep('both')}>{t('conflict.keepBoth')}</button>
          <button type="button" className="primary" data-testid="keep-merged" onClick={() => void keep('merge')} disabled={!diff || taken.size === 0}>
            {t('conflict.keepMerged', { count: taken.size })}
          </button>
        </div>
      </div>
    </Modal>
  )
}

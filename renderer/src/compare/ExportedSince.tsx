/** In the status bar: when the open article was last exported, and whether it changed since (with a button to see what). */
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ExportedInfo } from '../../../shared/contract'
import { formatDateTime } from '../../../shared/dates'
import { api } from '../api'
import { useDesk } from '../app/desk-store'

export function ExportedSince({ id, savedAt }: { id: string; savedAt: string | undefined }) {
  const { t, i18n } = useTranslation()
  const [last, setLast] = useState<ExportedInfo | null>(null)
  // an export is recorded in main: read again when the article is saved, and after each export
  const exports = useDesk((s) => s.exportsVersion)
  useEffect(() => {
    let cancelled = false
    api.exported(id).then((list) => !cancelled && setLast(list[0] ?? null), () => !cancelled && setLast(null))
    return () => void (cancelled = true)
  }, [id, savedAt, exports])
  if (!last) return null
  const when = { format: last.format.toUpperCase(), time: formatDateTime(last.at, i18n.language === 'vi' ? 'vi' : 'en') }
  if (!last.changed) return <span className="exported muted" data-testid="exported-since">{t('compare.exportedUnchanged', when)}</span>
  return (
    <span className="exported changed" data-testid="exported-since">
      {t('compare.changedSince', when)}{' '}
      <button type="button" className="link-button" onClick={() => void useDesk.getState().compareVersions(`exported:${last.format}`)}>
        {t('compare.whatChanged')}
      </button>
    </span>
  )
}

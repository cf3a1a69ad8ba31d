/** The drafts-folder sync at the bottom of the window: folder, last pass, counts, and its errors and conflicts. */
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SyncStatus } from '../../../shared/contract'
import { api } from '../api'
import { reportError } from './errors'
import { useCommandLabel } from '../commands/labels'

interface Props {
  status: SyncStatus | null
  onStatus: (s: SyncStatus) => void
  onOpen: (id: string) => void
}

export function SyncBar({ status, onStatus, onOpen }: Props) {
  const { t, i18n } = useTranslation()
  const label = useCommandLabel()
  const [open, setOpen] = useState(false)
  const toggle = useRef<HTMLButtonElement>(null)
  const popover = useRef<HTMLDivElement>(null)
  /** Close the popover and give the focus back to its button. */
  const close = () => {
    setOpen(false)
    toggle.current?.focus()
  }
  // open: the focus moves in; a click anywhere else closes it
  useEffect(() => {
    if (!open) return
    popover.current?.focus()
    const outside = (e: MouseEvent) => {
      if (!popover.current?.contains(e.target as Node) && !toggle.current?.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener('mousedown', outside)
    return () => document.removeEventListener('mousedown', outside)
  }, [open])
  const last = status?.last
  // conflicts still open (settled or trashed copies are not offered), errors of the last pass
  const open_ = status?.openConflicts ?? []
  const problems = (last?.errors.length ?? 0) + open_.length + (status?.error ? 1 : 0)
  const time = status?.lastRunAt ? new Date(status.lastRunAt).toLocaleTimeString(i18n.language === 'vi' ? 'vi-VN' : 'en-GB') : null

  return (
    <footer className="sync-bar" aria-label={t('sync.title')}>
      <span className="sync-folder" title={status?.folder ?? ''}>
        {status?.folder ? `${t('sync.folder')}: ${status.folder}` : t('sync.noFolder')}
      </span>
      <button type="button" onClick={() => void api.chooseDraftsFolder().then(onStatus, reportError)}>
        {t('sync.choose')}
      </button>
      {status?.folder && (
        <>
          <button type="button" onClick={() => void api.syncNow().catch(reportError)} disabled={status.running} title={label('sync-now')}>
            {t('sync.now')}
          </button>
          <button type="button" onClick={() => void api.stopSync().then(onStatus, reportError)}>
            {t('sync.stop')}
          </button>
        </>
      )}
      <span className="spacer" />
      <span role="status" data-testid="sync-status">
        {status?.running
          ? t('sync.running')
          : time && last
            ? t('sync.summary', { time, created: last.created.length, updated: last.updated.length, conflicts: t('sync.conflictCount', { count: open_.length }), errors: t('sync.errorCount', { count: last.errors.length }) })
            : ''}
      </span>
      {problems > 0 && (
        <button ref={toggle} type="button" className="warn" aria-expanded={open} onClick={() => setOpen(!open)}>
          {t('sync.problems', { count: problems })}
        </button>
      )}
      {open && (
        <div
          ref={popover}
          className="sync-popover"
          role="region"
          tabIndex={-1}
          aria-label={t('sync.problemsTitle')}
          onKeyDown={(e) => {
            if (e.key === 'Escape') (e.preventDefault(), close())
          }}
        >
          {status?.error && <p className="field-error">{status.error}</p>}
          {open_.map((c) => (
            <p key={c.conflictId}>
              {t('sync.conflictWith')} <code>{c.file}</code>{' '}
              <button type="button" onClick={() => onOpen(c.conflictId)}>
                {t('sync.openConflict')}
              </button>
            </p>
          ))}
          {last?.errors.map((e) => (
            <p key={e.file}>
              <code>{e.file}</code>: {e.error}
            </p>
          ))}
        </div>
      )}
    </footer>
  )
}

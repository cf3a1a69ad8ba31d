/**
 * Export controls: one article or the current list, in HTML, Markdown or ninjs; the update note of an
 * article changed since it was last exported; progress, then a summary.
 */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ExportFormat, ExportResult } from '../../../shared/contract'
import { Modal } from './Modal'

export function ExportSummary({ result, onClose }: { result: ExportResult; onClose: () => void }) {
  const { t } = useTranslation()
  return (
    <Modal onClose={onClose} labelledBy="export-summary-title">
      <div className="dialog">
        <h2 id="export-summary-title">{t('export.summary')}</h2>
        <p data-testid="export-summary">
          {t('export.written', { count: result.written.length })} · {t('export.skipped', { count: result.skipped.length })} · {t('export.failed', { count: result.failed.length })}
        </p>
        {result.stopped && <p data-testid="export-stopped">{t('export.stopped')}</p>}
        {result.remoteImagesOmitted > 0 && <p data-testid="export-remote-omitted">{t('export.remoteOmitted', { count: result.remoteImagesOmitted })}</p>}
        {result.failed.length > 0 && (
          <ul className="export-failures">
            {result.failed.map((f) => (
              <li key={f.id}>
                <code>{f.id.slice(0, 8)}</code>: {f.error}
              </li>
            ))}
          </ul>
        )}
        <div className="dialog-actions">
          <button type="button" className="primary" autoFocus onClick={onClose}>
            {t('export.close')}
          </button>
        </div>
      </div>
    </Modal>
  )
}

interface PickerProps {
  value: ExportFormat
  onChange: (f: ExportFormat) => void
  keepRemoteImages: boolean
  onKeepRemoteImages: (keep: boolean) => void
  embedPhotos: boolean
  onEmbedPhotos: (embed: boolean) => void
}

export function FormatPicker({ value, onChange, keepRemoteImages, onKeepRemoteImages, embedPhotos, onEmbedPhotos }: PickerProps) {
  const { t } = useTranslation()
  return (
    <>
      <select aria-label={t('export.format')} value={value} onChange={(e) => onChange(e.target.value as ExportFormat)}>
        <option value="html">HTML</option>
        <option value="md">Markdown</option>
        <option value="ninjs">ninjs (JSON)</option>
        <option value="docx">Word (.docx)</option>
        <option value="pdf">PDF</option>
      </select>
      {value === 'html' && (
        <label className="inline-check" title={t('export.keepRemoteHint')}>
          <input type="checkbox" checked={keepRemoteImages} onChange={(e) => onKeepRemoteImages(e.target.checked)} />
          {t('export.keepRemote')}
        </label>
      )}
      {value === 'html' && (
        <label className="inline-check" title={t('export.embedPhotosHint')}>
          <input type="checkbox" checked={embedPhotos} onChange={(e) => onEmbedPhotos(e.target.checked)} />
          {t('export.embedPhotos')}
        </label>
      )}
    </>
  )
}

/**
 * The article changed since it was last exported in this format: the newsroom's update note ("Cập nhật lúc
 * …: …"), suggested from what changed, editable, optional; it goes at the top of the exported copy only.
 */
export function UpdateNoteDialog({ suggested, onExport }: { suggested: string; onExport: (note: string | null | undefined) => void }) {
  const { t } = useTranslation()
  const [add, setAdd] = useState(true)
  const [text, setText] = useState(suggested)
  return (
    <Modal onClose={() => onExport(null)} labelledBy="update-note-title">
      <form
        className="dialog"
        onSubmit={(e) => {
          e.preventDefault()
          onExport(add && text.trim() ? text.trim() : undefined)
        }}
      >
        <h2 id="update-note-title">{t('export.updateTitle')}</h2>
        <p className="muted">{t('export.updateHint')}</p>
        <label className="inline-check">
          <input type="checkbox" checked={add} onChange={(e) => setAdd(e.target.checked)} />
          {t('export.updateAdd')}
        </label>
        <textarea aria-label={t('export.updateNote')} rows={3} value={text} disabled={!add} onChange={(e) => setText(e.target.value)} maxLength={2000} />
        <div className="dialog-actions">
          <button type="button" onClick={() => onExport(null)}>{t('link.cancel')}</button>
          <button type="submit" className="primary" autoFocus>{t('export.updateExport')}</button>
        </div>
      </form>
    </Modal>
  )
}

/**
 * Compare two versions of the open article: any earlier version, the last export of each format, or the
 * text as it is now. With "now" on the right, each change can be taken back (the text before is kept as a
 * revision, and the toast offers to undo); an earlier version can be restored whole.
 */
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { editableFields, type Article } from '../../../shared/article'
import type { ExportedInfo, RevisionInfo } from '../../../shared/contract'
import { formatDateTime } from '../../../shared/dates'
import { composeArticle, diffArticles } from '../../../shared/diff'
import { api } from '../api'
import { useDesk } from '../app/desk-store'
import { reportError } from '../app/errors'
import { Modal } from '../app/Modal'
import { CompareView } from './CompareView'

/** A version: `current`, a revision id, or `exported:<format>`. */
export type VersionRef = string

interface Props {
  id: string
  from: VersionRef
  to: VersionRef
  onClose: () => void
}

export function VersionsDialog({ id, from: initialFrom, to: initialTo, onClose }: Props) {
  const { t, i18n } = useTranslation()
  const language = i18n.language === 'vi' ? 'vi' : 'en'
  const [from, setFrom] = useState(initialFrom)
  const [to, setTo] = useState(initialTo)
  const [revisions, setRevisions] = useState<RevisionInfo[]>([])
  const [exports, setExports] = useState<ExportedInfo[]>([])
  const [sides, setSides] = useState<{ before: Article; after: Article } | null>(null)
  const [version, setVersion] = useState(0)
  const desk = useDesk.getState()

  const load = (ref: VersionRef): Promise<Article> =>
    ref === 'current' ? api.get(id) : ref.startsWith('exported:') ? api.exportedVersion(id, ref.slice(9) as ExportedInfo['format']) : api.revision(id, ref)

  useEffect(() => {
    let cancelled = false
    void Promise.all([api.revisions(id), api.exported(id)]).then(([r, e]) => !cancelled && (setRevisions(r), setExports(e)), reportError)
    return () => void (cancelled = true)
  }, [id, version])
  useEffect(() => {
    let cancelled = false
    setSides(null)
    // the editor's unsaved edits first, so that "now" is what the journalist sees
    void desk
      .flushEditor()
      .then(() => Promise.all([load(from), load(to)]))
      .then(([before, after]) => !cancelled && setSides({ before, after }), reportError)
    return () => void (cancelled = true)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, from, to, version])

  const diff = useMemo(() => sides && diffArticles(editableFields(sides.before), editableFields(sides.after), { unchanged: true }), [sides])

  const nameOf = (ref: VersionRef): string => {
    if (ref === 'current') return t('compare.current')
    if (ref.startsWith('exported:')) {
      const e = exports.find((x) => `exported:${x.format}` === ref)
      return t('compare.exported', { format: ref.slice(9).toUpperCase(), time: e ? formatDateTime(e.at, language) : '' })
    }
    const r = revisions.find((x) => x.id === ref)
    return t('compare.revision', { time: r ? formatDateTime(r.savedAt, language) : ref })
  }
  const options = ['current', ...exports.map((e) => `exported:${e.format}`), ...revisions.map((r) => r.id)]

  const takeBack = async (change: number) => {
    if (!diff) return
    try {
      await desk.flushEditor()
      await api.takeBack(id, composeArticle(diff, (c) => c !== change))
      desk.reloadArticle()
      desk.invalidateList()
      const kept = (await api.revisions(id))[0]
      desk.notify(t('compare.takenBack'), kept && { label: t('compare.undo'), run: () => void desk.restoreRevision(kept.id) })
      setVersion((v) => v + 1)
    } catch (err) {
      reportError(err)
    }
  }

  const picker = (label: string, value: VersionRef, set: (v: VersionRef) => void) => (
    <label className="version-picker">
      {label}
      <select value={value} onChange={(e) => set(e.target.value)}>
        {options.map((o) => (
          <option key={o} value={o}>
            {nameOf(o)}
          </option>
        ))}
      </select>
    </label>
  )

  return (
    <Modal onClose={onClose} labelledBy="versions-title">
      <div className="dialog compare">
        <h2 id="versions-title">{t('compare.title')}</h2>
        <div className="version-pickers">
          {picker(t('compare.from'), from, setFrom)}
          <span aria-hidden="true">→</span>
          {picker(t('compare.to'), to, setTo)}
        </div>
        {diff && sides ? (
          <CompareView
            diff={diff}
            names={{ before: nameOf(from), after: nameOf(to) }}
            action={to === 'current' && from !== 'current' ? { label: t('compare.takeBack'), run: (c) => void takeBack(c) } : undefined}
          />
        ) : (
          <p className="muted">{t('app.loading')}</p>
        )}
        <div className="dialog-actions">
          {from !== 'current' && !from.startsWith('exported:') && (
            <button type="button" onClick={() => (onClose(), void desk.restoreRevision(from))}>
              {t('compare.restoreWhole')}
            </button>
          )}
          <button type="button" className="primary" onClick={onClose}>
            {t('export.close')}
          </button>
        </div>
      </div>
    </Modal>
  )
}

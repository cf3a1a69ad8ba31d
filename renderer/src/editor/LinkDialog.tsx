/** The link dialog: accepts only http, https and mailto (and #fragments) and says so. */
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isSafeHref, withScheme } from '../../../shared/urls'
import { useDesk } from '../app/desk-store'
import { Modal } from '../app/Modal'

interface Props {
  initial: string
  hasSelection: boolean
  onApply: (href: string) => void
  onRemove: () => void
  onClose: () => void
}

export function LinkDialog({ initial, hasSelection, onApply, onRemove, onClose }: Props) {
  const { t } = useTranslation()
  const [href, setHref] = useState(initial)
  const [error, setError] = useState<string | null>(hasSelection || initial ? null : t('link.needSelection'))
  const input = useRef<HTMLInputElement>(null)
  useEffect(() => input.current?.focus(), [])

  const submit = (e: React.FormEvent) => {
    e.preventDefault()
    const value = withScheme(href)
    if (!isSafeHref(value)) return setError(t('link.invalid'))
    if (!hasSelection && !initial) return setError(t('link.needSelection'))
    // a link typed without its scheme gets one, and the journalist is told
    if (value !== href.trim()) useDesk.getState().notify(t('link.schemeAdded', { href: value }))
    onApply(value)
  }

  return (
    <Modal onClose={onClose} labelledBy="link-title">
      <form className="dialog" onSubmit={submit}>
        <h2 id="link-title">{t('link.title')}</h2>
        <label htmlFor="link-url">{t('link.url')}</label>
        <input
          id="link-url"
          ref={input}
          value={href}
          placeholder="https://"
          aria-invalid={!!error}
          aria-describedby="link-error"
          onChange={(e) => {
            setHref(e.target.value)
            setError(null)
          }}
        />
        <p id="link-error" className="field-error" role="alert">
          {error}
        </p>
        <div className="dialog-actions">
          {initial && (
            <button type="button" onClick={onRemove}>
              {t('link.remove')}
            </button>
          )}
          <button type="button" onClick={onClose}>
            {t('link.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('link.apply')}
          </button>
        </div>
      </form>
    </Modal>
  )
}

/** A short message with an optional action (e.g. undo a delete), dismissed after a few seconds. */
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'

export interface ToastMessage {
  id: number
  text: string
  /** An error stays until dismissed and is announced at once. */
  kind?: 'error'
  action?: { label: string; run: () => void }
}

export function Toast({ toast, onDone }: { toast: ToastMessage | null; onDone: () => void }) {
  // the timer runs from when the toast appears, however often the app re-renders meanwhile
  const { t } = useTranslation()
  const done = useRef(onDone)
  done.current = onDone
  useEffect(() => {
    if (!toast) return
    const timer = setTimeout(() => done.current(), toast.kind === 'error' ? 20_000 : 8000)
    return () => clearTimeout(timer)
  }, [toast])
  if (!toast) return null
  return (
    <div className={toast.kind === 'error' ? 'toast error' : 'toast'} role={toast.kind === 'error' ? 'alert' : 'status'} aria-live={toast.kind === 'error' ? 'assertive' : 'polite'} data-testid="toast">
      <span>{toast.text}</span>
      {toast.action && (
        <button
          type="button"
          onClick={() => {
            toast.action!.run()
            onDone()
          }}
        >
          {toast.action.label}
        </button>
      )}
      {toast.kind === 'error' && (
        <button type="button" aria-label={t('toast.dismiss')} onClick={onDone}>
          ×
        </button>
      )}
    </div>
  )
}

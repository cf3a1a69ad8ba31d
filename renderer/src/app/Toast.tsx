/** A short message with an optional action (e.g. undo a delete), dismissed after a few seconds. */
import { useEffect, useRef } from 'react'

export interface ToastMessage {
  id: number
  text: string
  action?: { label: string; run: () => void }
}

export function Toast({ toast, onDone }: { toast: ToastMessage | null; onDone: () => void }) {
  // the timer runs from when the toast appears, however often the app re-renders meanwhile
  const done = useRef(onDone)
  done.current = onDone
  useEffect(() => {
    if (!toast) return
    const timer = setTimeout(() => done.current(), 8000)
    return () => clearTimeout(timer)
  }, [toast])
  if (!toast) return null
  return (
    <div className="toast" role="status" aria-live="polite">
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
    </div>
  )
}

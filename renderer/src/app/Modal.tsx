/**
 * Every dialog of the desk: a native modal <dialog> (showModal), so the focus moves in, stays in (the page
 * behind is inert), Esc and a click outside close it, and the focus goes back to where it was.
 */
import { useEffect, useRef, type ReactNode } from 'react'

const FOCUSABLE = 'a[href], button, input, select, textarea, iframe, [tabindex]:not([tabindex="-1"])'

interface Props {
  onClose: () => void
  /** The id of its heading. */
  labelledBy: string
  children: ReactNode
}

export function Modal({ onClose, labelledBy, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  const latest = useRef(onClose)
  latest.current = onClose
  useEffect(() => {
    const dialog = ref.current!
    const before = document.activeElement as HTMLElement | null
    dialog.showModal()
    return () => {
      dialog.close()
      // back to what had the focus (the button that opened it), if it is still there
      if (before?.isConnected) before.focus()
    }
  }, [])
  return (
    <dialog
      ref={ref}
      className="modal"
      aria-labelledby={labelledBy}
      onCancel={(e) => {
        e.preventDefault()
        latest.current()
      }}
      // a click on the backdrop (outside the box) lands on the dialog element itself
      onClick={(e) => e.target === ref.current && latest.current()}
      // Tab from the last field goes round to the first (a modal dialog alone lets it out to the window)
      onKeyDown={(e) => {
        if (e.key !== 'Tab') return
        const all = [...ref.current!.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.hasAttribute('disabled') && el.getClientRects().length > 0)
        if (!all.length) return
        const [first, last] = [all[0], all[all.length - 1]]
        if (!e.shiftKey && document.activeElement === last) (e.preventDefault(), first.focus())
        else if (e.shiftKey && document.activeElement === first) (e.preventDefault(), last.focus())
      }}
    >
      {children}
    </dialog>
  )
}

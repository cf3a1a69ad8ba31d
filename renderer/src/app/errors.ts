/**
 * The one path for renderer errors: whatever fails (a bridge call behind a button, a promise nobody
 * awaited) is reported here, and the app shows it to the journalist.
 */
type Listener = (message: string) => void
const listeners = new Set<Listener>()

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

export function reportError(err: unknown): void {
  const message = errorMessage(err)
  if (listeners.size === 0) console.error(message)
  for (const l of listeners) l(message)
}

export function onError(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Promises that reject with nobody to catch them are reported like any other error. */
export function catchUnhandled(target: Window = window): () => void {
  const handler = (event: PromiseRejectionEvent) => {
    event.preventDefault()
    reportError(event.reason)
  }
  target.addEventListener('unhandledrejection', handler)
  return () => target.removeEventListener('unhandledrejection', handler)
}

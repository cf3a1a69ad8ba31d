/** Security rules of the shell: the CSP, which senders may call the bridge, which URLs may leave the app. */

/** Content Security Policy of the app window: no remote source of any kind. */
export const APP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self' about:",
  "child-src 'self' about:",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'"
].join('; ')

/** Is `url` part of the app itself (the loaded renderer's origin, or its files)? */
export function isAppUrl(url: string, appUrl: string): boolean {
  let u: URL
  let app: URL
  try {
    u = new URL(url)
    app = new URL(appUrl)
  } catch {
    return false
  }
  // a custom protocol (app://newsdesk/): URL.origin is "null" for it, so compare scheme and host
  if (app.protocol === 'app:') return u.protocol === 'app:' && u.host === app.host
  if (app.protocol === 'file:') {
    const root = app.pathname.slice(0, app.pathname.lastIndexOf('/') + 1)
    return u.protocol === 'file:' && u.host === app.host && u.pathname.startsWith(root) && !u.pathname.includes('..')
  }
  return u.origin === app.origin
}

/** Links the user may open in the system browser. */
export function isExternalLink(url: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(url)
}

/** The part of Electron's WebFrameMain the sender check reads. */
export interface SenderFrame {
  url: string
  detached?: boolean
}

export function senderProblem(frame: SenderFrame | null | undefined, appUrl: string): string | null {
  if (!frame) return 'the request has no sender frame'
  if (frame.detached) return 'the sender frame is detached'
  if (!isAppUrl(frame.url, appUrl)) return `the sender ${frame.url || '(no url)'} is not the app`
  return null
}

/**
 * What an `app://newsdesk/...` URL names: a file of the renderer build, or a photo of the store's media.
 * Plain Node (no Electron), so the browser test harness serves exactly what the app protocol serves.
 */
import path from 'node:path'
import { MEDIA_FILE } from '../shared/media'

export const APP_SCHEME = 'app'
export const APP_HOST = 'newsdesk'
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/** Content types of what the app protocol serves. */
export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2'
}

/** The URL if it is one of the app's own (`app://newsdesk/…`), else null. */
function appUrl(url: string): URL | null {
  try {
    const u = new URL(url)
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST ? u : null
  } catch {
    return null
  }
}

/**
 * The file an `app://newsdesk/...` URL names inside `root`, or null: another host, an encoded or literal
 * `..`, a backslash, a NUL, or anything that would resolve outside the folder.
 */
export function resolveAppPath(root: string, url: string): string | null {
  const u = appUrl(url)
  if (!u) return null
  let pathname: string
  try {
    pathname = decodeURIComponent(u.pathname)
  } catch {
    return null
  }
  if (pathname === '/' || pathname === '') pathname = '/index.html'
  if (/[\0\\]/.test(pathname) || pathname.split('/').some((seg) => seg === '..')) return null
  const base = path.resolve(root)
  const file = path.resolve(base, '.' + pathname)
  return file.startsWith(base + path.sep) ? file : null
}

/**
 * The photo an `app://newsdesk/media/<sha256>.<ext>` URL names in the store's media folder, or null: only
 * a media file name is taken, so the renderer can show the store's photos and nothing else on disk.
 */
export function resolveMediaPath(mediaDir: string, url: string): string | null {
  const u = appUrl(url)
  if (!u) return null
  const m = /^\/media\/([^/]+)$/.exec(u.pathname)
  return m && MEDIA_FILE.test(m[1]) ? path.join(mediaDir, m[1]) : null
}


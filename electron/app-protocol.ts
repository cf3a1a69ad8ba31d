/**
 * The renderer is loaded from `app://newsdesk/`, a custom protocol registered as standard and secure, not
 * from `file://`: it serves only files inside the renderer build, each with the app's CSP as a response
 * header. The dev server's URL (ELECTRON_RENDERER_URL) is honoured only in an unpackaged app.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { protocol } from 'electron'
import { MEDIA_FILE } from '../shared/media'
import { APP_CSP } from './security'

export const APP_SCHEME = 'app'
export const APP_HOST = 'newsdesk'
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

const TYPES: Record<string, string> = {
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

/** Call before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }])
}

/** The URL the window loads: the dev server in development only, else the app's own protocol. */
export function rendererUrl(isPackaged: boolean, env: NodeJS.ProcessEnv): string {
  const dev = env.ELECTRON_RENDERER_URL
  if (!isPackaged && dev && /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?\//.test(dev)) return dev
  return APP_URL
}

/**
 * The file an `app://newsdesk/...` URL names inside `root`, or null: another host, an encoded or literal
 * `..`, a backslash, a NUL, or anything that would resolve outside the folder.
 */
export function resolveAppPath(root: string, url: string): string | null {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return null
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null
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
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return null
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null
  const m = /^\/media\/([^/]+)$/.exec(u.pathname)
  return m && MEDIA_FILE.test(m[1]) ? path.join(mediaDir, m[1]) : null
}

/** Serve the renderer build at `root`, and the store's photos under /media/, through the app protocol. */
export function handleAppProtocol(root: string, mediaDir: () => string | null): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const media = mediaDir()
    const file = (media && resolveMediaPath(media, request.url)) || resolveAppPath(root, request.url)
    if (!file) return new Response('Not found', { status: 404 })
    try {
      const body = await readFile(file)
      return new Response(body, {
        headers: {
          'Content-Type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
          'Content-Security-Policy': APP_CSP,
          'X-Content-Type-Options': 'nosniff'
        }
      })
    } catch {
      return new Response('Not found', { status: 404 })
    }
  })
}

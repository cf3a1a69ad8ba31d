/**
 * The renderer is loaded from `app://newsdesk/`, a custom protocol registered as standard and secure, not
 * from `file://`: it serves only files inside the renderer build, each with the app's CSP as a response
 * header. The dev server's URL (ELECTRON_RENDERER_URL) is honoured only in an unpackaged app.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { protocol } from 'electron'
import { APP_CSP } from './security'
import { APP_HOST, APP_SCHEME, APP_URL, CONTENT_TYPES, resolveAppPath, resolveMediaPath } from './app-urls'

export { APP_HOST, APP_SCHEME, APP_URL, resolveAppPath, resolveMediaPath }

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
          'Content-Type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
          'Content-Security-Policy': APP_CSP,
          'X-Content-Type-Options': 'nosniff'
        }
      })
    } catch {
      return new Response('Not found', { status: 404 })
    }
  })
}

/**
 * Photos of the store: content-addressed files `media/<sha256>.<ext>`, named in articles by a media
 * reference `media:<sha256>.<ext>`. These rules are shared by the schema, the store, the renderer and export.
 */

/** The photo formats the store accepts (checked by their bytes), with the extension their files get. */
export const PHOTO_TYPES = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  avif: 'image/avif'
} as const
export type PhotoExt = keyof typeof PHOTO_TYPES

/** A media file name in the store: 64 hex digits and one of the extensions above. */
export const MEDIA_FILE = /^[0-9a-f]{64}\.(jpg|png|webp|gif|avif)$/
const MEDIA_REF = /^media:([0-9a-f]{64}\.(jpg|png|webp|gif|avif))$/

export function isMediaRef(value: unknown): value is string {
  return typeof value === 'string' && MEDIA_REF.test(value)
}

/** The file name a media reference names (`<sha256>.<ext>`). */
export function mediaFileOf(ref: string): string {
  const m = MEDIA_REF.exec(ref)
  if (!m) throw new RangeError(`Not a media reference: ${ref.slice(0, 80)}`)
  return m[1]
}

export const mediaRef = (file: string): string => `media:${file}`

/** Every media reference in an article body (stored JSON), in order, without repeats. */
export function mediaRefsOf(body: unknown): string[] {
  const found = new Set<string>()
  const walk = (n: unknown): void => {
    if (!n || typeof n !== 'object') return
    const node = n as { type?: unknown; attrs?: { src?: unknown }; content?: unknown }
    if (node.type === 'figure' && isMediaRef(node.attrs?.src)) found.add(node.attrs.src as string)
    if (Array.isArray(node.content)) node.content.forEach(walk)
  }
  walk(body)
  return [...found]
}

/** The credit line of a photo as newsrooms print it ("Ảnh: Minh Anh"); a credit that already says so is kept. */
export function creditLine(credit: string, language = 'vi'): string {
  const c = credit.trim()
  if (!c) return ''
  if (/^(ảnh|photo|nguồn ảnh|nguồn)\s*:/i.test(c)) return c
  return language === 'vi' ? `Ảnh: ${c}` : `Photo: ${c}`
}

/**
 * Photos of the store: content-addressed files `media/<sha256>.<ext>`, named in articles by a media
 * reference `media:<sha256>.<ext>`. These rules are shared by the schema, the store, the renderer and export.
 */

/** The largest photo file taken, by default (settings may lower or raise it). */
export const DEFAULT_MAX_PHOTO_BYTES = 30 * 1024 * 1024

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

/** A photo of an article body, as its figure says it. */
export interface FigureInfo {
  media: string
  caption: string
  alt: string
  credit: string
  width: number | null
  height: number | null
}

/** The photos of an article body (stored JSON, no schema parse), in order, each once (its first figure). */
export function figuresOf(body: unknown): FigureInfo[] {
  const found = new Map<string, FigureInfo>()
  const textOf = (n: { text?: unknown; content?: unknown }): string =>
    typeof n.text === 'string' ? n.text : Array.isArray(n.content) ? n.content.map((c) => textOf(c as typeof n)).join('') : ''
  const walk = (n: unknown): void => {
    if (!n || typeof n !== 'object') return
    const node = n as { type?: unknown; attrs?: Record<string, unknown>; content?: unknown }
    const src = node.attrs?.src
    if (node.type === 'figure' && isMediaRef(src)) {
      if (!found.has(src)) {
        const a = node.attrs as { alt?: string; credit?: string; width?: number | null; height?: number | null }
        found.set(src, { media: src, caption: textOf(node), alt: a.alt ?? '', credit: a.credit ?? '', width: a.width ?? null, height: a.height ?? null })
      }
      return
    }
    if (Array.isArray(node.content)) node.content.forEach(walk)
  }
  walk(body)
  return [...found.values()]
}

/** Every media reference in an article body, in order, without repeats. */
export const mediaRefsOf = (body: unknown): string[] => figuresOf(body).map((f) => f.media)

/** The store's photos an article shows: its featured one first, then those of its body, each once. */
export function photoRefsOf(a: { body: unknown; featuredImage?: string }): string[] {
  return [...new Set([...(a.featuredImage ? [a.featuredImage] : []), ...mediaRefsOf(a.body)])]
}

/** Where an exported file finds a photo by default: `media/<file>` beside it. */
export const mediaBesidePage = (ref: string): string => 'media/' + mediaFileOf(ref)

/** The credit line of a photo as newsrooms print it ("Ảnh: Minh Anh"); a credit that already says so is kept. */
/** A photo's caption and credit as one line of text ("Cầu Rồng về đêm. Ảnh: Minh Anh"), for Word, PDF and plain text. */
export function captionWithCredit(caption: string, credit: string, language = 'vi'): string {
  const text = caption.trim()
  return [text, creditLine(credit, language)].filter(Boolean).join(/[.!?…]$/.test(text) ? ' ' : '. ')
}

export function creditLine(credit: string, language = 'vi'): string {
  const c = credit.trim()
  if (!c) return ''
  if (/^(ảnh|photo|nguồn ảnh|nguồn)\s*:/i.test(c)) return c
  return language === 'vi' ? `Ảnh: ${c}` : `Photo: ${c}`
}

/** The body node (stored JSON) of a photo just kept: its caption and credit from the photo's metadata unless given. */
export function figureJson(
  photo: { media: string; width: number; height: number; caption?: string; credit?: string },
  given: { caption?: string; credit?: string; alt?: string } = {}
): { type: 'figure'; attrs: Record<string, unknown>; content?: Array<{ type: 'text'; text: string }> } {
  const caption = given.caption ?? photo.caption ?? ''
  return {
    type: 'figure',
    attrs: { src: photo.media, alt: given.alt ?? '', credit: given.credit ?? photo.credit ?? '', width: photo.width, height: photo.height },
    ...(caption ? { content: [{ type: 'text', text: caption }] } : {})
  }
}

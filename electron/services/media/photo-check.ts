/**
 * Is this file a photo the store takes? Decided by its bytes, never by its name: the format from its
 * signature, whole (a truncated file is refused), its size in pixels from its header (image-size) before
 * anything decodes it, so a decompression bomb is refused by its dimensions. SVG is refused outright
 * (it can hold scripts). The name only serves the messages, and must agree with the bytes.
 */
import { imageSize } from 'image-size'
import { DEFAULT_MAX_PHOTO_BYTES, PHOTO_TYPES, type PhotoExt } from '../../../shared/media'
/** The most pixels a photo may have (a 50-megapixel camera is the top of what newsrooms use). */
export const MAX_PHOTO_PIXELS = 60_000_000

export type PhotoCheck = { ok: true; ext: PhotoExt; width: number; height: number } | { ok: false; error: string }

const NAMES: Record<PhotoExt, string> = { jpg: 'JPEG', png: 'PNG', webp: 'WebP', gif: 'GIF', avif: 'AVIF' }
const EXT_OF_NAME: Record<string, PhotoExt> = { jpg: 'jpg', jpeg: 'jpg', jpe: 'jpg', png: 'png', webp: 'webp', gif: 'gif', avif: 'avif' }

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to))

/** The photo format of these bytes, by signature. */
function formatOf(bytes: Uint8Array): PhotoExt | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg'
  if (ascii(bytes, 0, 8) === '\x89PNG\r\n\x1a\n') return 'png'
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp'
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'gif'
  if (ascii(bytes, 4, 8) === 'ftyp' && /^(avif|avis)$/.test(ascii(bytes, 8, 12))) return 'avif'
  return null
}

/** Does the file end as its format says a whole file ends? (A copy cut short by a sync tool does not.) */
function isWhole(bytes: Uint8Array, ext: PhotoExt): boolean {
  const n = bytes.length
  switch (ext) {
    case 'jpg': {
      // the end-of-image marker, possibly followed by padding
      let end = n
      while (end > 2 && bytes[end - 1] === 0) end--
      return bytes[end - 2] === 0xff && bytes[end - 1] === 0xd9
    }
    case 'png':
      return n >= 20 && ascii(bytes, n - 8, n - 4) === 'IEND'
    case 'gif':
      return bytes[n - 1] === 0x3b
    case 'webp':
      return n >= 12 && new DataView(bytes.buffer, bytes.byteOffset, n).getUint32(4, true) + 8 <= n
    case 'avif': {
      // every top-level box must fit in the file
      const view = new DataView(bytes.buffer, bytes.byteOffset, n)
      let at = 0
      while (at + 8 <= n) {
        let size = view.getUint32(at)
        if (size === 1 && at + 16 <= n) size = Number(view.getBigUint64(at + 8)) // a 64-bit size
        if (size === 0) return at > 0 // the last box runs to the end
        if (size < 8) return false
        at += size
      }
      return at === n
    }
  }
}

function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '').trimStart().toLowerCase()
  return head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg')) || (head.startsWith('<!doctype svg'))
}

export function checkPhoto(bytes: Uint8Array, name: string, maxBytes = DEFAULT_MAX_PHOTO_BYTES): PhotoCheck {
  const mb = (b: number) => (b / 2 ** 20).toFixed(b < 2 ** 20 ? 2 : 0)
  if (bytes.length === 0) return { ok: false, error: 'the file is empty' }
  if (bytes.length > maxBytes) return { ok: false, error: `the photo is too large (${mb(bytes.length)} MB; at most ${mb(maxBytes)} MB)` }
  const ext = formatOf(bytes)
  if (!ext) {
    if (looksLikeSvg(bytes)) return { ok: false, error: 'SVG drawings are not accepted (they can hold scripts): export it as PNG or JPEG' }
    return { ok: false, error: 'not a photo the desk takes (JPEG, PNG, WebP, GIF or AVIF, checked by its content)' }
  }
  const named = EXT_OF_NAME[/\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '']
  if (named && named !== ext) return { ok: false, error: `the file is a ${NAMES[ext]} image but its name says ${NAMES[named]}: rename it .${ext} and add it again` }
  if (!isWhole(bytes, ext)) return { ok: false, error: `the ${NAMES[ext]} file is cut short (damaged or still being copied)` }
  let size: { width?: number; height?: number }
  try {
    size = imageSize(bytes)
  } catch (err) {
    return { ok: false, error: `the ${NAMES[ext]} file cannot be read: ${err instanceof Error ? err.message : String(err)}` }
  }
  const { width, height } = size
  if (!width || !height) return { ok: false, error: `the ${NAMES[ext]} file has no size in its header` }
  if (width * height > MAX_PHOTO_PIXELS) {
    return { ok: false, error: `the photo is ${width}×${height} pixels (${Math.round((width * height) / 1e6)} megapixels; at most ${MAX_PHOTO_PIXELS / 1e6}): too large to open safely` }
  }
  return { ok: true, ext, width, height }
}

export const photoMime = (ext: PhotoExt): string => PHOTO_TYPES[ext]

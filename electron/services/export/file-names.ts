/** Safe, portable file names for exports: inside the chosen folder, valid on Windows, macOS and Linux. */
import path from 'node:path'
import { nfc, slugify } from '../../../shared/text'

export const MAX_NAME_BYTES = 200
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f]/g
const RESERVED = /^(con|prn|aux|nul|com[1-9¹²³]|lpt[1-9¹²³])$/i

const bytes = (s: string) => Buffer.byteLength(s, 'utf8')

/** Cut a string to at most `max` UTF-8 bytes without splitting a character. */
function cutToBytes(s: string, max: number): string {
  if (bytes(s) <= max) return s
  let out = ''
  for (const ch of s) {
    if (bytes(out + ch) > max) break
    out += ch
  }
  return out
}

/** The key two names collide on: NFC and case-insensitive, as on macOS and Windows. */
export function nameKey(name: string): string {
  return nfc(name).toLowerCase()
}

/**
 * A file name from a stem and an extension: forbidden characters replaced, no trailing dot or space,
 * no reserved Windows device name, at most 200 bytes, and not in `taken` (keys from nameKey).
 */
export function safeFileName(stem: string, ext: string, taken: ReadonlySet<string> = new Set(), fallback = 'bai-viet'): string {
  let clean = nfc(stem).replace(FORBIDDEN, '-').replace(/^[\s.]+|[\s.]+$/g, '')
  if (!clean || /^-+$/.test(clean)) clean = fallback
  if (RESERVED.test(clean.split('.')[0])) clean = '_' + clean
  const suffixExt = ext ? '.' + ext : ''
  for (let n = 1; ; n++) {
    const counter = n === 1 ? '' : `-${n}`
    const room = MAX_NAME_BYTES - bytes(counter + suffixExt)
    const stemPart = cutToBytes(clean, room).replace(/[\s.]+$/, '') || fallback
    const name = stemPart + counter + suffixExt
    if (!taken.has(nameKey(name))) return name
  }
}

/** The suggested file name of an article: a Vietnamese-aware slug of the title, or bai-viet-<id>. */
export function articleFileName(article: { id: string; title: string }, ext: string, taken?: ReadonlySet<string>): string {
  const fallback = `bai-viet-${article.id.slice(0, 8)}`
  return safeFileName(slugify(article.title) || fallback, ext, taken, fallback)
}

/** Join a name to a folder, refusing anything that would land outside it. */
export function inside(dir: string, name: string): string {
  const root = path.resolve(dir)
  const full = path.resolve(root, name)
  const rel = path.relative(root, full)
  if (!rel || rel === '..' || path.isAbsolute(rel) || rel.includes(path.sep)) throw new Error(`File name ${JSON.stringify(name)} would leave ${root}`)
  return full
}

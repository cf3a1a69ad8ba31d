/** Bytes of a draft → text: BOMs, UTF-8 and UTF-16, line endings, NFC; binary, empty or huge files refused. */

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024

import { ImportError } from '../errors'

export function checkSize(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new ImportError('the file is empty')
  if (bytes.length > MAX_IMPORT_BYTES) throw new ImportError(`the file is larger than 20 MB (${(bytes.length / 2 ** 20).toFixed(1)} MB)`)
}

export function decodeText(bytes: Uint8Array): string {
  checkSize(bytes)
  let text: string
  const b = bytes
  try {
    if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) text = new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(3))
    else if (b[0] === 0xff && b[1] === 0xfe) text = new TextDecoder('utf-16le', { fatal: true }).decode(b.subarray(2))
    else if (b[0] === 0xfe && b[1] === 0xff) text = new TextDecoder('utf-16be', { fatal: true }).decode(b.subarray(2))
    else {
      if (b.includes(0)) throw new ImportError('the file looks binary (it holds NUL bytes), not text')
      text = new TextDecoder('utf-8', { fatal: true }).decode(b)
    }
  } catch (err) {
    if (err instanceof ImportError) throw err
    throw new ImportError('the file is not valid UTF-8 or UTF-16 text')
  }
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text.slice(0, 4096))) throw new ImportError('the file looks binary, not text')
  text = text.replace(/\r\n?/g, '\n').normalize('NFC')
  if (!text.trim()) throw new ImportError('the file is empty')
  return text
}

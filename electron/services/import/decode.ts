/**
 * Bytes of a draft → text: BOMs, UTF-8 and UTF-16, line endings, NFC; binary, empty or huge files refused.
 * A file in neither is refused with NotUnicodeError: importFile then reads it in the old 8-bit code pages.
 */

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024

import { readFileSync } from 'node:fs'
import { ImportError } from '../errors'

/** Why a file of `size` bytes is not imported, or null. */
export function sizeProblem(size: number): string | null {
  if (size === 0) return 'the file is empty'
  if (size > MAX_IMPORT_BYTES) return `the file is larger than 20 MB (${(size / 2 ** 20).toFixed(1)} MB)`
  return null
}

/**
 * A draft's bytes, `size` being what the folder says of it: a file past the limit is refused by its size,
 * unread (a video named .txt is not loaded whole). One blocking read: at most 20 MB, and a sync pass reads
 * thousands, for which reads through the thread pool cost several times the processor time.
 */
export function readDraft(file: string | Buffer, size: number): Uint8Array {
  if (size > MAX_IMPORT_BYTES) throw new ImportError(sizeProblem(size)!)
  return readFileSync(file)
}

/** A text file that is neither UTF-8 nor UTF-16. */
export class NotUnicodeError extends ImportError {}

/**
 * The old 8-bit code pages a Vietnamese text file may be in: Windows-1252, in which text typed in the TCVN3
 * and VNI fonts was saved (converted after: see importFile), and Windows-1258 (Vietnamese Windows).
 */
export const OLD_CODE_PAGES = ['windows-1252', 'windows-1258'] as const
export type OldCodePage = (typeof OLD_CODE_PAGES)[number]

/** A text file's bytes in an old code page, as UTF-8. */
export function fromCodePage(bytes: Uint8Array, codePage: OldCodePage): Uint8Array {
  return new TextEncoder().encode(new TextDecoder(codePage).decode(bytes))
}

export function checkSize(bytes: Uint8Array): void {
  const problem = sizeProblem(bytes.length)
  if (problem) throw new ImportError(problem)
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
    throw new NotUnicodeError('the file is not valid UTF-8 or UTF-16 text')
  }
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text.slice(0, 4096))) throw new ImportError('the file looks binary, not text')
  text = text.replace(/\r\n?/g, '\n').normalize('NFC')
  if (!text.trim()) throw new ImportError('the file is empty')
  return text
}

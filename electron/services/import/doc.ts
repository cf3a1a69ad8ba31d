/**
 * Word 97–2003 drafts (.doc, the binary format of a newsroom's older archives), checked by their bytes first
 * (a .docx named .doc is read as one). Their text is read by word-extractor in a process of its own
 * (doc-reader.ts, beside this module in every build: electron/… through tsx in tests and development,
 * out/cli/ and out/main/ once built), with a memory cap and a time limit: a damaged file stops that process,
 * not the app. The text is then read as a plain-text draft — its head and trailer lines, text typed in TCVN3
 * or VNI converted — and, as for a .docx, footnotes and endnotes end the body as a "Ghi chú" list and
 * comments become editor's notes; text boxes follow the body.
 */
import { fork } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { DocJSON } from '../../../shared/doc'
import { ImportError } from '../errors'
import type { ImportedFields } from './fields'
import { NOTES_HEADING, wordNotesRemarks } from './docx'
import { oldFontsOf } from './old-fonts'
import { importTxt } from './txt'
import type { DocText } from './doc-text'

/** The compound file signature every Word 97–2003 file starts with. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04]
/** How long the reader may take, and how much memory it may use (a 20 MB .doc is read in a second or two). */
const READ_TIMEOUT_MS = 15_000
const READER_HEAP_MB = 512

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b)

/** Whether the bytes are a .docx (a zip) whatever the file's name says. */
export const isZip = (bytes: Uint8Array) => startsWith(bytes, ZIP_SIGNATURE)

/** The .doc's text, read in the reader's own process. */
export async function readDoc(bytes: Uint8Array): Promise<DocText> {
  if (!startsWith(bytes, OLE_SIGNATURE)) throw new ImportError('not a Word 97–2003 (.doc) file: it does not start as one')
  const ext = /\.[cm]?[jt]s$/.exec(new URL(import.meta.url).pathname)?.[0] ?? '.js'
  const reader = fileURLToPath(new URL(`./doc-reader${ext}`, import.meta.url))
  if (!existsSync(reader)) throw new ImportError('.doc files cannot be read here: the reader is missing from this build')
  const child = fork(reader, [], {
    // TypeScript sources (tests, development) run through tsx; in the app, Electron's binary runs as Node
    execArgv: [...(ext === '.ts' ? ['--import', 'tsx'] : []), `--max-old-space-size=${READER_HEAP_MB}`],
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'ignore', 'ipc']
  })
  try {
    const answer = await new Promise<{ ok: true; text: DocText } | { ok: false; error: string }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new ImportError('not a readable .doc file: reading it took too long')), READ_TIMEOUT_MS)
      child.once('message', (m) => (clearTimeout(timer), resolve(m as never)))
      child.once('error', (err) => (clearTimeout(timer), reject(err)))
      child.once('exit', () => (clearTimeout(timer), reject(new ImportError('not a readable .doc file: it stopped the reader (damaged?)'))))
      child.send(bytes)
    })
    if (!answer.ok) throw new ImportError(`not a readable .doc file: ${answer.error}`)
    return answer.text
  } finally {
    child.kill()
  }
}

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] })

/** A .doc draft's fields: its text read as the plain-text format, then its text boxes, notes and comments. */
export async function importDoc(bytes: Uint8Array): Promise<ImportedFields> {
  const doc = await readDoc(bytes)
  // typed in TCVN3 or VNI: every part converted alike, before the text is read
  const oldFonts = await oldFontsOf([...doc.body, ...doc.textBoxes, ...doc.notes, ...doc.comments].join('\n'))
  const convert = oldFonts?.convert ?? ((text: string) => text)
  const fields = importTxt(doc.body.map(convert).join('\n'))
  const remarks = oldFonts ? [oldFonts.remark] : []
  const body = fields.body as DocJSON
  const content = [...(body.content ?? [])]
  if (doc.textBoxes.length) {
    content.push(...doc.textBoxes.map((t) => paragraph(convert(t))))
    remarks.push(`${doc.textBoxes.length} paragraph(s) of text boxes kept at the end of the body`)
  }
  if (doc.notes.length) {
    content.push(
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: NOTES_HEADING }] },
      { type: 'ordered_list', attrs: { order: 1 }, content: doc.notes.map((n) => ({ type: 'list_item', content: [paragraph(convert(n))] })) }
    )
  }
  remarks.push(...wordNotesRemarks(doc.notes.length, doc.comments.length))
  return { ...fields, body: { ...body, content }, ...(doc.comments.length ? { notes: doc.comments.map(convert).join('\n') } : {}), remarks }
}

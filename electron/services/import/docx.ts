/**
 * Word drafts: mammoth turns them into HTML, then the HTML importer takes over. Before that, what a
 * reporter's Word file holds beyond paragraphs is kept: the title where they put it (the Title style, else
 * a first line in bold or in a larger font, else the file name — see importFile), footnotes and endnotes
 * as a "Ghi chú" list at the end of the body, and comments as editor's notes (never body text). What mammoth
 * would leave out of the text is first written as what it reads (docx-xml.ts); what it still leaves out is
 * named in the remarks.
 */
import mammoth from 'mammoth'
import { ImportError } from '../errors'
import type { ImportedFields } from './fields'
import { importHtml } from './html'
import type { PhotoSource } from './photos'
import { blockText } from '../../../shared/html-blocks'
import { parseDocument } from './html-doc'
import { checkZipLimits } from './zip-limits'
import { withReadableText } from './docx-xml'

/** The parts of mammoth's document model the title rule reads. */
interface MammothRun {
  type: string
  isBold?: boolean
  fontSize?: number | null
  children?: MammothRun[]
  value?: string
}
interface MammothParagraph extends MammothRun {
  styleName?: string | null
  styleId?: string | null
}

const textOf = (node: MammothRun): string => (node.type === 'text' ? (node.value ?? '') : (node.children ?? []).map(textOf).join(''))
const runsOf = (node: MammothRun): MammothRun[] => (node.type === 'run' ? [node] : (node.children ?? []).flatMap(runsOf))

/**
 * Without a Title-style paragraph, mark the first paragraph with text as the title when it is in bold or
 * in a font larger than the body's usual one (a heading style is left to mammoth: it becomes h1–h3).
 */
function markTitle(document: { children: MammothParagraph[] }): void {
  const paragraphs = document.children.filter((p) => p.type === 'paragraph')
  if (paragraphs.some((p) => p.styleName === 'Title' || p.styleId === 'Title')) return
  const first = paragraphs.find((p) => textOf(p).trim())
  if (!first || /^heading/i.test(first.styleName ?? first.styleId ?? '') || textOf(first).length > 200) return
  const runs = runsOf(first).filter((r) => textOf(r).trim())
  if (runs.length === 0) return
  const sizes = new Map<number, number>()
  for (const p of paragraphs) for (const r of runsOf(p)) if (r.fontSize) sizes.set(r.fontSize, (sizes.get(r.fontSize) ?? 0) + textOf(r).length)
  const bodySize = [...sizes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0]
  if (runs.every((r) => r.isBold)) first.styleName = 'NewsdeskBoldTitle'
  else if (bodySize && runs.every((r) => (r.fontSize ?? 0) > bodySize)) first.styleName = 'NewsdeskLargeTitle'
}

const STYLE_MAP = [
  "p[style-name='Title'] => h1.from-title-style:fresh",
  "p[style-name='NewsdeskBoldTitle'] => h1.from-bold:fresh",
  "p[style-name='NewsdeskLargeTitle'] => h1.from-large:fresh",
  "p[style-name='Subtitle'] => p.sapo:fresh",
  // the date line and related headlines our Word export writes under the title
  "p[style-name='Newsdesk Updated'] => p.updated:fresh",
  "p[style-name='Newsdesk Related'] => p.related:fresh",
  // quotations as Word styles them (and as our Word export writes them)
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  // the paragraph under a picture that Word's "Insert Caption" styles: its caption
  "p[style-name='Caption'] => p.caption:fresh",
  "p[style-name='Image Caption'] => p.caption:fresh",
  // underlining is a mark of the schema (mammoth leaves it out unless asked)
  'u => u',
  // comments come out as a list after the text, which is taken into the editor's notes below
  'comment-reference => sup'
]

/** The heading of the list a Word draft's footnotes and endnotes end its body with. */
export const NOTES_HEADING = 'Ghi chú'

/** What the report says of a Word draft's footnotes and endnotes, and comments, kept. */
export function wordNotesRemarks(notes: number, comments: number): string[] {
  return [
    ...(notes ? [`${notes} footnote(s) or endnote(s) kept in a "${NOTES_HEADING}" list at the end`] : []),
    ...(comments ? [`${comments} Word comment(s) kept as editor's notes`] : [])
  ]
}

/** Footnotes, endnotes and comments out of mammoth's HTML: notes to append, comments for the notes field. */
function takeNotes(html: string): { html: string; footnotes: string[]; comments: string[] } {
  const doc = parseDocument(`<!DOCTYPE html><html><body>${html}</body></html>`)
  const clean = (el: unknown) => blockText(el).replace(/↑/g, '').replace(/\s+/g, ' ').trim()
  const footnotes: string[] = []
  for (const li of [...doc.querySelectorAll('li[id^="footnote-"], li[id^="endnote-"]')]) {
    const text = clean(li)
    if (text) footnotes.push(text)
    const list = li.parentElement
    li.remove()
    if (list && list.children.length === 0) list.remove()
  }
  const comments: string[] = []
  for (const dd of [...doc.querySelectorAll('dd')]) {
    const dt = dd.previousElementSibling
    if (!dt || !/^comment-/.test(dt.getAttribute('id') ?? '')) continue
    const text = clean(dd)
    if (text) comments.push(text)
    const list = dd.parentElement
    dt.remove()
    dd.remove()
    if (list && list.children.length === 0) list.remove()
  }
  // the markers of comments in the text ([L1]) are not the reporter's words
  for (const a of [...doc.querySelectorAll('a[href^="#comment-"]')]) (a.closest('sup') ?? a).remove()
  if (footnotes.length) {
    const heading = doc.createElement('h2')
    heading.textContent = NOTES_HEADING
    heading.setAttribute('class', 'ghi-chu')
    const list = doc.createElement('ol')
    for (const note of footnotes) {
      const li = doc.createElement('li')
      const p = doc.createElement('p')
      p.textContent = note
      li.appendChild(p)
      list.appendChild(li)
    }
    doc.body.append(heading, list)
  }
  return { html: doc.body.innerHTML, footnotes, comments }
}

/** The elements mammoth left out, each once, by their names (`oMath`: an equation), from its warnings. */
function unreadElements(messages: Array<{ message: string }>): string[] {
  // a name in a namespace mammoth has no prefix for comes as {namespace}name
  const names = messages.map((m) => /^An unrecognised element was ignored: (?:\{[^}]*\})?(\S+)/.exec(m.message)?.[1]).filter((n): n is string => !!n)
  return [...new Set(names)]
}

export async function importDocx(bytes: Uint8Array, photos?: PhotoSource): Promise<ImportedFields> {
  await checkZipLimits(bytes)
  let html: string
  let unread: string[]
  try {
    const readable = await withReadableText(bytes)
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(readable.buffer, readable.byteOffset, readable.byteLength) },
      { styleMap: STYLE_MAP, transformDocument: (document: { children: MammothParagraph[] }) => (markTitle(document), document) } as Parameters<typeof mammoth.convertToHtml>[1]
    )
    html = result.value
    unread = unreadElements(result.messages)
  } catch (err) {
    throw new ImportError(`not a readable .docx file: ${(err as Error).message.split('\n')[0]}`)
  }
  const { html: body, footnotes, comments } = takeNotes(html)
  const remarks: string[] = []
  if (unread.length) remarks.push(`Word content the converter could not read was left out (check against the original): ${unread.join(', ')}`)
  remarks.push(...wordNotesRemarks(footnotes.length, comments.length))
  // pictures come out of mammoth as data URLs, which the store takes as photos
  const fields = await importHtml(`<!DOCTYPE html><html><body>${body}</body></html>`.normalize('NFC'), { titleFromFirstHeading: true, remarks, photos })
  return comments.length ? { ...fields, notes: comments.join('\n') } : fields
}

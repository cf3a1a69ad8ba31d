/**
 * The text of a Word 97–2003 (.doc) file, read by word-extractor: paragraphs, text boxes, footnotes and
 * endnotes, comments (no formatting). Run in a process of its own (doc-reader.ts, started by doc.ts): on a
 * damaged file, word-extractor has been seen to stop the whole process (a V8 "invalid size" abort).
 */
import type WordExtractor from 'word-extractor'

/** The parts of a .doc's text, each a list of paragraphs. */
export interface DocText {
  body: string[]
  textBoxes: string[]
  notes: string[]
  comments: string[]
}

let extractor: Promise<typeof WordExtractor> | undefined

/**
 * word-extractor, two of its character tables mended before its reader loads (the reader takes its filters
 * when it loads): Word's optional hyphen (0x1F) and the five codes Windows-1252 leaves undefined came out as
 * the word "undefined". The optional hyphen is kept as a soft hyphen, which text typed in the TCVN3 fonts
 * uses for "ư" (converted after); the undefined codes are left out.
 */
function wordExtractor(): Promise<typeof WordExtractor> {
  extractor ??= (async () => {
    const { default: filters } = await import('word-extractor/lib/filters.js')
    const { clean, binaryToUnicode } = filters
    filters.clean = (text) => clean(text.replace(/\x1f/g, '\u00ad'))
    filters.binaryToUnicode = (text) => binaryToUnicode(text.replace(/[\x81\x8d\x8f\x90\x9d]/g, ''))
    return (await import('word-extractor')).default
  })()
  return extractor
}

const paragraphs = (text: string) => text.split(/\r?\n|\r/).map((l) => l.trim()).filter(Boolean)

export async function readDocText(bytes: Uint8Array): Promise<DocText> {
  const Extractor = await wordExtractor()
  const doc = await new Extractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
  // the text as written: typographic quotes and dashes kept (word-extractor makes them plain by default)
  const asWritten = { filterUnicode: false }
  return {
    body: paragraphs(doc.getBody(asWritten)),
    textBoxes: paragraphs(doc.getTextboxes({ ...asWritten, includeHeadersAndFooters: false, includeBody: true })),
    notes: [...paragraphs(doc.getFootnotes(asWritten)), ...paragraphs(doc.getEndnotes(asWritten))],
    comments: paragraphs(doc.getAnnotations(asWritten))
  }
}

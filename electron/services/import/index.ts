/** Import one draft: file name + bytes → article fields with a ProseMirror body, or a clear error. Never throws. */
import { convertDoc, unknownWords } from '../../../shared/proof'
import { oldFontsOf } from './old-fonts'
import { nodeSpeller } from '../proof/speller'
import path from 'node:path'
import type { ArticlePatch } from '../../../shared/article'
import { docFromJSON, jsonText } from '../../../shared/doc'
import { nfc } from '../../../shared/text'
import { checkSize, decodeText, fromCodePage, NotUnicodeError, OLD_CODE_PAGES, type OldCodePage } from './decode'
export { readDraft } from './decode'
import { importDocx } from './docx'
import { finish, takeDocTrailer, type ImportedFields } from './fields'
import { importDoc, isZip } from './doc'
import { importHtml } from './html'
import { importMarkdown } from './markdown'
import type { PhotoSource } from './photos'
import { importTxt } from './txt'
import { ImportError } from '../errors'

/** The fields of a draft and what the report says of it (where its title came from, what was changed), or why it was refused. */
export type ImportResult = { ok: true; fields: ArticlePatch; remarks: string[]; exportOf?: string } | { ok: false; error: string }

/** A title from a file name: no folder or extension, `-` and `_` as spaces (`lu-mien-trung.docx` → `lu mien trung`). */
export function titleFromFileName(name: string): string {
  const base = path.basename(name.replace(/\\/g, '/'), path.extname(name))
  return nfc(base).replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim()
}

type Importer = (bytes: Uint8Array, photos?: PhotoSource) => ImportedFields | Promise<ImportedFields>
/** A draft read, with what the report says of it. */
type Read = ImportedFields & { remarks: string[] }

/**
 * A plain-text draft typed in the old TCVN3 or VNI fonts is converted whole before it is read, so that its
 * lines ("Cập nhật: …", related headlines) read as what they are.
 */
async function importPlainText(text: string): Promise<ImportedFields> {
  const oldFonts = await oldFontsOf(text)
  return oldFonts ? { ...importTxt(oldFonts.convert(text)), remarks: [oldFonts.remark] } : importTxt(text)
}

const IMPORTERS: Record<string, Importer> = {
  '.txt': (b) => importPlainText(decodeText(b)),
  '.md': (b, photos) => importMarkdown(decodeText(b), photos),
  '.markdown': (b, photos) => importMarkdown(decodeText(b), photos),
  '.html': (b, photos) => importHtml(decodeText(b), { photos }),
  '.htm': (b, photos) => importHtml(decodeText(b), { photos }),
  '.docx': (b, photos) => (checkSize(b), importDocx(b, photos)),
  // (a .docx named .doc is read as what it is)
  '.doc': (b, photos) => (checkSize(b), isZip(b) ? importDocx(b, photos) : importDoc(b))
}

/** Documents of word processors that are not read here, but that Word or LibreOffice save as .docx. */
const WORD_PROCESSOR_FILES = new Set(['.rtf', '.odt', '.wpd', '.pages'])

export function isImportable(name: string): boolean {
  return path.extname(name).toLowerCase() in IMPORTERS
}

/** Whether no field of a draft holds a word (a lone trailer line, `Nguồn: VOV`, is a word in a field); `bodyText`: its body's text. */
function withoutWords(imported: ImportedFields, bodyText: string): boolean {
  const texts = [imported.title, imported.sapo, imported.category, imported.author, imported.source, imported.notes, ...(imported.tags ?? []), ...(imported.related ?? []), bodyText]
  return texts.every((t) => !t?.trim())
}


/** A draft read by its importer, refused when it holds no word, and converted when typed in the old TCVN3 or VNI fonts. */
async function read(importer: Importer, bytes: Uint8Array, photos?: PhotoSource): Promise<Read> {
  const imported = await importer(bytes, photos)
  // a document with no words at all is refused the same way whatever its format (front matter that
  // names an empty title, as our own export of an empty article does, is words enough)
  const bodyText = jsonText(imported.body)
  if (!imported.titleFrom && withoutWords(imported, bodyText)) throw new ImportError('the file is empty')
  const remarks = [...(imported.remarks ?? [])]
  // a draft typed in the old TCVN3 or VNI fonts comes in as Unicode
  const oldFonts = await oldFontsOf([imported.title, imported.sapo, bodyText].filter(Boolean).join('\n'))
  if (oldFonts) {
    const { convert, encoding } = oldFonts
    imported.title = convert(imported.title)
    if (imported.sapo) imported.sapo = convert(imported.sapo)
    for (const key of ['category', 'author', 'source'] as const) if (imported[key]) imported[key] = convert(imported[key]!)
    if (imported.tags) imported.tags = imported.tags.map(convert)
    // trailer lines ("Tác giả: …") only read as such once converted
    const { body, meta } = takeDocTrailer(docFromJSON(convertDoc(imported.body, encoding)))
    imported.body = body as ImportedFields['body']
    for (const key of ['category', 'author', 'source', 'tags'] as const) if (meta[key] !== undefined && !imported[key]?.length) (imported as Record<string, unknown>)[key] = meta[key]
    remarks.push(oldFonts.remark)
  }
  return { ...imported, remarks }
}

/**
 * A text draft that is not Unicode, from an old computer: read in each old code page, and the reading whose
 * words the dictionary knows best is kept (its photos taken once, from that reading).
 */
async function readOldCodePage(importer: Importer, bytes: Uint8Array, photos?: PhotoSource): Promise<Read> {
  const speller = await nodeSpeller()
  let best: { codePage: OldCodePage; unknown: number; read: Read } | null = null
  let refused: unknown
  for (const codePage of OLD_CODE_PAGES) {
    try {
      const r = await read(importer, fromCodePage(bytes, codePage))
      // (the start of it says which: a long file is not read word by word twice)
      const unknown = unknownWords([r.title, r.sapo ?? '', jsonText(r.body)].join('\n').slice(0, 20_000), speller)
      if (!best || unknown < best.unknown) best = { codePage, unknown, read: r }
    } catch (err) {
      refused = err
    }
  }
  if (!best) throw refused
  const chosen = photos ? await read(importer, fromCodePage(bytes, best.codePage), photos) : best.read
  chosen.remarks.push(`read in the old ${best.codePage} code page (the file is not Unicode)`)
  return chosen
}

/**
 * Import a draft; `photos` takes the images it has beside it or inside it into the store (without it,
 * images inside are kept as they are and images beside it are left out, with a remark).
 */
export async function importFile(name: string, bytes: Uint8Array, photos?: PhotoSource): Promise<ImportResult> {
  const importer = IMPORTERS[path.extname(name).toLowerCase()]
  if (!importer) {
    const ext = path.extname(name).toLowerCase()
    // an older or other word processor's file: the way in is to save it as .docx
    const hint = WORD_PROCESSOR_FILES.has(ext) ? ' (open it in Word or LibreOffice and save it as .docx)' : ''
    return { ok: false, error: `files of type ${ext || '(none)'} are not imported${hint}` }
  }
  try {
    const imported = await read(importer, bytes, photos).catch((err) => {
      if (err instanceof NotUnicodeError) return readOldCodePage(importer, bytes, photos)
      throw err
    })
    const remarks = imported.remarks
    if (!imported.title.trim() && !imported.titleFrom) {
      imported.title = titleFromFileName(name)
      remarks.unshift('title taken from the file name')
    } else if (imported.titleFrom) remarks.unshift(`title taken from ${imported.titleFrom}`)
    return { ok: true, fields: finish(imported), remarks, ...(imported.exportOf ? { exportOf: imported.exportOf } : {}) }
  } catch (err) {
    if (err instanceof ImportError) return { ok: false, error: err.message }
    return { ok: false, error: `could not read the draft: ${err instanceof Error ? err.message : String(err)}` }
  }
}

/** Import one draft: file name + bytes → article fields with a ProseMirror body, or a clear error. Never throws. */
import path from 'node:path'
import type { ArticlePatch } from '../../../shared/article'
import { checkSize, decodeText } from './decode'
import { importDocx } from './docx'
import { finish, type ImportedFields } from './fields'
import { importHtml } from './html'
import { importMarkdown } from './markdown'
import { importTxt } from './txt'
import { ImportError } from '../errors'

export type ImportResult = { ok: true; fields: ArticlePatch } | { ok: false; error: string }

const IMPORTERS: Record<string, (bytes: Uint8Array) => ImportedFields | Promise<ImportedFields>> = {
  '.txt': (b) => importTxt(decodeText(b)),
  '.md': (b) => importMarkdown(decodeText(b)),
  '.markdown': (b) => importMarkdown(decodeText(b)),
  '.html': (b) => importHtml(decodeText(b)),
  '.htm': (b) => importHtml(decodeText(b)),
  '.docx': (b) => (checkSize(b), importDocx(b))
}

export function isImportable(name: string): boolean {
  return path.extname(name).toLowerCase() in IMPORTERS
}

export async function importFile(name: string, bytes: Uint8Array): Promise<ImportResult> {
  const importer = IMPORTERS[path.extname(name).toLowerCase()]
  if (!importer) return { ok: false, error: `files of type ${path.extname(name) || '(none)'} are not imported` }
  try {
    return { ok: true, fields: finish(await importer(bytes)) }
  } catch (err) {
    if (err instanceof ImportError) return { ok: false, error: err.message }
    return { ok: false, error: `could not read the draft: ${err instanceof Error ? err.message : String(err)}` }
  }
}

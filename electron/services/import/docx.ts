/** Word drafts: mammoth turns them into HTML (Title style → title), then the HTML importer takes over. */
import mammoth from 'mammoth'
import { ImportError } from '../errors'
import type { ImportedFields } from './fields'
import { importHtml } from './html'
import { checkZipLimits } from './zip-limits'

export async function importDocx(bytes: Uint8Array): Promise<ImportedFields> {
  await checkZipLimits(bytes)
  let html: string
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { styleMap: ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => p.sapo:fresh"] }
    )
    html = result.value
  } catch (err) {
    throw new ImportError(`not a readable .docx file: ${(err as Error).message.split('\n')[0]}`)
  }
  return importHtml(`<!DOCTYPE html><html><body>${html}</body></html>`.normalize('NFC'), { titleFromFirstHeading: true })
}

/**
 * What mammoth does not read in a Word file's text, written the way it does read before it reads it, so that
 * no word is lost or run into the next one. Mammoth leaves out an element it does not know, words and all:
 * - a simple field (`w:fldSimple`: a link, a date or a cross-reference, as LibreOffice and Word write them)
 *   becomes the complex field Word writes elsewhere (begin, instruction, separate, its shown text, end):
 *   mammoth keeps the shown text, and a HYPERLINK field stays a link;
 * - a carriage return inside a run (`w:cr`) becomes a line break (`w:br`);
 * - a positional tab (`w:ptab`) becomes a tab.
 * Only the parts holding one of these are written again; a Word file without them is read as it came.
 */
import JSZip from 'jszip'

const FIELD_START = /<w:fldSimple\b([^>]*?)(\/?)>/g
const FIELD_END = /<\/w:fldSimple\s*>/g
const CARRIAGE_RETURN = /<w:cr\b[^>]*?(?:\/>|>\s*<\/w:cr\s*>)/g
const POSITIONAL_TAB = /<w:ptab\b[^>]*?(?:\/>|>\s*<\/w:ptab\s*>)/g
const UNREAD = /<w:fldSimple\b|<w:cr\b|<w:ptab\b/

const fieldChar = (type: 'begin' | 'separate' | 'end') => `<w:r><w:fldChar w:fldCharType="${type}"/></w:r>`

/** A Word part's XML with simple fields, carriage returns and positional tabs written as mammoth reads them. */
export function readableWordXml(xml: string): string {
  return xml
    .replace(FIELD_START, (_, attributes: string, empty: string) => {
      // a field with no shown text shows nothing
      if (empty) return ''
      // the instruction is copied as it was escaped in the attribute: the same escapes are valid in text
      const instruction = /\bw:instr\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(attributes)
      return `${fieldChar('begin')}<w:r><w:instrText xml:space="preserve">${instruction?.[1] ?? instruction?.[2] ?? ''}</w:instrText></w:r>${fieldChar('separate')}`
    })
    .replace(FIELD_END, fieldChar('end'))
    .replace(CARRIAGE_RETURN, '<w:br/>')
    .replace(POSITIONAL_TAB, '<w:tab/>')
}

/** The Word file with its text parts made readable (see above), or the same bytes when none needs it. */
export async function withReadableText(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes)
  let changed = false
  for (const part of zip.file(/^word\/[^/]+\.xml$/)) {
    const xml = await part.async('string')
    if (!UNREAD.test(xml)) continue
    zip.file(part.name, readableWordXml(xml))
    changed = true
  }
  return changed ? zip.generateAsync({ type: 'uint8array', compression: 'STORE' }) : bytes
}

/**
 * The newsroom plain-text format: title line; optional `Cập nhật:`/`Updated:` date line; short related
 * headlines; the sapo (first paragraph opening with an agency prefix such as `VOV.VN - `, else the first
 * paragraph); body paragraphs; trailer lines (tags, category, author, source).
 */
import { docFromParagraphs } from '../../../shared/doc'
import { parseDate, type ImportedFields } from './fields'
import { takeTrailer } from './trailer'

/** `VOV.VN - `, `TTO - `, `(VOV) - `, `(Dân trí) - `: an agency prefix, not any line holding ` - `. */
export const AGENCY_PREFIX = /^(?:\([^()\n]{1,40}\)|[A-ZĐ0-9][A-ZĐ0-9.&]{1,20}(?:\s[A-ZĐ0-9.&]{2,20})?)\s*[-–—]\s+\S/u
const DATE_LINE = /^(?:cập nhật|ngày đăng|ngày|updated|published|date)\s*:?\s*(.+)$/iu
const MAX_RELATED_CHARS = 200

export function importTxt(text: string): ImportedFields {
  const { lines, meta } = takeTrailer(text.split('\n'))
  const paragraphs = lines.map((l) => l.trim()).filter(Boolean)
  // only trailer lines: the fields hold the words (the title is the file's name)
  const title = paragraphs.shift() ?? ''
  let date: string | undefined
  const dateLine = paragraphs.length ? DATE_LINE.exec(paragraphs[0]) : null
  if (dateLine && parseDate(dateLine[1])) {
    date = parseDate(dateLine[1])
    paragraphs.shift()
  }
  const related: string[] = []
  let sapo = ''
  const agency = paragraphs.findIndex((p) => AGENCY_PREFIX.test(p))
  let body: string[]
  if (agency >= 0) {
    const before = paragraphs.slice(0, agency)
    sapo = paragraphs[agency]
    body = []
    for (const line of before) (line.length <= MAX_RELATED_CHARS && !/[.!?…:]$/.test(line) ? related : body).push(line)
    // concat, not push(...): a spread of 150,000 lines overflows the call stack
    body = body.concat(paragraphs.slice(agency + 1))
  } else {
    sapo = paragraphs.shift() ?? ''
    body = paragraphs
  }
  return { title, sapo, date, related, body: docFromParagraphs(body), ...meta }
}

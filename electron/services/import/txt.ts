/**
 * The newsroom plain-text format: title line; optional `Cập nhật:`/`Updated:` date line; short related
 * headlines; the sapo (first paragraph opening with an agency prefix such as `VOV.VN - `, else the first
 * paragraph); body paragraphs; trailer lines (tags, category, author, source). See anatomy.ts.
 */
import { docFromParagraphs } from '../../../shared/doc'
import type { ImportedFields } from './fields'
import { takeTrailer } from './trailer'
import { AGENCY_PREFIX, dateLineOf, isRelatedLine } from './anatomy'

export function importTxt(text: string): ImportedFields {
  const { lines, meta } = takeTrailer(text.split('\n'))
  const paragraphs = lines.map((l) => l.trim()).filter(Boolean)
  // only trailer lines: the fields hold the words (the title is the file's name)
  const title = paragraphs.shift() ?? ''
  const date = paragraphs.length ? dateLineOf(paragraphs[0]) : undefined
  if (date) paragraphs.shift()
  const related: string[] = []
  let sapo = ''
  const agency = paragraphs.findIndex((p) => AGENCY_PREFIX.test(p))
  let body: string[]
  if (agency >= 0) {
    const before = paragraphs.slice(0, agency)
    sapo = paragraphs[agency]
    body = []
    for (const line of before) (isRelatedLine(line) ? related : body).push(line)
    // concat, not push(...): a spread of 150,000 lines overflows the call stack
    body = body.concat(paragraphs.slice(agency + 1))
  } else {
    sapo = paragraphs.shift() ?? ''
    body = paragraphs
  }
  return { title, sapo, date, related, body: docFromParagraphs(body), ...meta }
}

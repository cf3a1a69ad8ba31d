/**
 * The head of a newsroom draft as reporters lay it out, whatever the file: the title line, an optional
 * `Cập nhật:` date line, short related headlines, then the sapo opening with an agency prefix (`VOV.VN - `).
 * The plain-text format is exactly this (txt.ts); a Word or HTML draft typed the same way in plain
 * paragraphs is read by the same rules where its structure (a Title style, a heading, a `.sapo`) says nothing.
 */
import { blockText } from '../../../shared/html-blocks'
import { parseDate } from './fields'

/** `VOV.VN - `, `TTO - `, `(VOV) - `, `(Dân trí) - `: an agency prefix, not any line holding ` - `. */
export const AGENCY_PREFIX = /^(?:\([^()\n]{1,40}\)|[A-ZĐ0-9][A-ZĐ0-9.&]{1,20}(?:\s[A-ZĐ0-9.&]{2,20})?)\s*[-–—]\s+\S/u
const DATE_LINE = /^(?:cập nhật|ngày đăng|ngày|updated|published|date)\s*:?\s*(.+)$/iu
/** The longest line taken as a title when nothing else names one. */
export const MAX_TITLE_LINE = 200
/** The longest line taken as a related headline. */
const MAX_RELATED_CHARS = 200
/** How many leading paragraphs a draft's head may have (title, date, related headlines, sapo). */
export const MAX_HEAD = 12

/** A date as drafts write it: 21/02/2023, 2023-02-21, 21 Feb 2023. */
const DATE = /\d{4}-\d{1,2}-\d{1,2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?|\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{1,2} [a-z]{3,9} \d{4}/iu
/** What may stand beside the date on its line: a weekday, a time, a time zone, "lúc", "ngày", separators. */
const BESIDE_DATE = /lúc|ngày|thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*|gmt\s*[+-]\s*\d{1,2}|\d{1,2}\s*[:h]\s*\d{2}(?::\d{2})?|[,\-–—|()\s]/giu

/**
 * The date (YYYY-MM-DD) of a `Cập nhật: 21/02/2023` line (a weekday, a time, a time zone may stand beside
 * it), or undefined when the line is not one: "Ngày 12/3/2024, hội nghị khai mạc…" is the body's.
 */
export function dateLineOf(line: string): string | undefined {
  const value = DATE_LINE.exec(line.trim())?.[1] ?? ''
  const date = DATE.exec(value)?.[0]
  if (!date || value.replace(date, '').replace(BESIDE_DATE, '') !== '') return undefined
  return parseDate(date)
}

/** A line that reads as a related headline: short, and not ending as a sentence or a label does. */
export function isRelatedLine(line: string): boolean {
  return line.length <= MAX_RELATED_CHARS && !/[.!?…:]$/.test(line)
}

/** Which of the leading paragraphs are the title, the date line, the related headlines and the sapo. */
export interface Head {
  title?: number
  date?: number
  related: number[]
  sapo?: number
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k)

/**
 * Read the head from the texts of a draft's leading paragraphs. `has` says what its structure gave already;
 * with a sapo given, `texts` are the paragraphs before it. With no title given, the first paragraph is the
 * title only when it reads as one (no full stop) and the format's signs follow it: a date line, or the
 * sapo after short headlines. A draft that is just paragraphs is left as it is.
 */
export function readHead(texts: readonly string[], has: { title: boolean; sapo: boolean }): Head {
  const head: Head = { related: [] }
  const sapo = has.sapo ? texts.length : texts.findIndex((t) => AGENCY_PREFIX.test(t))
  let i = 0
  if (!has.title) {
    const first = texts[0] ?? ''
    const dated = texts.length > 1 && dateLineOf(texts[1]) !== undefined
    const sapoAfter = sapo > 0 && texts.slice(1, sapo).every(isRelatedLine)
    if (!first || first.length > MAX_TITLE_LINE || /[.…:]$/.test(first) || !(dated || sapoAfter)) return head
    head.title = i++
  }
  if (i < texts.length && dateLineOf(texts[i]) !== undefined) head.date = i++
  if (sapo >= i && texts.slice(i, sapo).every(isRelatedLine)) {
    head.related = range(i, sapo)
    if (!has.sapo) head.sapo = sapo
  }
  return head
}

/** A draft's head read into fields: its title, date (YYYY-MM-DD), related headlines and sapo. */
export interface HeadFields {
  title?: string
  date?: string
  related: string[]
  sapo?: string
}

/** A draft's element, as far as its head is concerned. */
export interface HeadBlock {
  tagName: string
  firstElementChild: HeadBlock | null
  nextElementSibling: HeadBlock | null
  previousElementSibling: HeadBlock | null
  remove(): void
}

/**
 * The head of a parsed draft, read from its leading plain paragraphs (see readHead) and taken out of it:
 * those before `lead`, the sapo its structure found, else those at the start of `root` (past the blocks
 * left empty, where the title was taken out or a blank line starts the draft).
 */
export function takeHead(root: HeadBlock, has: { title: boolean; lead: HeadBlock | null }): HeadFields {
  // (empty paragraphs, the blank lines between a head's lines, are passed over and stay)
  const paragraphs: HeadBlock[] = []
  if (has.lead) {
    for (let el = has.lead.previousElementSibling; el?.tagName === 'P' && paragraphs.length < MAX_HEAD; el = el.previousElementSibling) if (blockText(el)) paragraphs.unshift(el)
  } else {
    let el = root.firstElementChild
    while (el && !blockText(el)) el = el.nextElementSibling
    for (; el?.tagName === 'P' && paragraphs.length < MAX_HEAD; el = el.nextElementSibling) if (blockText(el)) paragraphs.push(el)
  }
  const texts = paragraphs.map(blockText)
  const head = readHead(texts, { title: has.title, sapo: !!has.lead })
  const taken = [head.title, head.date, ...head.related, head.sapo].filter((k): k is number => k !== undefined)
  for (const k of taken) paragraphs[k].remove()
  return {
    title: head.title === undefined ? undefined : texts[head.title],
    date: head.date === undefined ? undefined : dateLineOf(texts[head.date]),
    related: head.related.map((k) => texts[k]),
    sapo: head.sapo === undefined ? undefined : texts[head.sapo]
  }
}

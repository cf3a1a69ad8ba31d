/** What an importer gives back: article fields, normalised and validated by the shared schema. */
import { ArticlePatchSchema, describeZodError, type ArticleFields, type ArticlePatch } from '../../../shared/article'
import { docFromParagraphs } from '../../../shared/doc'
import type { Node as PMNode } from 'prosemirror-model'
import { ImportError } from '../errors'
import { MONTHS_EN } from '../../../shared/dates'
import { trailerLine, applyTrailer, type TrailerMeta } from './trailer'

/**
 * An article's editable fields as a draft gives them (a title and a body, the rest where the draft has
 * it), with where the title came from and what else the report should say about the file.
 */
export type ImportedFields = Partial<Omit<ArticleFields, 'title' | 'body'>> & {
  title: string
  body: unknown
  /** Where the title was found ("the Title style", "the first bold line", …). */
  titleFrom?: string
  /** What the sync report says of this file ("a table was flattened", "2 footnotes kept as notes"). */
  remarks?: string[]
  /** The article this file is an export of (a Markdown export names it in its front matter). */
  exportOf?: string
}

/** Validate through the shared article schema; a problem becomes an ImportError naming the field. */
export function finish({ titleFrom: _t, remarks: _r, exportOf: _e, ...fields }: ImportedFields): ArticlePatch {
  const clean = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined))
  const r = ArticlePatchSchema.safeParse(clean)
  if (!r.success) throw new ImportError(describeZodError(r.error))
  return r.data as ArticlePatch
}

/** Dates as written in drafts: dd/mm/yyyy (with or without time), yyyy-mm-dd, 20 Feb 2023, or a Date from YAML. */
export function parseDate(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10)
  if (typeof value !== 'string') return undefined
  const s = value.trim()
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(s)
  if (m) return iso(+m[1], +m[2], +m[3])
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/.exec(s)
  if (m) return iso(+m[3], +m[2], +m[1])
  // the English form the app writes (formatDate): 20 Feb 2023
  m = /^(\d{1,2}) ([a-z]{3})[a-z]* (\d{4})/i.exec(s)
  const month = m ? MONTHS_EN.findIndex((name) => name.toLowerCase() === m![2].toLowerCase()) : -1
  if (m && month >= 0) return iso(+m[3], month + 1, +m[1])
  return undefined
}

function iso(y: number, mo: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, mo - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined
  return date.toISOString().slice(0, 10)
}

/** Trailer lines at the end of a parsed document: removed from it, returned as metadata. */
export function takeDocTrailer(doc: PMNode): { body: unknown; meta: TrailerMeta } {
  const meta: TrailerMeta = {}
  const blocks = doc.content.content.slice()
  while (blocks.length) {
    const last = blocks[blocks.length - 1]
    if (last.type.name !== 'paragraph') break
    const text = last.textContent
    if (!text.trim()) {
      blocks.pop()
      continue
    }
    const hit = trailerLine(text)
    if (!hit || meta[hit[0]] !== undefined) break
    applyTrailer(meta, hit[0], hit[1])
    blocks.pop()
  }
  if (Object.keys(meta).length === 0) return { body: doc.toJSON(), meta }
  const body = blocks.length ? doc.type.create(null, blocks).toJSON() : docFromParagraphs([])
  return { body, meta }
}

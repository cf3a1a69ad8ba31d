/** The article model and its zod schemas: the one validation used at every boundary. */
import * as z from 'zod'
import { cleanDoc, docProblem, emptyDoc, type DocJSON } from './doc'
import { isMediaRef } from './media'
import { cleanText, nfc, normaliseTags } from './text'

import { ARTICLE_ID, STATUSES, type Status } from './article-ids'

export { ARTICLE_ID, isArticleId, STATUSES, type Status } from './article-ids'

/** One-line text: NFC, control characters removed, line breaks as spaces. */
const text = (max: number) => z.string().max(max).transform((s) => cleanText(s))
const isoDate = z
  .string()
  .transform(nfc)
  .refine((s) => s === '' || (/^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s + 'T00:00:00Z'))), {
    message: 'date must be YYYY-MM-DD or empty'
  })
const tags = z.array(z.string().max(200)).max(200).transform(normaliseTags)
const lines = z.array(text(1000)).max(100).transform((a) => a.map((s) => s.trim()).filter(Boolean))

/**
 * The largest body kept, as stored JSON: a 20,000-word report is about 250 KB, so this leaves room for any
 * real article while a decompression bomb or a runaway paste cannot make a file the store chokes on.
 */
export const MAX_BODY_CHARS = 5 * 1024 * 1024

/**
 * Whether JSON.stringify(value) is surely at most `max` characters, from an upper bound counted without
 * writing it (each string character as six, each number as 25, the longest a number writes: `-0.0000012345678901234567`);
 * false when the bound passes `max`.
 */
export function jsonSurelyWithin(value: unknown, max: number): boolean {
  let bound = 0
  const stack: unknown[] = [value]
  while (stack.length) {
    const v = stack.pop()
    if (typeof v === 'string') bound += 6 * v.length + 2
    else if (Array.isArray(v)) {
      bound += 2 + v.length
      for (const item of v) stack.push(item)
    } else if (v && typeof v === 'object') {
      // a value that writes itself (a Date) is not counted here
      if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return false
      for (const key in v) {
        bound += 6 * key.length + 4
        stack.push((v as Record<string, unknown>)[key])
      }
      bound += 2
    } else bound += 25
    if (bound > max) return false
  }
  return true
}

export const BodySchema = z
  .unknown()
  .superRefine((value, ctx) => {
    const size = jsonSurelyWithin(value, MAX_BODY_CHARS) ? 0 : JSON.stringify(value ?? null).length
    if (size > MAX_BODY_CHARS) {
      ctx.addIssue({ code: 'custom', message: `the article body is too large (${(size / 2 ** 20).toFixed(1)} MB; at most ${MAX_BODY_CHARS / 2 ** 20} MB)` })
      return
    }
    const problem = docProblem(value)
    if (problem) ctx.addIssue({ code: 'custom', message: `body is not a valid document: ${problem}` })
  })
  .transform((v) => cleanDoc(v) as DocJSON)

/** Where an article came from when the drafts-folder sync created it. */
export const OriginSchema = z.object({
  file: text(4096),
  missing: z.boolean().default(false),
  /** sha256 of the file's bytes when the article was made from it: a re-run after a crash finds the article by it. */
  hash: z.string().regex(/^[0-9a-f]{64}$/).optional()
})

/** Fields a journalist (or an importer) edits. */
export const ArticleFieldsSchema = z.object({
  title: text(1000),
  sapo: text(10_000),
  body: BodySchema,
  category: text(200),
  tags,
  author: text(500),
  source: text(500),
  date: isoDate,
  status: z.enum(STATUSES),
  related: lines,
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'language must be a BCP 47 tag such as vi or en'),
  /**
   * Editor's notes: for the newsroom, never published (the exports leave them out; the Markdown of the
   * drafts folder keeps them). Word comments land here. Older articles have none.
   */
  notes: z.string().max(20_000).transform((s) => cleanText(s, { lines: true })),
  /** The lead photo (a media reference of the store, or ''): og:image, JSON-LD image, ninjs, the list's thumbnail. */
  featuredImage: z.string().refine((s) => s === '' || isMediaRef(s), 'featuredImage must be a photo of the store (media:…) or empty')
})

export const ArticleSchema = ArticleFieldsSchema.extend({
  /** Articles stored before there were notes have none (a patch never fills it in: see ArticlePatchSchema). */
  notes: ArticleFieldsSchema.shape.notes.default(''),
  featuredImage: ArticleFieldsSchema.shape.featuredImage.default(''),
  id: z.string().regex(ARTICLE_ID, 'id must be an article id (lowercase uuid)'),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** The drafts-folder file this article follows, if any. */
  origin: OriginSchema.optional(),
  /** For a sync conflict copy: the id of the article it conflicts with. */
  conflictOf: z.uuid().optional()
})

export const ArticlePatchSchema = ArticleFieldsSchema.partial()
/** A patch naming only editable fields. Made once: zod compiles each schema object's checks at its first use. */
export const StrictArticlePatchSchema = ArticlePatchSchema.strict()

/** The fields a journalist edits, in one list (content hash, duplicate, conflicts and exports all read it). */
export const EDITABLE_FIELDS = Object.keys(ArticleFieldsSchema.shape) as Array<keyof ArticleFields>

/** Just the editable fields of an article (no id, timestamps or sync bookkeeping). */
export function editableFields(a: ArticleFields): ArticleFields {
  return Object.fromEntries(EDITABLE_FIELDS.map((k) => [k, a[k]])) as ArticleFields
}

export type ArticleFields = z.output<typeof ArticleFieldsSchema>
export type Article = z.output<typeof ArticleSchema>
export type ArticlePatch = z.input<typeof ArticlePatchSchema>

/** What the article list needs, kept in the store's index. */
export interface ArticleMeta {
  id: string
  title: string
  category: string
  tags: string[]
  author: string
  source: string
  date: string
  status: Status
  createdAt: string
  updatedAt: string
  words: number
  conflictOf?: string
  sourceMissing?: boolean
  /** The lead photo (media reference), for the list's thumbnail. */
  featuredImage?: string
  /** The drafts-folder file the article was made from or follows, and that file's hash then. */
  originFile?: string
  originHash?: string
  deletedAt?: string
}

export function defaultFields(): ArticleFields {
  return {
    title: '',
    sapo: '',
    body: emptyDoc(),
    category: '',
    tags: [],
    author: '',
    source: '',
    date: '',
    status: 'draft',
    related: [],
    language: 'vi',
    notes: '',
    featuredImage: ''
  }
}

/** Readable one-line summary of a zod error, naming each field. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((i) => `${i.path.length ? i.path.join('.') : 'input'}: ${i.message}`)
    .join('; ')
}

/** Problems that stop an article from being marked ready (empty when it may be). */
export function readinessProblems(a: Pick<ArticleFields, 'title' | 'sapo' | 'category' | 'author' | 'source'>): Array<'title' | 'sapo' | 'category' | 'byline'> {
  const out: Array<'title' | 'sapo' | 'category' | 'byline'> = []
  if (!a.title.trim()) out.push('title')
  if (!a.sapo.trim()) out.push('sapo')
  if (!a.category.trim()) out.push('category')
  if (!a.author.trim() && !a.source.trim()) out.push('byline')
  return out
}

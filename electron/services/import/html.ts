/**
 * HTML drafts: title from <h1> or <title>; tags, author, description and section from meta tags; a lead
 * paragraph (class sapo/lead, or a bold first paragraph) as the sapo; a head typed in plain paragraphs as
 * the newsroom lays it out (see anatomy.ts); the body through the schema.
 */
import { descriptionOf } from '../../../shared/metadata'
import { parseDate, takeDocTrailer, type ImportedFields } from './fields'
import { blockText, plainBlocks } from '../../../shared/html-blocks'
import { elementToDoc, parseDocument } from './html-doc'
import { takePhotos, type PhotoSource } from './photos'
import { dateLineOf, MAX_TITLE_LINE, takeHead, type HeadFields } from './anatomy'

type Doc = ReturnType<typeof parseDocument>
type El = NonNullable<ReturnType<Doc['querySelector']>>

/** Take a part read into a field out of the page, leaving a block's edge where it was: the words on either side stay apart. */
const takeOut = (el: El) => el.replaceWith(el.ownerDocument.createElement('div'))

function metaContent(doc: Doc, ...names: string[]): string | undefined {
  for (const name of names) {
    const el = doc.querySelector(`meta[name="${name}"], meta[property="${name}"]`)
    const v = el?.getAttribute('content')?.trim()
    if (v) return v
  }
  return undefined
}

/** A paragraph that is all bold: the way many editors mark the lead. */
function isBoldParagraph(p: El): boolean {
  const children = [...p.childNodes].filter((n) => n.nodeType !== 3 || (n.textContent ?? '').trim())
  return children.length === 1 && /^(B|STRONG)$/.test(children[0].nodeName.toUpperCase()) && blockText(p).length > 0
}

/** Where a title found as an h1 came from: a Word importer marks its h1 with the reason (see docx.ts). */
const TITLE_FROM_CLASS: Record<string, string> = {
  'from-title-style': 'the Title style',
  'from-bold': 'the first line, in bold',
  'from-large': 'the first line, in a larger font'
}

export interface HtmlOptions {
  /** Word drafts: a first h2 or h3 is the title too. */
  titleFromFirstHeading?: boolean
  /** Remarks the caller already has for the report. */
  remarks?: string[]
  /** Where the draft's images are taken from (the drafts folder, the store); without it they are left out. */
  photos?: PhotoSource
}

export async function importHtml(html: string, options: HtmlOptions = {}): Promise<ImportedFields> {
  const doc = parseDocument(html)
  for (const el of doc.querySelectorAll('script, style, template, noscript, iframe, object, embed')) el.remove()
  const root = (doc.querySelector('article .article-body') ?? doc.querySelector('article') ?? doc.body) as El
  const scope = (doc.querySelector('article') ?? doc.body) as El
  const remarks = [...(options.remarks ?? [])]

  let title = ''
  let titleFrom: string | undefined
  // (the "Ghi chú" heading a Word importer adds for footnotes is never the title)
  const h1 = scope.querySelector('h1') ?? (options.titleFromFirstHeading ? [...scope.querySelectorAll('h2, h3')].find((h) => h.getAttribute('class') !== 'ghi-chu') ?? null : null)
  const titleTag = blockText(doc.querySelector('title'))
  if (h1) {
    title = blockText(h1)
    titleFrom = TITLE_FROM_CLASS[h1.getAttribute('class') ?? ''] ?? 'the first heading'
    takeOut(h1)
  } else if (titleTag) {
    title = titleTag
    titleFrom = 'the <title>'
  } else {
    // a reporter's headline is often just the first line, in bold
    const first = root.querySelector('p')
    if (first && isBoldParagraph(first) && blockText(first).length <= MAX_TITLE_LINE) {
      title = blockText(first)
      titleFrom = 'the first line, in bold'
      takeOut(first)
    }
  }

  const tags = [...doc.querySelectorAll('meta[property="article:tag"]')].map((m) => m.getAttribute('content') ?? '').filter(Boolean)
  const keywords = metaContent(doc, 'keywords')
  // what an exported page says around its body (category line, byline, tag and related lists) is read into
  // its fields and taken out; any other word of a header, byline or footer is the draft's own and stays
  const taken = (selector: string) =>
    [...scope.querySelectorAll(selector)].map((el) => {
      takeOut(el)
      return blockText(el)
    })
  const footerTags = taken('footer .tags li')
  // (a Word draft's related headlines and date line are paragraphs in their own styles: see docx.ts)
  const related = taken('footer .related li, p.related')
  const updated = [...scope.querySelectorAll('p.updated')].map((p) => [p, dateLineOf(blockText(p))] as const).find(([, date]) => date)
  if (updated) takeOut(updated[0])
  for (const list of scope.querySelectorAll('footer .tags, footer .related')) if (!blockText(list)) takeOut(list)
  const headerCategory = scope.querySelector('header .category')
  const byline = scope.querySelector('.byline')
  const [date, author, source] = ['time[datetime]', '.author', '.source'].map((s) => byline?.querySelector(s) ?? null)
  const around = { category: blockText(headerCategory), author: blockText(author), source: blockText(source) }
  const time = doc.querySelector('time[datetime]')?.getAttribute('datetime')
  if (headerCategory) takeOut(headerCategory)
  // (a byline with other words than its date, author and source stays)
  if (byline && blockText(byline).replace(/\s+/g, '') === [date, author, source].map(blockText).join('').replace(/\s+/g, '')) takeOut(byline)

  // a head typed as the newsroom lays it out (title line, "Cập nhật:" line, related headlines, "VOV.VN - " sapo),
  // looked for in a draft of plain paragraphs only (a Word file, a fragment): a page with a <title>, a header
  // or an <article> (ours, a site's) says where its parts are
  const lead = scope.querySelector('.sapo, .lead')
  const plain = !titleTag && !doc.querySelector('header, article')
  const head: HeadFields = plain ? takeHead(root, { title: !!title, lead }) : { related: [] }
  if (head.title) {
    title = head.title
    titleFrom = 'the first line'
  }
  let sapo = head.sapo ?? ''
  if (lead) {
    sapo = blockText(lead)
    takeOut(lead)
  } else if (!sapo) {
    const first = root.querySelector('p')
    if (first && isBoldParagraph(first)) {
      sapo = blockText(first)
      takeOut(first)
    }
  }
  const tables = plainBlocks(root)
  if (tables) remarks.push(`${tables === 1 ? 'a table was' : `${tables} tables were`} flattened (one line per row, cells separated by " | ")`)
  await takePhotos(root as never, options.photos, remarks)
  const { body, meta } = takeDocTrailer(elementToDoc(root))
  // a description that is only the start of the body (what an export without sapo states) is not a sapo
  const description = metaContent(doc, 'description', 'og:description')
  const derived = description !== undefined && description === descriptionOf({ sapo: '', body: body as never })
  return {
    title,
    sapo: sapo || (derived ? undefined : description),
    category: metaContent(doc, 'article:section') ?? meta.category ?? (around.category || undefined),
    tags: tags.length ? tags : keywords ? keywords.split(/[,;]/).map((t) => t.trim()).filter(Boolean) : footerTags.length ? footerTags : meta.tags,
    author: metaContent(doc, 'author', 'article:author') ?? meta.author ?? (around.author || undefined),
    source: meta.source ?? (around.source || undefined),
    date: parseDate(metaContent(doc, 'article:published_time') ?? time ?? '') ?? updated?.[1] ?? head.date,
    related: related.length ? related : head.related.length ? head.related : undefined,
    language: doc.documentElement.getAttribute('lang')?.toLowerCase().split('-')[0] || undefined,
    body,
    titleFrom,
    remarks
  }
}

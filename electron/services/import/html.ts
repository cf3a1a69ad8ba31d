/**
 * HTML drafts: title from <h1> or <title>; tags, author, description and section from meta tags; a lead
 * paragraph (class sapo/lead, or a bold first paragraph) as the sapo; the body through the schema.
 */
import { parseDate, takeDocTrailer, type ImportedFields } from './fields'
import { elementToDoc, parseDocument } from './html-doc'

type Doc = ReturnType<typeof parseDocument>
type El = NonNullable<ReturnType<Doc['querySelector']>>

const text = (el: El | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim()

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
  return children.length === 1 && /^(B|STRONG)$/.test(children[0].nodeName.toUpperCase()) && text(p).length > 0
}

export function importHtml(html: string, options: { titleFromFirstHeading?: boolean } = {}): ImportedFields {
  const doc = parseDocument(html)
  for (const el of doc.querySelectorAll('script, style, template, noscript, iframe, object, embed')) el.remove()
  const root = (doc.querySelector('article .article-body') ?? doc.querySelector('article') ?? doc.body) as El
  const scope = (doc.querySelector('article') ?? doc.body) as El

  let title = ''
  const h1 = scope.querySelector('h1') ?? (options.titleFromFirstHeading ? scope.querySelector('h2, h3') : null)
  if (h1) {
    title = text(h1)
    h1.remove()
  } else title = text(doc.querySelector('title'))

  const tags = [...doc.querySelectorAll('meta[property="article:tag"]')].map((m) => m.getAttribute('content') ?? '').filter(Boolean)
  const keywords = metaContent(doc, 'keywords')
  const footerTags = [...scope.querySelectorAll('footer .tags li')].map((li) => text(li))
  const related = [...scope.querySelectorAll('footer .related li')].map((li) => text(li))
  for (const el of scope.querySelectorAll('footer, .byline, header .category')) el.remove()

  let sapo = ''
  const lead = scope.querySelector('.sapo, .lead')
  if (lead) {
    sapo = text(lead)
    lead.remove()
  } else {
    const first = root.querySelector('p')
    if (first && isBoldParagraph(first)) {
      sapo = text(first)
      first.remove()
    }
  }
  const { body, meta } = takeDocTrailer(elementToDoc(root))
  const time = doc.querySelector('time[datetime]')?.getAttribute('datetime')
  return {
    title,
    sapo: sapo || metaContent(doc, 'description', 'og:description'),
    category: metaContent(doc, 'article:section') ?? meta.category,
    tags: tags.length ? tags : keywords ? keywords.split(/[,;]/).map((t) => t.trim()).filter(Boolean) : footerTags.length ? footerTags : meta.tags,
    author: metaContent(doc, 'author', 'article:author') ?? meta.author,
    source: meta.source,
    date: parseDate(metaContent(doc, 'article:published_time') ?? time ?? ''),
    related: related.length ? related : undefined,
    language: doc.documentElement.getAttribute('lang')?.toLowerCase().split('-')[0] || undefined,
    body
  }
}

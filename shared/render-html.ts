/**
 * The one article renderer: a standalone HTML5 document for both the preview and the exported file.
 * Built on ProseMirror's DOMSerializer over a string-building document (string-dom: no DOM, so the same
 * code runs in Node, in export workers and in the renderer, byte-identical in all of them). `buildRenderer`
 * takes the document to build on; the tests run it over linkedom's full DOM too and compare the bytes.
 */
import { bylineOf, descriptionOf, headlineOf, publishedAt } from './metadata'
import { DOMSerializer, Fragment, Node as PMNode, type DOMOutputSpec } from 'prosemirror-model'
import type { Article } from './article'
import { docFromJSON } from './doc'
import { serializeChildren, serializeNode } from './html-serialize'
import { schema } from './schema'
import { formatDate } from './dates'
import { creditLine, mediaBesidePage, photoRefsOf } from './media'
import { stringDocument, type StringDocument } from './string-dom'

/**
 * CSP of an exported document: nothing may load or run, but its own styles, embedded images, its photos
 * (`photoSources`, given when it has some: the folder beside it is 'self') and, when the journalist chose
 * to keep them, images from the web.
 */
export function exportCsp(remoteImages: boolean, photoSources = ''): string {
  const img = [...(photoSources ? [photoSources] : []), ...(remoteImages ? ['https:', 'http:'] : []), 'data:'].join(' ')
  return `default-src 'none'; style-src 'unsafe-inline'; img-src ${img}; base-uri 'none'; form-action 'none'`
}
export const EXPORT_CSP = exportCsp(false)

const isRemote = (src: unknown) => typeof src === 'string' && /^https?:/i.test(src)

/** How many images of a body come from the web (http/https): an opened page would fetch them (a tracking pixel, say). */
export function remoteImageCount(body: unknown): number {
  // a walk over the stored JSON (no schema parse: this runs once per exported article)
  const walk = (n: unknown): number => {
    if (!n || typeof n !== 'object') return 0
    const node = n as { type?: unknown; attrs?: { src?: unknown }; content?: unknown }
    const own = node.type === 'image' && isRemote(node.attrs?.src) ? 1 : 0
    return own + (Array.isArray(node.content) ? node.content.reduce((sum: number, c) => sum + walk(c), 0) : 0)
  }
  return walk(body)
}

/** The document without its images from the web; a paragraph that held only such an image goes too. */
function withoutRemoteImages(doc: PMNode): PMNode {
  const strip = (node: PMNode): PMNode | null => {
    if (node.type.name === 'image') return isRemote(node.attrs.src) ? null : node
    if (node.isLeaf || node.isText) return node
    const children: PMNode[] = []
    let changed = false
    node.forEach((child) => {
      const kept = strip(child)
      if (kept !== child) changed = true
      if (kept) children.push(kept)
    })
    if (!changed) return node
    if (node.type.name === 'paragraph' && children.length === 0 && node.childCount > 0) return null
    return node.type.createAndFill(node.attrs, children, node.marks)
  }
  return strip(doc) ?? doc.type.createAndFill()!
}

/** A paragraph holding only an image is a figure, its title the caption. */
function figureOf(node: PMNode): DOMOutputSpec | null {
  if (node.childCount !== 1 || node.firstChild!.type.name !== 'image') return null
  const { src, alt, title } = node.firstChild!.attrs
  const img: DOMOutputSpec = ['img', { src, alt: alt ?? '' }]
  return title ? ['figure', img, ['figcaption', title]] : ['figure', img]
}

/**
 * Headings never skip a level below the title's h1 (h1 → h3 becomes h1 → h2), so that the exported
 * outline is valid whatever levels the journalist picked.
 */
function withValidOutline(doc: PMNode): PMNode {
  let previous = 1
  let changed = false
  const fix = (node: PMNode): PMNode => {
    if (node.type.name === 'heading') {
      const level = Math.min(node.attrs.level as number, previous + 1)
      previous = level
      if (level !== node.attrs.level) {
        changed = true
        return node.type.create({ ...node.attrs, level }, node.content, node.marks)
      }
      return node
    }
    if (node.isTextblock || node.isLeaf) return node
    const children: PMNode[] = []
    node.forEach((child) => children.push(fix(child)))
    return node.copy(Fragment.fromArray(children))
  }
  const fixed = fix(doc)
  return changed ? fixed : doc
}

const base = DOMSerializer.fromSchema(schema)

/** Where a photo of the store is to be found from the rendered page (a relative path, the app's URL, a data URL). */
export type MediaSrc = (ref: string) => string
/** By default photos are looked for in `media/` beside the page. */
const defaultMediaSrc: MediaSrc = mediaBesidePage

/**
 * The body serializer: the schema's own, but a paragraph holding only an image is a figure, and a photo is
 * `<figure><img …><figcaption>caption <span class="credit">Ảnh: …</span></figcaption></figure>`.
 */
function bodySerializer(document: StringDocument, mediaSrc: MediaSrc, language: string): DOMSerializer {
  const serializer: DOMSerializer = new DOMSerializer(
    {
      ...base.nodes,
      paragraph: (node) => figureOf(node) ?? ['p', 0],
      figure: (node) => {
        const { src, alt, credit, width, height } = node.attrs
        const figure = document.createElement('figure')
        const img = document.createElement('img')
        // attributes are kept newest first (see string-dom): set in reverse to read src, alt, width, height
        img.setAttribute('loading', 'lazy')
        if (height) img.setAttribute('height', String(height))
        if (width) img.setAttribute('width', String(width))
        img.setAttribute('alt', alt)
        img.setAttribute('src', mediaSrc(src))
        figure.appendChild(img)
        const line = creditLine(credit, language)
        if (node.content.size || line) {
          const caption = document.createElement('figcaption')
          serializer.serializeFragment(node.content, { document: document as never }, caption as never)
          if (line) {
            if (node.content.size) caption.append(' ')
            const span = document.createElement('span')
            span.setAttribute('class', 'credit')
            span.append(line)
            caption.appendChild(span)
          }
          figure.appendChild(caption)
        }
        return figure as never
      }
    },
    base.marks
  )
  return serializer
}

/** JSON that stays inert inside <script>: no `<`, `>`, `&` or line separators can end or confuse the block. */
export function inertJson(value: unknown): string {
  return JSON.stringify(value, null, 2)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}


type RenderableArticle = Pick<
  Article,
  'title' | 'sapo' | 'body' | 'category' | 'tags' | 'author' | 'source' | 'date' | 'related' | 'language' | 'createdAt' | 'updatedAt' | 'featuredImage'
>

export interface RenderOptions {
  /** The export stylesheet's text (resources/export.css). */
  stylesheet: string
  /** Images from the web: left out (the default: an opened page fetches nothing), or kept. */
  remoteImages?: 'omit' | 'keep'
  /** Where the page finds its photos (default: `media/<file>` beside it). */
  mediaSrc?: MediaSrc
  /** CSP sources its photos load from (default 'self': a folder beside the page; the preview names the app's origin). */
  photoSources?: string
}

/** The schema.org NewsArticle description of an article (as Google documents it: headline, image, dates with their zone, author). */
export function jsonLd(a: RenderableArticle, image = ''): Record<string, unknown> {
  const byline = bylineOf(a)
  const description = descriptionOf(a)
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: headlineOf(a) || undefined,
    description: description || undefined,
    image: image ? [image] : undefined,
    articleSection: a.category || undefined,
    keywords: a.tags.length ? a.tags.join(', ') : undefined,
    author: byline ? { '@type': byline.type, name: byline.name } : undefined,
    datePublished: publishedAt(a),
    dateModified: a.updatedAt,
    inLanguage: a.language,
    publisher: a.source ? { '@type': 'Organization', name: a.source } : undefined
  }
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined))
}

/** The three renderers over documents made by `newDocument` (an empty page: head and body). */
export function buildRenderer(newDocument: () => StringDocument) {
  /** Just the body, as an HTML fragment (for ninjs bodies). */
  function renderBodyHtml(body: unknown, mediaSrc = defaultMediaSrc): string {
    const document = newDocument()
    const div = document.createElement('div')
    div.appendChild(bodySerializer(document, mediaSrc, 'vi').serializeFragment(withValidOutline(docFromJSON(body)).content, { document: document as never }) as never)
    return serializeChildren(div)
  }

  /**
   * A new standalone page: the head every export shares (charset, CSP, viewport, title), an element factory,
   * and the page's serialization.
   */
  function standalonePage(lang: string, title: string, csp = EXPORT_CSP) {
    const document = newDocument()
    const el = (tag: string, attrs: Record<string, string> = {}, text?: string) => {
      const e = document.createElement(tag)
      for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v)
      if (text !== undefined) e.textContent = text
      return e
    }
    document.documentElement.setAttribute('lang', lang)
    document.head.append(
      el('meta', { charset: 'utf-8' }),
      el('meta', { 'http-equiv': 'Content-Security-Policy', content: csp }),
      el('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      el('title', {}, title)
    )
    const html = () => '<!DOCTYPE html>\n' + serializeNode(document.documentElement) + '\n'
    return { document, el, html }
  }

  function renderArticleHtml(a: RenderableArticle, options: RenderOptions): string {
    const keepRemote = options.remoteImages === 'keep'
    const mediaSrc = options.mediaSrc ?? defaultMediaSrc
    const hasPhotos = photoRefsOf(a).length > 0
    const { document, el, html } = standalonePage(a.language || 'vi', a.title || 'Bài viết', exportCsp(keepRemote, hasPhotos ? options.photoSources ?? "'self'" : ''))
    const head = document.head
    const description = descriptionOf(a)
    if (description) head.append(el('meta', { name: 'description', content: description }))
    if (a.tags.length) head.append(el('meta', { name: 'keywords', content: a.tags.join(', ') }))
    if (a.author) head.append(el('meta', { name: 'author', content: a.author }))
    const og = (property: string, content: string) => content && head.append(el('meta', { property, content }))
    og('og:type', 'article')
    og('og:title', a.title)
    og('og:description', description)
    og('og:locale', a.language === 'vi' ? 'vi_VN' : a.language)
    og('article:section', a.category)
    for (const tag of a.tags) og('article:tag', tag)
    og('article:author', a.author)
    og('article:published_time', publishedAt(a))
    og('article:modified_time', a.updatedAt)
    const image = a.featuredImage ? mediaSrc(a.featuredImage) : ''
    og('og:image', image)
    const ld = el('script', { type: 'application/ld+json' })
    ld.textContent = inertJson(jsonLd(a, image))
    head.append(ld, el('style', {}, options.stylesheet))

    const article = el('article')
    const header = el('header')
    if (a.category) header.append(el('p', { class: 'category' }, a.category))
    header.append(el('h1', {}, a.title))
    const byline = el('p', { class: 'byline' })
    if (a.date) {
      const time = el('time', { datetime: a.date }, formatDate(a.date, a.language === 'vi' ? 'vi' : 'en'))
      const span = el('span')
      span.append(time)
      byline.append(span)
    }
    if (a.author) byline.append(el('span', { class: 'author' }, a.author))
    if (a.source) byline.append(el('span', { class: 'source' }, a.source))
    if (byline.childNodes.length) header.append(byline)
    if (a.sapo) header.append(el('p', { class: 'sapo lead' }, a.sapo))
    article.append(header)

    const body = el('div', { class: 'article-body' })
    const doc = withValidOutline(docFromJSON(a.body))
    const serializer = bodySerializer(document, options.mediaSrc ?? defaultMediaSrc, a.language)
    body.append(serializer.serializeFragment((keepRemote ? doc : withoutRemoteImages(doc)).content, { document: document as never }) as never)
    article.append(body)

    if (a.tags.length || a.related.length) {
      const footer = el('footer')
      if (a.tags.length) {
        const ul = el('ul', { class: 'tags' })
        for (const tag of a.tags) ul.append(el('li', {}, tag))
        footer.append(ul)
      }
      if (a.related.length) {
        const ul = el('ul', { class: 'related' })
        for (const r of a.related) ul.append(el('li', {}, r))
        footer.append(ul)
      }
      article.append(footer)
    }
    document.body.append(article)
    return html()
  }

  return { renderArticleHtml, renderBodyHtml, standalonePage }
}

/** The renderers over the string document: what preview, export and ninjs use. */
export const { renderArticleHtml, renderBodyHtml, standalonePage } = buildRenderer(stringDocument)

/**
 * A draft's images become photos of the store: an image beside the draft (`![alt](anh/x.jpg "caption")`,
 * `<img src="anh/x.jpg">`) or inside it (a .docx's pictures, data URLs) is checked and kept by the store,
 * and its `<img>` becomes a figure, with a caption from the draft (the image's title, a `<figcaption>`, the
 * "Caption" paragraph after a Word picture) or from the photo's own metadata, and a credit from an "Ảnh: …"
 * line. An image that cannot be taken is reported for that file and left out; the rest of the draft still
 * imports. Images from the web are never fetched (offline, privacy): they are reported.
 */
import { blockText } from '../../../shared/html-blocks'
import { isMediaRef } from '../../../shared/media'

/** What the store answers for one image. */
export type PhotoFound = { media: string; width: number; height: number; caption?: string; credit?: string } | { error: string }

/** Where a draft's images come from: the drafts folder (paths relative to the draft) and the store. */
export interface PhotoSource {
  /** A path as the draft writes it, relative to the draft's folder. */
  fromPath(rel: string): Promise<PhotoFound>
  /** An image the draft carries inside it. */
  fromBytes(bytes: Uint8Array, name: string): Promise<PhotoFound>
}

type El = {
  tagName: string
  parentNode: El | null
  ownerDocument: { createElement(tag: string): El; createTextNode(text: string): unknown }
  childNodes: ArrayLike<El & { nodeType: number; textContent: string | null }>
  textContent: string | null
  getAttribute(name: string): string | null
  setAttribute(name: string, value: string): void
  removeAttribute(name: string): void
  querySelectorAll(selector: string): ArrayLike<El>
  appendChild(node: unknown): unknown
  replaceWith(...nodes: unknown[]): void
  after(...nodes: unknown[]): void
  remove(): void
  closest(selector: string): El | null
  nextElementSibling: El | null
}

const CREDIT = /^\s*(?:ảnh|photo|nguồn ảnh)\s*:\s*(.+?)\s*$/iu

/** An "Ảnh: Minh Anh" line: the credit it names. */
function creditOf(text: string | null | undefined): string | null {
  const m = CREDIT.exec(text ?? '')
  return m ? m[1] : null
}

function dataUrlBytes(src: string): { bytes: Uint8Array; name: string } | null {
  const m = /^data:image\/([a-z0-9.+-]+);base64,([a-z0-9+/=\s]+)$/i.exec(src)
  return m ? { bytes: Buffer.from(m[2].replace(/\s+/g, ''), 'base64'), name: `anh-nhung.${m[1].toLowerCase().replace('jpeg', 'jpg')}` } : null
}

/** The figure element the schema parses: the photo, its caption and credit. */
function figureElement(doc: El['ownerDocument'], photo: { media: string; width: number | null; height: number | null }, alt: string, caption: string, credit: string): El {
  const figure = doc.createElement('figure')
  figure.setAttribute('data-media', photo.media)
  figure.setAttribute('data-alt', alt)
  figure.setAttribute('data-credit', credit)
  if (photo.width) figure.setAttribute('data-width', String(photo.width))
  if (photo.height) figure.setAttribute('data-height', String(photo.height))
  const figcaption = doc.createElement('figcaption')
  figcaption.appendChild(doc.createTextNode(caption))
  figure.appendChild(figcaption)
  return figure
}

/**
 * Where the draft says the image's caption and credit are, taken out of the text: a `<figure>`'s
 * `<figcaption>` (an "Ảnh: …" part of it is the credit), the title of a Markdown image, an "Ảnh: …" line
 * in the image's paragraph, or a paragraph styled as a caption right after it (Word).
 */
function captionAround(img: El): { caption: string; credit: string; block: El | null } {
  const figure = img.closest('figure')
  if (figure) {
    const figcaption = figure.querySelectorAll('figcaption')[0]
    const creditSpan = figcaption?.querySelectorAll('.credit')[0]
    let credit = creditOf(creditSpan?.textContent) ?? creditSpan?.textContent?.trim() ?? ''
    creditSpan?.remove()
    let caption = blockText(figcaption)
    const inCaption = /^(.*?)[\s.–-]*(?<![\p{L}\p{N}])((?:ảnh|photo)\s*:\s*.+)$/iu.exec(caption)
    if (!credit && inCaption) {
      caption = inCaption[1].trim()
      credit = creditOf(inCaption[2]) ?? ''
    }
    return { caption, credit, block: figure }
  }
  let caption = img.getAttribute('title')?.trim() ?? ''
  let credit = ''
  const p = img.parentNode?.tagName === 'P' ? img.parentNode : null
  if (p) {
    // other content of the paragraph: an "Ảnh: …" line is the credit; anything else stays text
    const rest = [...Array.from(p.childNodes)].filter((n) => n !== (img as unknown))
    const restText = rest.map((n) => n.textContent ?? '').join('').trim()
    const named = creditOf(restText)
    if (named !== null) {
      credit = named
      for (const n of rest) (n as El).remove?.()
    }
    const next = p.nextElementSibling
    if (!caption && next && next.tagName === 'P' && /\bcaption\b/i.test(next.getAttribute('class') ?? '')) {
      caption = blockText(next)
      const trailing = /^(.*?)[\s.–-]*(?<![\p{L}\p{N}])((?:ảnh|photo)\s*:\s*.+)$/iu.exec(caption)
      if (trailing) {
        caption = trailing[1].trim()
        credit ||= creditOf(trailing[2]) ?? ''
      }
      next.remove()
    }
    const onlyImage = Array.from(p.childNodes).every((n) => n === (img as unknown) || !(n.textContent ?? '').trim())
    return { caption, credit, block: onlyImage ? p : null }
  }
  return { caption, credit, block: null }
}

/** Put a figure where the image was: replacing its paragraph or figure when it held nothing else, else after it. */
function place(img: El, figure: El, block: El | null): void {
  if (block) return void block.replaceWith(figure)
  const host = img.closest('p, li, blockquote, h1, h2, h3, h4, h5, h6') ?? img
  img.remove()
  if (host !== img) host.after(figure)
}

/**
 * The canonical pass's images, which name store photos by reference (see markdown import): figures again,
 * with the sizes the first pass found (Markdown has no place for them).
 */
export function mediaImagesToFigures(body: El, sizeOf: (ref: string) => { width: number | null; height: number | null } | undefined): void {
  for (const img of Array.from(body.querySelectorAll('img'))) {
    const src = img.getAttribute('src') ?? ''
    if (!isMediaRef(src)) continue
    const { caption, credit, block } = captionAround(img)
    place(img, figureElement(img.ownerDocument, { media: src, width: null, height: null, ...sizeOf(src) }, img.getAttribute('alt') ?? '', caption, credit), block)
  }
}

/** Turn the draft's images into figures of the store; what cannot be taken goes into `remarks`. */
export async function takePhotos(body: El, source: PhotoSource | undefined, remarks: string[]): Promise<void> {
  // a draft cannot name store photos itself: only images it carries or has beside it become figures
  for (const el of Array.from(body.querySelectorAll('[data-media]'))) el.removeAttribute('data-media')
  const remote: string[] = []
  for (const img of Array.from(body.querySelectorAll('img'))) {
    const src = (img.getAttribute('src') ?? '').trim()
    if (/^https?:/i.test(src)) {
      // kept as an image from the web (export leaves it out unless asked), never fetched
      remote.push(src)
      continue
    }
    const embedded = src.startsWith('data:') ? dataUrlBytes(src) : null
    if (!source) {
      if (!embedded) remarks.push(`image ${src.slice(0, 120) || '(no address)'} left out: images beside a draft are taken only by the sync and import`)
      if (!embedded) img.remove()
      continue
    }
    let found: PhotoFound
    if (embedded) found = await source.fromBytes(embedded.bytes, embedded.name)
    else if (!src) found = { error: 'the image has no address' }
    else {
      let rel: string
      try {
        rel = decodeURI(src.replace(/^<|>$/g, ''))
      } catch {
        rel = src
      }
      found = await source.fromPath(rel)
    }
    const name = embedded ? 'an image inside the file' : `image ${src.slice(0, 120)}`
    if ('error' in found) {
      remarks.push(`${name} left out: ${found.error}`)
      img.remove()
      continue
    }
    const { caption, credit, block } = captionAround(img)
    place(img, figureElement(img.ownerDocument, found, img.getAttribute('alt') ?? '', caption || found.caption || '', credit || found.credit || ''), block)
  }
  if (remote.length) remarks.push(`${remote.length} image(s) from the web not fetched (kept as links to the web): ${remote.slice(0, 5).join(', ')}`)
}

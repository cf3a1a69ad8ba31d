/**
 * The one ProseMirror schema: editor, importers and export all use it.
 * The spec is plain data; `buildSchema` turns it into a Schema.
 */
import { Schema, type MarkSpec, type NodeSpec } from 'prosemirror-model'
import { isMediaRef } from './media'
import { isSafeHref, isSafeImageSrc } from './urls'

/** The part of a DOM element the parse rules read (the schema is also used in Node). */
interface El {
  getAttribute(name: string): string | null
  style?: { fontWeight?: string }
}

function checkHref(value: unknown): void {
  if (!isSafeHref(value)) throw new RangeError(`Link href not allowed: ${String(value).slice(0, 80)}`)
}
function checkSrc(value: unknown): void {
  if (!isSafeImageSrc(value)) throw new RangeError(`Image src not allowed: ${String(value).slice(0, 80)}`)
}
function checkMedia(value: unknown): void {
  if (!isMediaRef(value)) throw new RangeError(`Photo src must be a media reference: ${String(value).slice(0, 80)}`)
}
function shortString(value: unknown): void {
  if (typeof value !== 'string' || value.length > 2000) throw new RangeError('Expected a string of at most 2,000 characters')
}
function optionalDimension(value: unknown): void {
  if (value !== null && !(Number.isInteger(value) && (value as number) > 0 && (value as number) <= 100_000)) throw new RangeError('Expected a size in pixels or null')
}
function optionalString(value: unknown): void {
  if (value !== null && typeof value !== 'string') throw new RangeError('Expected a string or null')
}

export const nodes = {
  doc: { content: 'block+' },
  paragraph: {
    content: 'inline*',
    group: 'block',
    parseDOM: [{ tag: 'p' }],
    toDOM: () => ['p', 0]
  },
  heading: {
    attrs: { level: { default: 2, validate: (v: unknown) => { if (v !== 2 && v !== 3 && v !== 4) throw new RangeError('Heading level must be 2, 3 or 4') } } },
    content: 'inline*',
    group: 'block',
    defining: true,
    parseDOM: [
      { tag: 'h1', attrs: { level: 2 } },
      { tag: 'h2', attrs: { level: 2 } },
      { tag: 'h3', attrs: { level: 3 } },
      { tag: 'h4', attrs: { level: 4 } },
      { tag: 'h5', attrs: { level: 4 } },
      { tag: 'h6', attrs: { level: 4 } }
    ],
    toDOM: (node) => ['h' + node.attrs.level, 0]
  },
  blockquote: {
    content: 'block+',
    group: 'block',
    defining: true,
    parseDOM: [{ tag: 'blockquote' }],
    toDOM: () => ['blockquote', 0]
  },
  horizontal_rule: {
    group: 'block',
    parseDOM: [{ tag: 'hr' }],
    toDOM: () => ['hr']
  },
  bullet_list: {
    content: 'list_item+',
    group: 'block',
    parseDOM: [{ tag: 'ul' }],
    toDOM: () => ['ul', 0]
  },
  ordered_list: {
    attrs: { order: { default: 1, validate: (v: unknown) => { if (!Number.isInteger(v)) throw new RangeError('List order must be an integer') } } },
    content: 'list_item+',
    group: 'block',
    parseDOM: [{ tag: 'ol', getAttrs: (dom) => ({ order: Number.parseInt((dom as El).getAttribute('start') ?? '1', 10) || 1 }) }],
    toDOM: (node) => (node.attrs.order === 1 ? ['ol', 0] : ['ol', { start: String(node.attrs.order) }, 0])
  },
  list_item: {
    content: 'paragraph block*',
    defining: true,
    parseDOM: [{ tag: 'li' }],
    toDOM: () => ['li', 0]
  },
  text: { group: 'inline' },
  image: {
    inline: true,
    group: 'inline',
    draggable: true,
    attrs: {
      src: { validate: checkSrc },
      alt: { default: null, validate: optionalString },
      title: { default: null, validate: optionalString }
    },
    parseDOM: [
      {
        tag: 'img[src]',
        getAttrs: (dom) => {
          const el = dom as El
          const src = el.getAttribute('src')
          if (!isSafeImageSrc(src)) return false
          return { src, alt: el.getAttribute('alt'), title: el.getAttribute('title') }
        }
      }
    ],
    toDOM: (node) => {
      const { src, alt, title } = node.attrs
      return ['img', { src, alt: alt ?? '', ...(title ? { title } : {}) }]
    }
  },
  /**
   * A photo of the store: the image (a media reference, never a path or a URL), its caption as the node's
   * inline content, the credit ("Ảnh: …"), alt text and the file's size in pixels.
   */
  figure: {
    group: 'block',
    content: 'text*',
    marks: 'em strong underline strike link',
    draggable: true,
    isolating: true,
    attrs: {
      src: { validate: checkMedia },
      alt: { default: '', validate: shortString },
      credit: { default: '', validate: shortString },
      width: { default: null, validate: optionalDimension },
      height: { default: null, validate: optionalDimension }
    },
    parseDOM: [
      {
        tag: 'figure[data-media]',
        contentElement: 'figcaption',
        getAttrs: (dom) => {
          const el = dom as El
          const src = el.getAttribute('data-media')
          if (!isMediaRef(src)) return false
          const size = (name: string) => Number.parseInt(el.getAttribute(name) ?? '', 10) || null
          return { src, alt: el.getAttribute('data-alt') ?? '', credit: el.getAttribute('data-credit') ?? '', width: size('data-width'), height: size('data-height') }
        }
      }
    ],
    // the editor and the clipboard (export renders figures itself, with the image's real address)
    toDOM: (node) => {
      const { src, alt, credit, width, height } = node.attrs
      return ['figure', { 'data-media': src, 'data-alt': alt, 'data-credit': credit, 'data-width': width, 'data-height': height }, ['figcaption', 0]]
    }
  },
  hard_break: {
    inline: true,
    group: 'inline',
    selectable: false,
    parseDOM: [{ tag: 'br' }],
    toDOM: () => ['br']
  }
} satisfies Record<string, NodeSpec>

export const marks = {
  link: {
    attrs: { href: { validate: checkHref }, title: { default: null, validate: optionalString } },
    inclusive: false,
    parseDOM: [
      {
        tag: 'a[href]',
        getAttrs: (dom) => {
          const el = dom as El
          const href = el.getAttribute('href')
          if (!isSafeHref(href)) return false
          return { href, title: el.getAttribute('title') }
        }
      }
    ],
    toDOM: (mark) => {
      const { href, title } = mark.attrs
      const external = /^https?:/i.test(href)
      return ['a', { href, ...(title ? { title } : {}), ...(external ? { rel: 'noopener noreferrer' } : {}) }, 0]
    }
  },
  em: {
    parseDOM: [{ tag: 'i' }, { tag: 'em' }, { style: 'font-style=italic' }],
    toDOM: () => ['em', 0]
  },
  strong: {
    parseDOM: [
      { tag: 'strong' },
      { tag: 'b', getAttrs: (dom) => (dom as El).style?.fontWeight !== 'normal' && null },
      { style: 'font-weight=400', clearMark: (m) => m.type.name === 'strong' },
      { style: 'font-weight', getAttrs: (value) => /^(bold(er)?|[5-9]\d{2,})$/.test(value as string) && null }
    ],
    toDOM: () => ['strong', 0]
  },
  underline: {
    parseDOM: [{ tag: 'u' }, { style: 'text-decoration=underline' }],
    toDOM: () => ['u', 0]
  },
  strike: {
    parseDOM: [{ tag: 's' }, { tag: 'del' }, { tag: 'strike' }, { style: 'text-decoration=line-through' }],
    toDOM: () => ['s', 0]
  }
} satisfies Record<string, MarkSpec>

export type NodeName = keyof typeof nodes
export type MarkName = keyof typeof marks

export function buildSchema(): Schema<NodeName, MarkName> {
  return new Schema({ nodes, marks })
}

/** The shared schema instance. */
export const schema = buildSchema()

/**
 * Markdown with YAML front matter: the shape the drafts-folder sync imports, so export → import gives back
 * the same article. The body is CommonMark from prosemirror-markdown's serializer, with what it leaves
 * ambiguous made explicit: text after a line break is escaped as the start of a line (and loses its leading
 * white space), a heading's closing `#`s are escaped, underscores not inside a word are escaped, adjacent
 * lists alternate their markers, `&`/`<` are written as entities, and an address with a space goes in `<…>`.
 */
import { Fragment, type Node as PMNode } from 'prosemirror-model'
import { defaultMarkdownSerializer, MarkdownSerializer, type MarkdownSerializerState } from 'prosemirror-markdown'
import { editableFields, type Article } from '../../../shared/article'
import { docFromJSON } from '../../../shared/doc'
import { creditLine, mediaBesidePage } from '../../../shared/media'
import type { MediaSrc } from '../../../shared/render-html'
import { writeFrontMatter } from './front-matter'

type State = MarkdownSerializerState & { inAutolink?: boolean; atBlockStart: boolean; out: string; afterBreak?: boolean }

/**
 * What else can open a block at the start of a line, beyond what prosemirror-markdown escapes: `1)`, a
 * setext underline, and a list marker that ends the text (`+` or `10.` alone, or before a break or another
 * node: prosemirror-markdown escapes them only when a space follows within the same text).
 */
function escapeLineStart(text: string): string {
  return text
    .replace(/^(\d+)\)/, '$1\\)')
    .replace(/^(=+[ \t]*)$/, '\\$1')
    .replace(/^\+(?=[ \t]|$)/, '\\+')
    .replace(/^(\d+)\.(?=[ \t]|$)/, '$1\\.')
}

/**
 * prosemirror-markdown's escape, with every underscore escaped that is not between two letters or digits.
 * It leaves `_` bare when word characters stand on both sides, and counts `_` itself as one, so the inner
 * underscores of `__init__` stayed bare (`\__init_\_`) and read back as emphasis, two of them lost.
 */
function esc(state: MarkdownSerializerState, text: string, startOfLine = false): string {
  const alnum = (c: string | undefined) => c !== undefined && /[A-Za-z0-9]/.test(c)
  return state.esc(text, startOfLine).replace(/_/g, (m, i: number, s: string) => (s[i - 1] !== '\\' && !(alnum(s[i - 1]) && alnum(s[i + 1])) ? '\\_' : m))
}

/** `&` and `<` as entities, so that text like "<b>" or "&amp;" comes back as the same text, not markup. */
const asEntities = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;')

/** A link title or photo caption in quotes: its quotes, backslashes and entities escaped. */
const quoted = (text: string) => `"${asEntities(text).replace(/["\\]/g, '\\$&')}"`

/**
 * A link's or an image's address as a Markdown destination. One with white space (after the host: the URL
 * rules allow it) goes in `<…>`, where a space is allowed. A data URL loses its spaces: base64 ignores them,
 * and read back percent-encoded they would make an address the URL rules refuse, the image lost.
 */
function destination(url: string): string {
  // an `&` that would read as an entity (`&amp;` written in the address itself) stays an `&`
  const u = (url.startsWith('data:') ? url.replace(/\s+/g, '') : url).replace(/&(?=#?[a-z0-9]+;)/gi, '&amp;')
  return /\s/.test(u) ? `<${u.replace(/[<>\\]/g, '\\$&')}>` : u.replace(/[()"\\]/g, '\\$&')
}

/** A paragraph that writes nothing: no text but white space, nothing but line breaks. */
function isBlank(node: PMNode): boolean {
  let blank = node.type.name === 'paragraph'
  node.forEach((child) => {
    if (!(child.type.name === 'hard_break' || (child.isText && !child.text!.trim()))) blank = false
  })
  return blank
}

/** Is nothing after this child but line breaks (which write nothing at the end of a block)? */
function onlyBreaksAfter(parent: PMNode, index: number): boolean {
  for (let i = index + 1; i < parent.childCount; i++) if (parent.child(i).type.name !== 'hard_break') return false
  return true
}

/** How many lists of the same type stand right before this one (to alternate their markers). */
function sameListsBefore(node: PMNode, parent: PMNode, index: number): number {
  let n = 0
  for (let i = index - 1; i >= 0 && parent.child(i).type === node.type; i--) n++
  return n
}

const serializer = new MarkdownSerializer(
  {
    ...defaultMarkdownSerializer.nodes,
    text: (s, node, parent, index) => {
      const state = s as State
      // an autolink's text is its URL, written as it is (an entity there would become part of the link)
      if (state.inAutolink) return state.text(node.text!, false)
      const lineStart = state.atBlockStart || state.afterBreak === true
      state.afterBreak = false
      const text = esc(state, asEntities(node.text!), lineStart)
      state.text(lineStart ? escapeLineStart(text) : text, false)
      // a heading's text ending in `#`s: escape them, or they would read as the heading's closing sequence
      if (parent.type.name === 'heading' && onlyBreaksAfter(parent, index)) state.out = state.out.replace(/(^|[ \t#])(#+[ \t]*)$/, (m, before: string, hashes: string) => (m.startsWith('\\') ? m : `${before}\\${hashes}`))
    },
    hard_break: (s, node, parent, index) => {
      const state = s as State
      // a break separates two lines of text: none at the start of a block, none twice (as the importer tidies)
      if (index === 0 || parent.child(index - 1).type === node.type) {
        state.afterBreak = true // still at the start of a line
        return
      }
      for (let i = index + 1; i < parent.childCount; i++) {
        if (parent.child(i).type !== node.type) {
          // a heading is one line in Markdown: its break is written as HTML, which the importer reads back
          if (parent.type.name === 'heading') return state.write('<br>')
          state.write('\\\n')
          // what follows starts a line: `> x`, `- x`, `# x` there must stay text
          state.afterBreak = true
          return
        }
      }
    },
    // `![alt](path "caption")` with the credit on the next line, in italics: what the importer reads back as a photo
    figure: (state, node) => {
      const { src, alt, credit } = node.attrs
      const mediaSrc = (state.options as { mediaSrc?: MediaSrc }).mediaSrc ?? mediaBesidePage
      const caption = node.textContent
      state.write(`![${esc(state, asEntities(alt))}](<${mediaSrc(src)}>${caption ? ` ${quoted(caption)}` : ''})`)
      const line = creditLine(credit)
      if (line) state.write(`\n*${esc(state, asEntities(line))}*`)
      state.closeBlock(node)
    },
    image: (state, node) => {
      const { src, alt, title } = node.attrs
      state.write(`![${esc(state, asEntities(alt ?? ''))}](${destination(src)}${title ? ` ${quoted(title)}` : ''})`)
    },
    list_item: (state, node) => {
      // an item that opens with blank paragraphs: its first real block starts on the marker's line (`* * b`),
      // since a blank first line would end the item and leave what follows outside it
      let start = 0
      while (start < node.childCount && isBlank(node.child(start))) start++
      // an empty item cannot follow a paragraph line in CommonMark (it would read as text): an HTML comment,
      // which the importer drops, keeps it an item
      if (start === node.childCount) return state.write('<!-- -->')
      node.forEach((child, _, i) => i >= start && state.render(child, node, i))
    },
    bullet_list: (state, node, parent, index) => {
      // two lists in a row need different markers, or they read back as one list
      const bullet = sameListsBefore(node, parent, index) % 2 ? '-' : '*'
      state.renderList(node, '  ', () => bullet + ' ')
    },
    ordered_list: (state, node, parent, index) => {
      const delimiter = sameListsBefore(node, parent, index) % 2 ? ')' : '.'
      const start = (node.attrs.order as number) ?? 1
      const width = String(start + node.childCount - 1).length
      // numbers to the left, padded after ("8.  ", "10. "): every item's text starts at the same column, the
      // one its following lines are indented to. Padded before (" 8. "), a nested list's first item moved
      // the outer item's text one column right of its following lines, and an item "10." of the nested
      // list read back as code, its text lost
      state.renderList(node, state.repeat(' ', width + 2), (i) => {
        const n = String(start + i)
        return n + delimiter + state.repeat(' ', width - n.length + 1)
      })
    }
  },
  {
    ...defaultMarkdownSerializer.marks,
    link: {
      ...defaultMarkdownSerializer.marks.link,
      // `<url>` when the text is the address itself, but an address with white space cannot be one
      open: (s, mark, parent, index) => {
        const state = s as State
        const open = (defaultMarkdownSerializer.marks.link.open as (...args: unknown[]) => string)(state, mark, parent, index)
        if (!state.inAutolink || !/[\s<>]/.test(mark.attrs.href)) return open
        state.inAutolink = false
        return '['
      },
      close: (s, mark) => {
        const state = s as State
        const autolink = state.inAutolink
        state.inAutolink = undefined
        return autolink ? '>' : `](${destination(mark.attrs.href)}${mark.attrs.title ? ` ${quoted(mark.attrs.title)}` : ''})`
      }
    },
    // CommonMark has no underline: inline HTML, which the importer parses through the schema
    underline: { open: '<u>', close: '</u>', mixable: true, expelEnclosingWhitespace: true },
    strike: { open: '~~', close: '~~', mixable: true, expelEnclosingWhitespace: true }
  }
)

/**
 * The document without white space at the start of a line (a textblock's start, or after a line break).
 * It means nothing there in Markdown, and written out it could indent the line into code, its text lost:
 * white space a mark gives up too (strike over `\ta` is written `\t~~a~~`).
 */
function withoutLineStartSpace(node: PMNode): PMNode {
  if (node.isLeaf) return node
  const children: PMNode[] = []
  let changed = false
  let lineStart = true
  node.forEach((child) => {
    let kept: PMNode | null = child
    if (!node.isTextblock) kept = withoutLineStartSpace(child)
    else if (child.isText && lineStart) {
      const text = child.text!.replace(/^[ \t]+/, '')
      kept = text === child.text ? child : text ? child.type.schema.text(text, child.marks) : null
    }
    if (kept !== child) changed = true
    if (!kept) return
    children.push(kept)
    if (node.isTextblock) lineStart = kept.type.name === 'hard_break'
  })
  return changed ? node.copy(Fragment.fromArray(children)) : node
}

/** The body as CommonMark; photos are linked where `mediaSrc` says (default: `media/<file>`). */
export function bodyToMarkdown(body: unknown, mediaSrc?: MediaSrc): string {
  return serializer.serialize(withoutLineStartSpace(docFromJSON(body)), { mediaSrc } as never)
}

/** Every metadata field in the front matter (the featured photo as `image`, a path), the body as CommonMark. */
export function articleToMarkdown(a: Article, mediaSrc?: MediaSrc): string {
  const { body, featuredImage, ...fields } = editableFields(a)
  const image = featuredImage ? { image: (mediaSrc ?? mediaBesidePage)(featuredImage) } : {}
  return writeFrontMatter({ ...fields, ...image, id: a.id, created: a.createdAt, updated: a.updatedAt }, bodyToMarkdown(body, mediaSrc) + '\n')
}

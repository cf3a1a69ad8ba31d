/** HTML → ProseMirror document through the shared schema: scripts, event attributes, styles and bad URLs vanish. */
import { parseHTML } from 'linkedom'
import './fast-matches'
import { DOMParser as PMDOMParser, Fragment, type Node as PMNode } from 'prosemirror-model'
import { preformattedText } from '../../../shared/html-blocks'
import { schema } from '../../../shared/schema'

const parser = PMDOMParser.fromSchema(schema)

export function parseDocument(html: string) {
  return parseHTML(html.includes('<html') ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`).document
}

type El = ReturnType<ReturnType<typeof parseDocument>['createElement']>

/**
 * The schema has no code block: preformatted text becomes a paragraph with a line break per line, each
 * line's white space collapsed as anywhere else. So the first import already gives what a second import
 * of the exported Markdown gives (tabs and runs of spaces would not survive it).
 */
function preformattedAsParagraphs(root: El): void {
  const document = root.ownerDocument
  for (const pre of [...root.querySelectorAll('pre')]) {
    const lines = preformattedText(pre).split('\n').map((l: string) => l.replace(/[ \t\r\f\v]+/g, ' ').trim()).filter(Boolean)
    if (lines.length === 0) {
      // (an empty one still stands between the words on either side of it)
      pre.replaceWith(document.createElement('div'))
      continue
    }
    const p = document.createElement('p')
    lines.forEach((line: string, i: number) => {
      if (i) p.appendChild(document.createElement('br'))
      p.appendChild(document.createTextNode(line))
    })
    pre.replaceWith(p)
  }
}

/** A line of a text block: no space at its ends, no break at the block's ends, one break between lines. */
function tidyInline(block: PMNode): PMNode[] {
  const out: PMNode[] = []
  let lineStart = true
  const items: PMNode[] = []
  block.forEach((child) => items.push(child))
  for (let i = 0; i < items.length; i++) {
    const child = items[i]
    if (child.type.name === 'hard_break') {
      // no break at the start, none twice: a break only ever separates two lines of text
      if (lineStart) continue
      // trailing space of the line it ends
      const last = out[out.length - 1]
      if (last?.isText) {
        const text = last.text!.replace(/[ \t\n\r\f]+$/, '')
        out.pop()
        if (text) out.push(last.type.schema.text(text, last.marks))
      }
      out.push(child)
      lineStart = true
      continue
    }
    if (child.isText) {
      let text = child.text!
      if (lineStart) text = text.replace(/^[ \t\n\r\f]+/, '')
      if (!text) continue
      out.push(child.type.schema.text(text, child.marks))
      lineStart = false
      continue
    }
    out.push(child)
    lineStart = false
  }
  // no break or space at the end of the block
  while (out.length && out[out.length - 1].type.name === 'hard_break') out.pop()
  const last = out[out.length - 1]
  if (last?.isText) {
    const text = last.text!.replace(/[ \t\n\r\f]+$/, '')
    out.pop()
    if (text) out.push(last.type.schema.text(text, last.marks))
  }
  return out
}

/**
 * White space as Markdown keeps it: none at the ends of lines, no empty paragraph between blocks, no break
 * at the end of a block. Applied on import, so that a draft's first import already equals what its
 * exported Markdown gives back.
 */
export function tidyWhitespace(node: PMNode): PMNode {
  if (node.isTextblock) {
    const children = tidyInline(node)
    return node.type.create(node.attrs, children, node.marks)
  }
  if (node.isLeaf) return node
  const children: PMNode[] = []
  node.forEach((child) => children.push(tidyWhitespace(child)))
  const kept = children.filter((c) => !(c.type.name === 'paragraph' && c.content.size === 0))
  const content = node.type.validContent(Fragment.fromArray(kept))
    ? kept
    : node.type.name === 'doc' && kept.length === 0
      ? [node.type.schema.nodes.paragraph.create()]
      : children
  return node.type.create(node.attrs, content, node.marks)
}

/** Parse an element's content into a document (preformatted text rewritten first, white space tidied after). */
export function elementToDoc(element: unknown): PMNode {
  preformattedAsParagraphs(element as El)
  const doc = tidyWhitespace(parser.parse(element as never))
  doc.check()
  return doc
}

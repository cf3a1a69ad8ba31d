/**
 * HTML serialization following the HTML standard's fragment serializing algorithm (text and attribute
 * escaping, void elements, raw-text elements). linkedom builds the tree; this writes it out exactly,
 * so that `</title>` in a title or `&amp;` in an attribute can never change the document.
 */

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'])
const RAW_TEXT = new Set(['style', 'script', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext', 'noscript'])

/** The part of a DOM node the serializer reads. */
export interface SerializableNode {
  nodeType: number
  nodeName: string
  nodeValue: string | null
  childNodes: ArrayLike<SerializableNode>
  attributes?: ArrayLike<{ name: string; value: string }>
}

/** What the escapes below replace: most strings have none and are given back as they are. */
const ESCAPED = /[&<>"\u00a0]/

export function escapeText(text: string): string {
  if (!ESCAPED.test(text)) return text
  return text.replace(/&/g, '&amp;').replace(/\u00a0/g, '&nbsp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

export function escapeAttribute(value: string): string {
  if (!ESCAPED.test(value)) return value
  return value.replace(/&/g, '&amp;').replace(/\u00a0/g, '&nbsp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

export function serializeNode(node: SerializableNode, parentTag = ''): string {
  switch (node.nodeType) {
    case 1: {
      const tag = node.nodeName.toLowerCase()
      let out = '<' + tag
      const attrs = node.attributes ?? []
      for (let i = 0; i < attrs.length; i++) out += ` ${attrs[i].name}="${escapeAttribute(attrs[i].value)}"`
      out += '>'
      if (VOID.has(tag)) return out
      return out + serializeChildren(node, tag) + `</${tag}>`
    }
    case 3:
      return RAW_TEXT.has(parentTag) ? node.nodeValue ?? '' : escapeText(node.nodeValue ?? '')
    case 8:
      return `<!--${node.nodeValue ?? ''}-->`
    default:
      return serializeChildren(node, parentTag)
  }
}

export function serializeChildren(node: SerializableNode, tag = ''): string {
  let out = ''
  for (let i = 0; i < node.childNodes.length; i++) out += serializeNode(node.childNodes[i], tag)
  return out
}

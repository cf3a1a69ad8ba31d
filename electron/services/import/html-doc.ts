/** HTML → ProseMirror document through the shared schema: scripts, event attributes, styles and bad URLs vanish. */
import { parseHTML } from 'linkedom'
import { DOMParser as PMDOMParser, type Node as PMNode } from 'prosemirror-model'
import { schema } from '../../../shared/schema'

const parser = PMDOMParser.fromSchema(schema)

export function parseDocument(html: string) {
  return parseHTML(html.includes('<html') ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`).document
}

/** Parse an element's content into a document (the element is left as it is). */
export function elementToDoc(element: unknown): PMNode {
  const doc = parser.parse(element as never)
  doc.check()
  return doc
}

/**
 * The smallest document ProseMirror's DOMSerializer and the page builders need: elements with attributes, text nodes and fragments, nothing else (no parsing, no events, no styles).
 * Rendering an article over it costs a fraction of a full DOM, and html-serialize writes it out exactly as
 * it writes a browser's or linkedom's tree.
 */
import type { SerializableNode } from './html-serialize'

export class StringNode implements SerializableNode {
  readonly childNodes: StringNode[] = []
  readonly attributes: Array<{ name: string; value: string }> = []

  constructor(
    readonly nodeType: 1 | 3 | 11,
    readonly nodeName: string,
    public nodeValue: string | null = null
  ) {}

  appendChild<T extends StringNode>(child: T): T {
    if (child.nodeType === 11) this.childNodes.push(...child.childNodes.splice(0))
    else this.childNodes.push(child)
    return child
  }

  append(...children: Array<StringNode | string>): void {
    for (const child of children) this.appendChild(typeof child === 'string' ? new StringNode(3, '#text', child) : child)
  }

  setAttribute(name: string, value: unknown): void {
    const text = String(value)
    const existing = this.attributes.find((a) => a.name === name)
    if (existing) existing.value = text
    // newest first, as linkedom (the DOM this renderer was first built on, and the goldens' source) keeps them
    else this.attributes.unshift({ name, value: text })
  }

  setAttributeNS(_ns: string, name: string, value: unknown): void {
    this.setAttribute(name, value)
  }

  set textContent(text: string) {
    this.childNodes.length = 0
    if (text) this.childNodes.push(new StringNode(3, '#text', text))
  }
}

/** A document whose `documentElement` holds an empty head and body, like a parsed `<!DOCTYPE html>` page. */
export function stringDocument() {
  const document = {
    createElement: (tag: string) => new StringNode(1, tag.toUpperCase()),
    createElementNS: (_ns: string, tag: string) => new StringNode(1, tag),
    createTextNode: (text: string) => new StringNode(3, '#text', text),
    createDocumentFragment: () => new StringNode(11, '#document-fragment'),
    documentElement: new StringNode(1, 'HTML'),
    head: new StringNode(1, 'HEAD'),
    body: new StringNode(1, 'BODY')
  }
  document.documentElement.append(document.head, document.body)
  return document
}

export type StringDocument = ReturnType<typeof stringDocument>

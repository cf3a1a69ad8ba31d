/** ProseMirror documents as stored JSON: validation, construction and plain-text views. */
import { Node as PMNode } from 'prosemirror-model'
import { schema } from './schema'
import { cleanText, nfc } from './text'

export interface DocJSON {
  type: 'doc'
  content?: unknown[]
}

/** Parse stored JSON into a checked document; throws a RangeError naming the problem. */
export function docFromJSON(json: unknown): PMNode {
  if (!json || typeof json !== 'object' || (json as { type?: unknown }).type !== 'doc') {
    throw new RangeError('body must be a ProseMirror document of type "doc"')
  }
  const node = PMNode.fromJSON(schema, json)
  node.check()
  return node
}

/** Why a value is not a valid body, or null when it is. */
export function docProblem(json: unknown): string | null {
  try {
    docFromJSON(json)
    return null
  } catch (err) {
    return err instanceof Error ? err.message : String(err)
  }
}

/** A document of plain paragraphs (empty strings are skipped; an empty list gives one empty paragraph). */
export function docFromParagraphs(paragraphs: readonly string[]): DocJSON {
  const content = paragraphs
    .map((p) => nfc(p).trim())
    .filter(Boolean)
    .map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] }))
  return { type: 'doc', content: content.length ? content : [{ type: 'paragraph' }] }
}

export function emptyDoc(): DocJSON {
  return { type: 'doc', content: [{ type: 'paragraph' }] }
}

/**
 * A document with every string inside it (text nodes and attributes) cleaned — NFC, no control characters
 * but tab and line feed — and no text node left empty by the cleaning, in one walk.
 */
export function cleanDoc<T>(doc: T): T {
  const clean = (value: unknown): unknown => {
    if (typeof value === 'string') return cleanText(value, { lines: true })
    if (Array.isArray(value)) {
      const out: unknown[] = []
      for (const item of value) {
        const c = clean(item) as { type?: unknown; text?: unknown } | null
        if (!(c && typeof c === 'object' && c.type === 'text' && c.text === '')) out.push(c)
      }
      return out
    }
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = Object.create(null)
      for (const [k, v] of Object.entries(value)) out[k] = clean(v)
      return out
    }
    return value
  }
  return clean(doc) as T
}

/** A node's children, as a list. */
export function childNodes(node: PMNode): PMNode[] {
  const list: PMNode[] = []
  node.forEach((c) => list.push(c))
  return list
}

/** Plain text of a document, one line per block. */
export function docText(doc: PMNode): string {
  const lines: string[] = []
  doc.descendants((node) => {
    if (node.isTextblock) {
      lines.push(node.textBetween(0, node.content.size, ' ', ' '))
      return false
    }
    return true
  })
  return lines.join('\n')
}

/** Plain text straight from stored JSON (no schema check), for indexing many articles fast. */
export function jsonText(json: unknown): string {
  const parts: string[] = []
  const walk = (n: unknown): void => {
    if (!n || typeof n !== 'object') return
    const node = n as { text?: unknown; content?: unknown }
    if (typeof node.text === 'string') parts.push(node.text)
    if (Array.isArray(node.content)) {
      for (const c of node.content) walk(c)
      parts.push(' ')
    }
  }
  walk(json)
  return parts.join('')
}

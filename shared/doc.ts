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

const isEmptyText = (node: unknown): boolean => !!node && typeof node === 'object' && (node as { type?: unknown }).type === 'text' && (node as { text?: unknown }).text === ''

/**
 * A document with every string inside it (text nodes and attributes) cleaned — NFC, no control characters
 * but tab and line feed — and no text node left empty by the cleaning, in one walk. What is clean already
 * is given back as it is, not copied (a stored body, read again, is all clean: its copy cost more than
 * the rest of its validation); a changed object is copied without a prototype.
 */
export function cleanDoc<T>(doc: T): T {
  const clean = (value: unknown): unknown => {
    if (typeof value === 'string') return cleanText(value, { lines: true })
    if (Array.isArray(value)) {
      let out: unknown[] | null = null
      for (let i = 0; i < value.length; i++) {
        const c = clean(value[i])
        const drop = isEmptyText(c)
        if (!out && (drop || c !== value[i])) out = value.slice(0, i)
        if (out && !drop) out.push(c)
      }
      return out ?? value
    }
    if (value && typeof value === 'object') {
      const keys = Object.keys(value)
      const from = value as Record<string, unknown>
      let out: Record<string, unknown> | null = null
      for (let i = 0; i < keys.length; i++) {
        const c = clean(from[keys[i]])
        if (!out && c !== from[keys[i]]) {
          out = Object.create(null) as Record<string, unknown>
          for (let j = 0; j < i; j++) out[keys[j]] = from[keys[j]]
        }
        if (out) out[keys[i]] = c
      }
      return out ?? value
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

/**
 * Plain text straight from stored JSON (no schema check), for indexing many articles fast: a space after
 * each block and for each leaf inside text (a line break, a photo), so the words on either side of a
 * line break stay two words for search, word counts and descriptions.
 */
export function jsonText(json: unknown): string {
  const parts: string[] = []
  const walk = (n: unknown): void => {
    if (!n || typeof n !== 'object') return
    const node = n as { text?: unknown; content?: unknown }
    if (typeof node.text === 'string') parts.push(node.text)
    else if (Array.isArray(node.content)) {
      for (const c of node.content) walk(c)
      parts.push(' ')
    } else parts.push(' ')
  }
  walk(json)
  return parts.join('')
}

/**
 * The texts the rules read, each with where it is: one-line fields by character offset, the body's text
 * blocks (and photo captions) by ProseMirror position, so that a problem can be underlined and fixed in
 * place. An inline leaf reads as U+FFFC and a line break as "\n", one position each.
 */
import type { Node as PMNode } from 'prosemirror-model'
import type { ProofField } from './types'

export interface Segment {
  field: ProofField
  text: string
  /** The field position of a character offset of `text`. */
  pos(offset: number): number
  /** A tag's index, for problems in tags. */
  index?: number
}

const lineSegment = (field: ProofField, text: string): Segment => ({ field, text, pos: (o) => o })

/** The textblocks of a body: paragraphs, headings, list items, quotes (field body) and photo captions (field caption). */
export function bodySegments(doc: PMNode): Segment[] {
  const out: Segment[] = []
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true
    let text = ''
    const starts: Array<[number, number]> = []
    node.forEach((child, offset) => {
      starts.push([text.length, pos + 1 + offset])
      text += child.isText ? child.text! : child.type.name === 'hard_break' ? '\n' : '\uFFFC'
    })
    out.push({
      field: node.type.name === 'figure' ? 'caption' : 'body',
      text,
      pos: (o) => {
        // the last run starting at or before the offset
        let at = starts[0] ?? [0, pos + 1]
        for (const s of starts) if (s[0] <= o) at = s
        return at[1] + (o - at[0])
      }
    })
    return false
  })
  return out
}

export function fieldSegments(a: { title: string; sapo: string; author: string; source: string; tags: string[] }, body: PMNode): Segment[] {
  return [
    lineSegment('title', a.title),
    lineSegment('sapo', a.sapo),
    ...bodySegments(body),
    ...a.tags.map((t, index) => ({ ...lineSegment('tags', t), index })),
    lineSegment('author', a.author),
    lineSegment('source', a.source)
  ]
}

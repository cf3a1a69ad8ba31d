/** Read-only questions about an editor state (what the toolbar shows as active). */
import type { MarkType, NodeType } from 'prosemirror-model'
import type { EditorState } from 'prosemirror-state'

export function isMarkActive(state: EditorState, type: MarkType): boolean {
  const { from, $from, to, empty } = state.selection
  if (empty) return !!type.isInSet(state.storedMarks ?? $from.marks())
  return state.doc.rangeHasMark(from, to, type)
}

/** Is the selection inside a block of this type (with these attrs)? */
export function isBlockActive(state: EditorState, type: NodeType, attrs?: Record<string, unknown>): boolean {
  const { $from } = state.selection
  for (let d = $from.depth; d > 0; d--) {
    const node = $from.node(d)
    if (node.type === type && (!attrs || Object.entries(attrs).every(([k, v]) => node.attrs[k] === v))) return true
  }
  return false
}

/** The href of the link at the selection, if any. */
export function activeLink(state: EditorState): string | null {
  const link = state.schema.marks.link
  const { $from, from, to, empty } = state.selection
  if (empty) return (link.isInSet($from.marks())?.attrs.href as string) ?? null
  let href: string | null = null
  state.doc.nodesBetween(from, to, (node) => {
    const m = link.isInSet(node.marks)
    if (m) href = m.attrs.href as string
  })
  return href
}

/** Editing commands for the toolbar, shortcuts and menu (queries live in queries.ts). */
import { lift, setBlockType, toggleMark, wrapIn } from 'prosemirror-commands'
import type { Command } from 'prosemirror-state'
import { liftListItem, wrapInList } from 'prosemirror-schema-list'
import { schema } from '../../../shared/schema'
import { isSafeHref } from '../../../shared/urls'
import { isBlockActive } from './queries'

const { nodes, marks } = schema

export const toggleStrong = toggleMark(marks.strong)
export const toggleEm = toggleMark(marks.em)
export const toggleUnderline = toggleMark(marks.underline)
export const toggleStrike = toggleMark(marks.strike)

/** Heading of a level, or back to a paragraph when already that heading. */
export function toggleHeading(level: 2 | 3 | 4): Command {
  return (state, dispatch) =>
    isBlockActive(state, nodes.heading, { level })
      ? setBlockType(nodes.paragraph)(state, dispatch)
      : setBlockType(nodes.heading, { level })(state, dispatch)
}

export const toggleBlockquote: Command = (state, dispatch) =>
  isBlockActive(state, nodes.blockquote) ? lift(state, dispatch) : wrapIn(nodes.blockquote)(state, dispatch)

export function toggleList(type: 'bullet_list' | 'ordered_list'): Command {
  return (state, dispatch) =>
    isBlockActive(state, nodes[type]) ? liftListItem(nodes.list_item)(state, dispatch) : wrapInList(nodes[type])(state, dispatch)
}

export const insertHorizontalRule: Command = (state, dispatch) => {
  if (dispatch) dispatch(state.tr.replaceSelectionWith(nodes.horizontal_rule.create()).scrollIntoView())
  return true
}

export const insertHardBreak: Command = (state, dispatch) => {
  if (dispatch) dispatch(state.tr.replaceSelectionWith(nodes.hard_break.create()).scrollIntoView())
  return true
}

/** Set a link on the selection (or remove it with null). Refuses anything but http, https, mailto and #fragment. */
export function setLink(href: string | null): Command {
  return (state, dispatch) => {
    const { from, to, empty } = state.selection
    if (href === null) {
      if (dispatch) {
        let start = from
        let end = to
        if (empty) {
          // remove the whole link around the cursor
          const $pos = state.doc.resolve(from)
          const parent = $pos.parent
          const index = $pos.index()
          const child = parent.maybeChild(index) ?? parent.maybeChild(index - 1)
          if (child && marks.link.isInSet(child.marks)) {
            start = $pos.start()
            end = $pos.end()
          }
        }
        dispatch(state.tr.removeMark(start, end, marks.link))
      }
      return true
    }
    if (!isSafeHref(href) || empty) return false
    if (dispatch) dispatch(state.tr.removeMark(from, to, marks.link).addMark(from, to, marks.link.create({ href })))
    return true
  }
}

/** Remove every mark from the selection and turn its blocks into plain paragraphs. */
export const clearFormatting: Command = (state, dispatch) => {
  const { from, to } = state.selection
  if (dispatch) {
    const tr = state.tr
    for (const mark of Object.values(marks)) tr.removeMark(from, to, mark)
    tr.setBlockType(from, to, nodes.paragraph)
    dispatch(tr)
  }
  return true
}

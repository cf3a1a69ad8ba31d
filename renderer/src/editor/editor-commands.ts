/**
 * What each editor command of the command table (shared/commands.ts) does in ProseMirror, and when it is
 * active: the toolbar, the keymap and the native menu's Format items all run these.
 */
import { redo, undo } from 'prosemirror-history'
import type { Command, EditorState } from 'prosemirror-state'
import { COMMANDS, keymapKey, type EditorCommandId } from '../../../shared/commands'
import { schema } from '../../../shared/schema'
import {
  clearFormatting,
  insertHorizontalRule,
  toggleBlockquote,
  toggleEm,
  toggleHeading,
  toggleList,
  toggleStrike,
  toggleStrong,
  toggleUnderline
} from './commands'
import { activeLink, isBlockActive, isMarkActive } from './queries'

const { marks, nodes } = schema

export interface EditorCommand {
  /** null: the command is not a ProseMirror command (the link and photo open dialogs: see DialogCommandId). */
  run: Command | null
  active?: (state: EditorState) => boolean
  /** What the toolbar button shows. */
  glyph: string
}

export const EDITOR_COMMANDS: Record<EditorCommandId, EditorCommand> = {
  bold: { run: toggleStrong, active: (s) => isMarkActive(s, marks.strong), glyph: 'B' },
  italic: { run: toggleEm, active: (s) => isMarkActive(s, marks.em), glyph: 'I' },
  underline: { run: toggleUnderline, active: (s) => isMarkActive(s, marks.underline), glyph: 'U' },
  strike: { run: toggleStrike, active: (s) => isMarkActive(s, marks.strike), glyph: 'S' },
  link: { run: null, active: (s) => activeLink(s) !== null, glyph: '↗' },
  h2: { run: toggleHeading(2), active: (s) => isBlockActive(s, nodes.heading, { level: 2 }), glyph: 'H2' },
  h3: { run: toggleHeading(3), active: (s) => isBlockActive(s, nodes.heading, { level: 3 }), glyph: 'H3' },
  h4: { run: toggleHeading(4), active: (s) => isBlockActive(s, nodes.heading, { level: 4 }), glyph: 'H4' },
  quote: { run: toggleBlockquote, active: (s) => isBlockActive(s, nodes.blockquote), glyph: '❝' },
  bullet: { run: toggleList('bullet_list'), active: (s) => isBlockActive(s, nodes.bullet_list), glyph: '•' },
  ordered: { run: toggleList('ordered_list'), active: (s) => isBlockActive(s, nodes.ordered_list), glyph: '1.' },
  rule: { run: insertHorizontalRule, glyph: '―' },
  photo: { run: null, glyph: '▣' },
  undo: { run: undo, glyph: '↶' },
  redo: { run: redo, glyph: '↷' },
  clear: { run: clearFormatting, glyph: 'T̸' }
}

/** The toolbar's buttons, in order; '|' separates groups. */
export const TOOLBAR: ReadonlyArray<EditorCommandId | '|'> = ['bold', 'italic', 'underline', 'strike', 'link', '|', 'h2', 'h3', 'quote', 'bullet', 'ordered', 'rule', 'photo', '|', 'undo', 'redo', 'clear']

/** Editor commands that open a dialog rather than change the document. */
export type DialogCommandId = 'link' | 'photo'

/** The keymap of the table's editor shortcuts; `link` and `photo` run `onDialog`. */
export function commandKeymap(onDialog: (id: DialogCommandId) => void): Record<string, Command> {
  const keys: Record<string, Command> = {}
  for (const spec of COMMANDS) {
    if (spec.scope !== 'editor' || !('accelerator' in spec)) continue
    const command = EDITOR_COMMANDS[spec.id]
    keys[keymapKey(spec.accelerator)] = command.run ?? (() => (onDialog(spec.id as DialogCommandId), true))
  }
  return keys
}

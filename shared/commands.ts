/**
 * The one command table: every command the journalist can give, with its label (a key of the locale
 * files), its shortcut and where it lives. The native menu (main), the toolbar, the editor's keymap, the
 * page shortcuts and every tooltip are derived from it, so a shortcut is defined here once. What a command
 * does is the renderer's (renderer/src/commands/).
 */

export interface CommandSpec {
  id: string
  /** Locale key of its name. */
  label: string
  /** Electron accelerator syntax (`CmdOrCtrl+Shift+Y`); the keymap and tooltips are derived from it. */
  accelerator?: string
  /** `app`: anywhere in the window; `editor`: in the article body (ProseMirror's keymap). */
  scope: 'app' | 'editor'
  /** Where the native menu lists it. */
  menu?: 'file' | 'edit' | 'format'
}

export const COMMANDS = [
  { id: 'new-article', label: 'command.newArticle', accelerator: 'CmdOrCtrl+N', scope: 'app', menu: 'file' },
  { id: 'save', label: 'command.save', accelerator: 'CmdOrCtrl+S', scope: 'app', menu: 'file' },
  { id: 'export', label: 'command.export', accelerator: 'CmdOrCtrl+E', scope: 'app', menu: 'file' },
  { id: 'print', label: 'command.print', accelerator: 'CmdOrCtrl+P', scope: 'app', menu: 'file' },
  { id: 'sync-now', label: 'command.syncNow', accelerator: 'CmdOrCtrl+Shift+Y', scope: 'app', menu: 'file' },
  { id: 'find', label: 'command.find', accelerator: 'CmdOrCtrl+F', scope: 'app', menu: 'edit' },
  { id: 'replace', label: 'command.replace', accelerator: 'CmdOrCtrl+H', scope: 'app', menu: 'edit' },
  { id: 'find-list', label: 'command.findList', accelerator: 'CmdOrCtrl+Shift+F', scope: 'app', menu: 'edit' },
  { id: 'proofread', label: 'command.proofread', accelerator: 'F7', scope: 'app', menu: 'edit' },
  { id: 'copy-cms', label: 'command.copyCms', accelerator: 'CmdOrCtrl+Shift+C', scope: 'app', menu: 'edit' },
  { id: 'compare-versions', label: 'command.compareVersions', accelerator: 'CmdOrCtrl+Alt+D', scope: 'app', menu: 'edit' },
  { id: 'bold', label: 'command.bold', accelerator: 'CmdOrCtrl+B', scope: 'editor', menu: 'format' },
  { id: 'italic', label: 'command.italic', accelerator: 'CmdOrCtrl+I', scope: 'editor', menu: 'format' },
  { id: 'underline', label: 'command.underline', accelerator: 'CmdOrCtrl+U', scope: 'editor', menu: 'format' },
  { id: 'strike', label: 'command.strike', accelerator: 'CmdOrCtrl+Shift+X', scope: 'editor', menu: 'format' },
  { id: 'link', label: 'command.link', accelerator: 'CmdOrCtrl+K', scope: 'editor', menu: 'format' },
  { id: 'h2', label: 'command.h2', accelerator: 'CmdOrCtrl+Alt+2', scope: 'editor', menu: 'format' },
  { id: 'h3', label: 'command.h3', accelerator: 'CmdOrCtrl+Alt+3', scope: 'editor', menu: 'format' },
  { id: 'h4', label: 'command.h4', accelerator: 'CmdOrCtrl+Alt+4', scope: 'editor' },
  { id: 'quote', label: 'command.quote', scope: 'editor', menu: 'format' },
  { id: 'bullet', label: 'command.bullet', scope: 'editor', menu: 'format' },
  { id: 'ordered', label: 'command.ordered', scope: 'editor', menu: 'format' },
  { id: 'rule', label: 'command.rule', scope: 'editor', menu: 'format' },
  { id: 'photo', label: 'command.photo', accelerator: 'CmdOrCtrl+Shift+P', scope: 'editor', menu: 'format' },
  { id: 'undo', label: 'command.undo', accelerator: 'CmdOrCtrl+Z', scope: 'editor' },
  { id: 'redo', label: 'command.redo', accelerator: 'CmdOrCtrl+Shift+Z', scope: 'editor' },
  { id: 'clear', label: 'command.clear', accelerator: 'CmdOrCtrl+\\', scope: 'editor', menu: 'format' }
] as const satisfies readonly CommandSpec[]

export type CommandId = (typeof COMMANDS)[number]['id']
export type AppCommandId = Extract<(typeof COMMANDS)[number], { scope: 'app' }>['id']
export type EditorCommandId = Extract<(typeof COMMANDS)[number], { scope: 'editor' }>['id']

export function commandSpec(id: CommandId): CommandSpec {
  return COMMANDS.find((c) => c.id === id)!
}

/** The accelerator as ProseMirror's keymap names it: `CmdOrCtrl+Shift+Z` → `Shift-Mod-z`. */
export function keymapKey(accelerator: string): string {
  const parts = accelerator.split('+')
  const key = parts.pop()!
  const mods = parts.map((p) => (p === 'CmdOrCtrl' ? 'Mod' : p))
  const order = ['Shift', 'Alt', 'Mod']
  mods.sort((a, b) => order.indexOf(a) - order.indexOf(b))
  return [...mods, key.length === 1 ? key.toLowerCase() : key].join('-')
}

/** The accelerator as a person reads it on this platform: `Ctrl+Shift+Z`, or `⇧⌘Z` on a Mac. */
export function shortcutLabel(accelerator: string, mac: boolean): string {
  const parts = accelerator.split('+')
  if (!mac) return parts.map((p) => (p === 'CmdOrCtrl' ? 'Ctrl' : p)).join('+')
  const symbol: Record<string, string> = { CmdOrCtrl: '⌘', Shift: '⇧', Alt: '⌥' }
  return parts.map((p) => symbol[p] ?? p).join('')
}

/** Does a keydown match the accelerator (Ctrl or ⌘ for CmdOrCtrl, other modifiers exactly)? */
export function matchesAccelerator(e: { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }, accelerator: string, mac: boolean): boolean {
  const parts = accelerator.split('+')
  const key = parts.pop()!
  const want = { mod: parts.includes('CmdOrCtrl'), shift: parts.includes('Shift'), alt: parts.includes('Alt') }
  const mod = mac ? e.metaKey : e.ctrlKey
  return mod === want.mod && e.shiftKey === want.shift && e.altKey === want.alt && e.key.toLowerCase() === key.toLowerCase()
}

import { describe, expect, it } from 'vitest'
import { COMMANDS, commandSpec, keymapKey, matchesAccelerator, shortcutLabel } from './commands'

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods })

describe('the command table', () => {
  it('has unique ids and shortcuts, and never binds Backspace', () => {
    expect(new Set(COMMANDS.map((c) => c.id)).size).toBe(COMMANDS.length)
    const accelerators = COMMANDS.flatMap((c) => ('accelerator' in c ? [c.accelerator] : []))
    expect(new Set(accelerators).size).toBe(accelerators.length)
    expect(accelerators.some((a) => /Backspace/i.test(a))).toBe(false)
    expect(commandSpec('sync-now').accelerator).toBe('CmdOrCtrl+Shift+Y')
  })

  it('turns an accelerator into a ProseMirror key, a label and a key matcher', () => {
    expect(keymapKey('CmdOrCtrl+B')).toBe('Mod-b')
    expect(keymapKey('CmdOrCtrl+Shift+Z')).toBe('Shift-Mod-z')
    expect(keymapKey('CmdOrCtrl+Alt+2')).toBe('Alt-Mod-2')
    expect(shortcutLabel('CmdOrCtrl+Shift+Y', false)).toBe('Ctrl+Shift+Y')
    expect(shortcutLabel('CmdOrCtrl+Shift+Y', true)).toBe('⌘⇧Y')
    expect(matchesAccelerator(key('n', { ctrlKey: true }), 'CmdOrCtrl+N', false)).toBe(true)
    expect(matchesAccelerator(key('N', { ctrlKey: true }), 'CmdOrCtrl+N', false)).toBe(true)
    expect(matchesAccelerator(key('n', { metaKey: true }), 'CmdOrCtrl+N', true)).toBe(true)
    expect(matchesAccelerator(key('n', { metaKey: true }), 'CmdOrCtrl+N', false)).toBe(false)
    expect(matchesAccelerator(key('n', { ctrlKey: true, shiftKey: true }), 'CmdOrCtrl+N', false)).toBe(false)
    expect(matchesAccelerator(key('y', { ctrlKey: true, shiftKey: true }), 'CmdOrCtrl+Shift+Y', false)).toBe(true)
    expect(matchesAccelerator(key('n'), 'CmdOrCtrl+N', false)).toBe(false)
  })
})

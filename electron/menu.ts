/**
 * The native menu: standard roles plus the command table's commands (shared/commands.ts), labelled in the
 * UI's language and rebuilt when it changes. Shortcuts are shown but not registered here: the page handles
 * every key itself (one path, so no command runs twice); a click sends the command to the renderer.
 */
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'
import { COMMANDS, type CommandId } from '../shared/commands'
import en from '../shared/locales/en.json'
import vi from '../shared/locales/vi.json'
import { eventChannelOf } from '../shared/window-api'

export type MenuLanguage = 'vi' | 'en'

/** A key of the locale files (`command.save`) in that language. */
function translate(language: MenuLanguage, key: string): string {
  const value = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], language === 'vi' ? vi : en)
  return typeof value === 'string' ? value : key
}

export function menuTemplate(send: (command: CommandId) => void, language: MenuLanguage = 'en', isMac = process.platform === 'darwin'): MenuItemConstructorOptions[] {
  const t = (key: string) => translate(language, key)
  const items = (menu: 'file' | 'edit' | 'format'): MenuItemConstructorOptions[] =>
    COMMANDS.filter((c) => 'menu' in c && c.menu === menu).map((c) => ({
      label: t(c.label),
      accelerator: 'accelerator' in c ? c.accelerator : undefined,
      registerAccelerator: false,
      click: () => send(c.id)
    }))
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    { label: t('menu.file'), submenu: [...items('file'), { type: 'separator' }, isMac ? { role: 'close' } : { role: 'quit' }] },
    {
      label: t('menu.edit'),
      submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }, { type: 'separator' }, ...items('edit')]
    },
    { label: t('menu.format'), submenu: items('format') },
    { role: 'viewMenu', label: t('menu.view') },
    { role: 'windowMenu', label: t('menu.window') }
  ]
}

export function installMenu(getWindow: () => BrowserWindow | null, language: MenuLanguage): void {
  const send = (command: CommandId) => getWindow()?.webContents.send(eventChannelOf('command'), command)
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(send, language)))
}

/** The native menu: standard roles plus the app's commands, sent to the renderer as events. */
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'
import type { ApiEvents } from '../shared/contract'
import { eventChannelOf } from '../shared/window-api'

type Command = ApiEvents['command']

export function menuTemplate(send: (command: Command) => void, isMac = process.platform === 'darwin'): MenuItemConstructorOptions[] {
  const item = (label: string, accelerator: string | undefined, command: Command): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => send(command)
  })
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        item('New article', 'CmdOrCtrl+N', 'new-article'),
        item('Save', 'CmdOrCtrl+S', 'save'),
        item('Export…', 'CmdOrCtrl+E', 'export'),
        { type: 'separator' },
        item('Sync now', 'CmdOrCtrl+Shift+Y', 'sync-now'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' }
      ]
    },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        item('Find', 'CmdOrCtrl+F', 'find')
      ]
    },
    { role: 'viewMenu' },
    { role: 'windowMenu' }
  ]
}

export function installMenu(getWindow: () => BrowserWindow | null): void {
  const send = (command: Command) => getWindow()?.webContents.send(eventChannelOf('command'), command)
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(send)))
}

/**
 * Print an article: its exported page (print stylesheet: A4, margins, page numbers, photos kept with their
 * captions; photos inside as data URLs) is written to a private temporary file, loaded in a hidden window
 * that runs no script, and handed to the system's print dialog. The file is removed afterwards. The window
 * has a session of its own (in memory, every permission refused): the app's content-security header is
 * for the app, the page keeps the export's own policy (inline styles, photos as data).
 */
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { BrowserWindow, session } from 'electron'

const PARTITION = 'newsdesk-print'

export async function printHtml(html: string, parent: BrowserWindow | null): Promise<boolean> {
  const ses = session.fromPartition(PARTITION)
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'newsdesk-print-'))
  const file = path.join(dir, 'bai-viet.html')
  const win = new BrowserWindow({
    show: false,
    ...(parent ? { parent } : {}),
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, partition: PARTITION }
  })
  try {
    await fs.writeFile(file, html, { mode: 0o600 })
    await win.loadFile(file)
    return await new Promise<boolean>((resolve) => win.webContents.print({ printBackground: true }, (ok) => resolve(ok)))
  } finally {
    win.destroy()
    await fs.rm(dir, { recursive: true, force: true })
  }
}

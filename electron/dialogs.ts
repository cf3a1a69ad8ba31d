/** Native dialogs for export: the shell side of the handlers' ShellHooks. */
import { dialog, type BrowserWindow } from 'electron'
import type { ExportFormat } from '../shared/contract'
import type { ShellHooks } from './services/bridge'
import type { ExistingChoice } from './services/export'

const FILTERS: Record<ExportFormat, Electron.FileFilter> = {
  html: { name: 'HTML', extensions: ['html'] },
  md: { name: 'Markdown', extensions: ['md'] },
  ninjs: { name: 'ninjs (JSON)', extensions: ['json'] },
  docx: { name: 'Word', extensions: ['docx'] },
  pdf: { name: 'PDF', extensions: ['pdf'] }
}

export function dialogHooks(window: () => BrowserWindow | null, lastFolder: { path?: string } = {}): Required<Pick<ShellHooks, 'chooseExportFile' | 'chooseExportFolder' | 'askExisting' | 'chooseDraftsFolder' | 'choosePhotos'>> {
  const parent = () => window() ?? undefined
  let applyToAll: ExistingChoice | null = null
  return {
    async chooseExportFile(suggestedName, format) {
      const r = await dialog.showSaveDialog(parent()!, { defaultPath: lastFolder.path ? `${lastFolder.path}/${suggestedName}` : suggestedName, filters: [FILTERS[format]] })
      return r.canceled || !r.filePath ? null : r.filePath
    },
    async chooseExportFolder() {
      applyToAll = null
      const r = await dialog.showOpenDialog(parent()!, { properties: ['openDirectory', 'createDirectory'], defaultPath: lastFolder.path })
      if (r.canceled || !r.filePaths[0]) return null
      lastFolder.path = r.filePaths[0]
      return r.filePaths[0]
    },
    async choosePhotos() {
      const r = await dialog.showOpenDialog(parent()!, {
        title: 'Chọn ảnh / Choose photos',
        properties: ['openFile', 'multiSelections'],
        filters: [{ name: 'Ảnh / Photos', extensions: ['jpg', 'jpeg', 'png', 'webp', 'gif', 'avif'] }]
      })
      return r.canceled || r.filePaths.length === 0 ? null : r.filePaths
    },
    async chooseDraftsFolder() {
      const r = await dialog.showOpenDialog(parent()!, { title: 'Thư mục bản nháp / Drafts folder', properties: ['openDirectory', 'createDirectory'] })
      return r.canceled || !r.filePaths[0] ? null : r.filePaths[0]
    },
    async askExisting(file) {
      if (applyToAll) return applyToAll
      const choices: ExistingChoice[] = ['overwrite', 'keep-both', 'skip']
      const r = await dialog.showMessageBox(parent()!, {
        type: 'question',
        message: `“${file}” đã có trong thư mục. / “${file}” already exists in the folder.`,
        buttons: ['Ghi đè / Overwrite', 'Giữ cả hai / Keep both', 'Bỏ qua / Skip'],
        defaultId: 1,
        cancelId: 2,
        checkboxLabel: 'Áp dụng cho tất cả / Apply to all'
      })
      const choice = choices[r.response] ?? 'skip'
      if (r.checkboxChecked) applyToAll = choice
      return choice
    }
  }
}

/** Some edits could not be saved (the store refused them): quit anyway? Staying is the default. */
export async function confirmQuitUnsaved(win: BrowserWindow): Promise<boolean> {
  const r = await dialog.showMessageBox(win, {
    type: 'warning',
    message: 'Chưa lưu được một số thay đổi. Thoát bây giờ sẽ mất chúng. / Some edits could not be saved; quitting now loses them.',
    buttons: ['Ở lại / Stay', 'Vẫn thoát / Quit anyway'],
    defaultId: 0,
    cancelId: 0
  })
  return r.response === 1
}

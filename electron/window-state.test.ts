import { readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from './services/test-support/temp-dir'
import { DEFAULT_WINDOW_STATE, loadWindowState, saveWindowState } from './window-state'

describe('window state', () => {
  it('remembers size and position, and moves a damaged file aside', async () => {
    const { dir, cleanup } = await tempDir('nd-window-')
    try {
      const file = path.join(dir, 'window-state.json')
      expect(await loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE)
      await saveWindowState(file, { x: 10, y: 20, width: 1200, height: 800, maximized: true })
      expect(await loadWindowState(file)).toEqual({ x: 10, y: 20, width: 1200, height: 800, maximized: true })
      await writeFile(file, '{"width": 5')
      expect(await loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE)
      expect((await readdir(dir)).filter((n) => n.startsWith('window-state.json.corrupt-'))).toHaveLength(1)
    } finally {
      await cleanup()
    }
  })
})

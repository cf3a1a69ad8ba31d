import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { goldenArticles } from '../test-support/articles'
import { tempDir } from '../test-support/temp-dir'
import { startExportWorkers } from './export-workers'
import { renderText } from './render-as'

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir('nd-export-workers-'))
})
afterEach(() => cleanup())

describe('export workers', () => {
  it('write what they are given and render the articles they are given, saying which files failed', async () => {
    const workers = startExportWorkers(1)!
    try {
      await mkdir(path.join(dir, 'taken.html'))
      const bytes = new Uint8Array([0x50, 0x4b, 3, 4])
      // still starting (TypeScript through tsx here) until a batch comes back
      expect(workers.started).toBe(false)
      const errors = await workers.write([
        { file: path.join(dir, 'a.html'), data: '<p>á</p>' },
        { file: path.join(dir, 'taken.html'), data: 'x' },
        { file: path.join(dir, 'b.docx'), data: bytes },
        { file: path.join(dir, 'c.md'), article: goldenArticles.sample, format: 'md', choices: {} }
      ])
      expect(workers.started).toBe(true)
      expect(errors[0]).toBeUndefined()
      expect(errors[1]).toMatch(/EISDIR|directory/)
      expect(errors.slice(2)).toEqual([undefined, undefined])
      expect(await readFile(path.join(dir, 'a.html'), 'utf8')).toBe('<p>á</p>')
      expect(new Uint8Array(await readFile(path.join(dir, 'b.docx')))).toEqual(bytes)
      expect(await readFile(path.join(dir, 'c.md'), 'utf8')).toBe(await renderText(goldenArticles.sample, 'md'))
    } finally {
      await workers.close()
    }
  })

  it('a batch held by a worker that stops is refused, not lost in silence', async () => {
    const workers = startExportWorkers(1)!
    const held = workers.write([{ file: path.join(dir, 'a.html'), data: 'x' }])
    await workers.close()
    await expect(held).rejects.toThrow(/stopped|terminated/)
    await expect(workers.write([{ file: path.join(dir, 'b.html'), data: 'y' }])).rejects.toThrow(/no export worker/)
  })
})

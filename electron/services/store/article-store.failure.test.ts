/** A write that fails (disk full, permissions) leaves the previous file intact and reports the error. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { tempDir } from '../test-support/temp-dir'

const failWrites = { on: false }
vi.mock('./durable-file', async (importOriginal) => {
  const real = await importOriginal<typeof import('./durable-file')>()
  return {
    ...real,
    writeFileDurable: async (file: string, data: string | Uint8Array) => {
      if (failWrites.on && file.includes('articles')) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
      return real.writeFileDurable(file, data)
    }
  }
})

const { ArticleStore } = await import('./article-store')

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir('nd-store-fail-'))
  failWrites.on = false
})
afterEach(() => cleanup())

describe('a failing write', () => {
  it('rejects the save with the error, keeps the previous version on disk and in the index, and later saves work', async () => {
    const store = await ArticleStore.open(dir, { sample: false })
    try {
      const a = await store.create({ title: 'Bản đã lưu' })
      failWrites.on = true
      await expect(store.save(a.id, { title: 'Bản không lưu được' })).rejects.toThrow('ENOSPC')
      expect((await store.get(a.id)).title).toBe('Bản đã lưu')
      expect(store.meta(a.id)?.title).toBe('Bản đã lưu')
      failWrites.on = false
      expect((await store.save(a.id, { title: 'Bản lưu lại' })).title).toBe('Bản lưu lại')
    } finally {
      await store.close()
    }
    const reopened = await ArticleStore.open(dir, { sample: false })
    expect((await reopened.list()).items.map((m) => m.title)).toEqual(['Bản lưu lại'])
    await reopened.close()
  })
})

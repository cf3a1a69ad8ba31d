/** The store against hostile or damaged input: odd ids, files that are folders or huge, control characters, read-only media. */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { MAX_BODY_CHARS } from '../../../shared/article'
import { docFromParagraphs } from '../../../shared/doc'
import { ArticleStore } from './article-store'
import { tempDir } from '../test-support/temp-dir'
import { NotFoundError, ReadOnlyStoreError, ValidationError } from '../errors'

let dir: string
let cleanup: () => Promise<void>
let store: ArticleStore | undefined

beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir('nd-harden-'))
})
afterEach(async () => {
  vi.restoreAllMocks()
  await store?.close()
  store = undefined
  await cleanup()
})

const open = async (options = {}) => (store = await ArticleStore.open(dir, { sample: false, ...options }))
const reopen = async () => {
  await store?.close()
  return open()
}

describe('ids', () => {
  it('refuses ids that are not article ids, and a file named __proto__.json changes nothing', async () => {
    const s = await open()
    const a = await s.create({ title: 'Bài thật' })
    await fs.writeFile(path.join(dir, 'articles', '__proto__.json'), JSON.stringify({ deletedAt: 'x' }))
    for (const bad of ['__proto__', 'constructor', '../index', 'toString', a.id.toUpperCase()]) {
      await expect(s.delete(bad)).rejects.toThrow(NotFoundError)
      await expect(s.get(bad)).rejects.toThrow(NotFoundError)
      await expect(s.save(bad, { title: 'x' })).rejects.toThrow(NotFoundError)
      await expect(s.restore(bad)).rejects.toThrow(NotFoundError)
      expect(s.meta(bad)).toBeUndefined()
    }
    expect(({} as Record<string, unknown>).deletedAt).toBeUndefined()
    expect((await s.list()).items.map((m) => m.id)).toEqual([a.id])
    const again = await reopen()
    expect((await again.list()).total).toBe(1)
  })
})

describe('damage that is moved aside', () => {
  it('index.json that is a folder is moved aside and the index rebuilt from the article files', async () => {
    const s = await open()
    const a = await s.create({ title: 'Còn nguyên' })
    await s.close()
    store = undefined
    await fs.rm(path.join(dir, 'index.json'))
    await fs.mkdir(path.join(dir, 'index.json'))
    const again = await open()
    expect(again.problems).toHaveLength(1)
    expect(again.problems[0]).toMatchObject({ file: path.join(dir, 'index.json'), problem: expect.stringMatching(/folder/) })
    expect((await fs.stat(again.problems[0].movedTo!)).isDirectory()).toBe(true)
    expect((await again.get(a.id)).title).toBe('Còn nguyên')
  })

  it('an index.json too large to read (a 600 MB file) is moved aside with its size named', async () => {
    const s = await open()
    const a = await s.create({ title: 'Còn nguyên' })
    await s.close()
    store = undefined
    // a sparse file: 600 MB long, nothing written
    const handle = await fs.open(path.join(dir, 'index.json'), 'w')
    await handle.truncate(600 * 1024 * 1024)
    await handle.close()
    const again = await open()
    expect(again.problems[0]).toMatchObject({ file: path.join(dir, 'index.json'), problem: expect.stringMatching(/too large.*600 MB/) })
    expect((await again.get(a.id)).title).toBe('Còn nguyên')
  })

  it('an article path that is a folder is moved aside and reported; the other articles stay', async () => {
    const s = await open()
    const a = await s.create({ title: 'Một' })
    const b = await s.create({ title: 'Hai' })
    await s.close()
    store = undefined
    await fs.rm(path.join(dir, 'articles', `${b.id}.json`))
    await fs.mkdir(path.join(dir, 'articles', `${b.id}.json`))
    const again = await open()
    await again.indexed
    await expect(again.get(b.id)).rejects.toThrow(NotFoundError)
    expect(again.problems.map((p) => p.file)).toEqual([path.join(dir, 'articles', `${b.id}.json`)])
    expect(again.problems[0].problem).toMatch(/folder/)
    expect((await again.list()).items.map((m) => m.id)).toEqual([a.id])
  })
})

describe('limits and control characters', () => {
  it('refuses a body over the size limit with a message that says so', async () => {
    const s = await open()
    const huge = docFromParagraphs(Array.from({ length: 60 }, (_, i) => `${i} ` + 'chữ '.repeat(25_000)))
    expect(JSON.stringify(huge).length).toBeGreaterThan(MAX_BODY_CHARS)
    await expect(s.create({ title: 'To', body: huge })).rejects.toThrow(ValidationError)
    await expect(s.create({ title: 'To', body: huge })).rejects.toThrow(/body.*too large/)
  })

  it('strips control characters (ESC, NUL) from every stored field; the body keeps tabs and line breaks', async () => {
    const s = await open()
    const a = await s.create({
      title: 'Tin\u001b[2J nóng\u0000',
      sapo: 'VOV.VN -\u0007 Mở\r\nđầu',
      tags: ['thẻ\u001b'],
      author: 'Lan\u009b',
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'một\u0000\thai\u001b' }] }] }
    })
    expect(a.title).toBe('Tin[2J nóng')
    expect(a.sapo).toBe('VOV.VN - Mở đầu')
    expect(a.tags).toEqual(['thẻ'])
    expect(a.author).toBe('Lan')
    expect(JSON.stringify(a.body)).toContain('một\\thai"')
    // a text node that was nothing but control characters is gone, and the body is still a valid document
    const b = await s.create({ title: 'x', body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a' }, { type: 'text', text: '\u0007\u001b', marks: [{ type: 'em' }] }] }] } })
    expect(b.body).toEqual({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a' }] }] })
    expect((await s.get(b.id)).body).toEqual(b.body)
  })
})

describe('read-only and full stores', () => {
  const failWrites = (code: string) => {
    const realOpen = fs.open
    vi.spyOn(fs, 'open').mockImplementation(async (file, flags, ...rest) => {
      if (flags && flags !== 'r') throw Object.assign(new Error(`${code}: cannot write ${String(file)}`), { code })
      return realOpen(file, flags, ...rest)
    })
  }

  for (const code of ['EROFS', 'ENOSPC']) {
    it(`reads a store whose media refuses writes (${code}), says so, refuses changes, and leaves no lock behind`, async () => {
      const s = await open()
      const a = await s.create({ title: 'Đọc được' })
      await s.close()
      store = undefined
      failWrites(code)
      const said: string[] = []
      store = await ArticleStore.openForReading(dir, (reason) => said.push(reason))
      expect(store.readOnly).toBe(true)
      expect(said[0]).toContain(code)
      expect((await store.list()).items.map((m) => m.title)).toEqual(['Đọc được'])
      expect((await store.get(a.id)).title).toBe('Đọc được')
      await expect(store.save(a.id, { title: 'khác' })).rejects.toThrow(ReadOnlyStoreError)
      await expect(fs.access(path.join(dir, 'store.lock'))).rejects.toThrow()
    })
  }

  it('a read-only store reports a damaged file without moving it', async () => {
    const s = await open()
    const a = await s.create({ title: 'Hỏng' })
    await s.close()
    store = undefined
    const file = path.join(dir, 'articles', `${a.id}.json`)
    await fs.writeFile(file, '{"trunc')
    store = await ArticleStore.open(dir, { readOnly: true })
    await expect(store.get(a.id)).rejects.toThrow(NotFoundError)
    expect(store.problems[0]).toMatchObject({ file, movedTo: null })
    expect(await fs.readFile(file, 'utf8')).toBe('{"trunc')
  })
})

describe('the index file check', () => {
  it('moves aside an index whose entries are not entries (wrong id, missing title), and rebuilds it', async () => {
    const s = await open()
    const a = await s.create({ title: 'Còn nguyên' })
    await s.close()
    store = undefined
    for (const bad of [{ [a.id]: { id: 'other', title: 'x', updatedAt: 'x' } }, { [a.id]: { id: a.id, updatedAt: 'x' } }, { [a.id]: null }]) {
      await fs.writeFile(path.join(dir, 'index.json'), JSON.stringify({ version: 2, articles: bad, settings: {} }))
      const again = await open()
      expect(again.problems[0]?.problem).toMatch(/index does not match its schema: articles\./)
      expect((await again.get(a.id)).title).toBe('Còn nguyên')
      await again.close()
      store = undefined
    }
  })
})

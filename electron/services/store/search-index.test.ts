import { describe, expect, it } from 'vitest'
import { SearchIndex } from './search-index'

describe('SearchIndex', () => {
  it('folds diacritics and đ, matches every word and updates incrementally', () => {
    const index = new SearchIndex()
    index.set('a', 'Hội nghị phát triển đảng viên ở Đà Nẵng')
    index.set('b', 'Ông Nguyễn Văn Quang phát biểu')
    index.set('c', 'Đảng bộ tỉnh')
    expect([...index.search('dang vien')]).toEqual(['a'])
    expect([...index.search('ĐẢNG VIÊN'.normalize('NFD'))]).toEqual(['a'])
    expect([...index.search('nguyen')]).toEqual(['b'])
    expect([...index.search('dang')].sort()).toEqual(['a', 'c'])
    index.set('a', 'Bài đã sửa về kinh tế')
    expect([...index.search('dang vien')]).toEqual([])
    expect([...index.search('kinh te')]).toEqual(['a'])
    index.remove('c')
    expect([...index.search('dang')]).toEqual([])
    expect(index.size).toBe(2)
    expect(index.search('  ').size).toBe(2)
  })

  it('keeps its base on disk: a reopened index answers the same, hides what changed since, and folds new saves in', async () => {
    const { tempDir } = await import('../test-support/temp-dir')
    const { dir, cleanup } = await tempDir('nd-search-')
    try {
      const file = `${dir}/search.bin`
      const first = new SearchIndex()
      first.set('a', 'Hội nghị phát triển đảng viên', 't1')
      first.set('b', 'Huế mộng mơ', 't1')
      first.set('c', 'Đảng bộ tỉnh', 't1')
      await first.save(file)
      expect(first.pending).toBe(0)

      const again = new SearchIndex()
      expect(await again.load(file)).toBe(true)
      expect([...again.search('dang')].sort()).toEqual(['a', 'c'])
      // a changed since (t2), c deleted, d new: only a and d need reading
      const missing = again.reconcile(new Map([['a', 't2'], ['b', 't1'], ['d', 't1']]))
      expect(missing.sort()).toEqual(['a', 'd'])
      expect([...again.search('dang')]).toEqual([])
      again.set('a', 'Bài đã sửa về kinh tế', 't2')
      again.set('d', 'Đảng viên mới', 't1')
      expect([...again.search('dang vien')]).toEqual(['d'])
      await again.save(file)

      const third = new SearchIndex()
      expect(await third.load(file)).toBe(true)
      expect(third.reconcile(new Map([['a', 't2'], ['b', 't1'], ['d', 't1']]))).toEqual([])
      expect([...third.search('kinh te')]).toEqual(['a'])
      expect([...third.search('hue')]).toEqual(['b'])
      expect(third.size).toBe(3)
    } finally {
      await cleanup()
    }
  })

  it('refuses a damaged or foreign search file (everything is indexed again) and never answers a damaged number', async () => {
    const { tempDir } = await import('../test-support/temp-dir')
    const { writeFile } = await import('node:fs/promises')
    const { dir, cleanup } = await tempDir('nd-search-')
    try {
      for (const bytes of [Buffer.from(''), Buffer.from('not an index'), Buffer.from('NDSI2\n\u00ff\u00ff\u00ff\u00ff{')]) {
        await writeFile(`${dir}/s.bin`, bytes)
        expect(await new SearchIndex().load(`${dir}/s.bin`)).toBe(false)
      }
      expect(await new SearchIndex().load(`${dir}/missing.bin`)).toBe(false)
      // a posting that points past the articles
      const good = new SearchIndex()
      good.set('a', 'một', 't')
      await good.save(`${dir}/s.bin`)
      const { readFile } = await import('node:fs/promises')
      const bytes = await readFile(`${dir}/s.bin`)
      expect(await new SearchIndex().load(`${dir}/s.bin`)).toBe(true)
      // one of the format before (words either side of a line break were one)
      await writeFile(`${dir}/s.bin`, Buffer.concat([Buffer.from('NDSI1\n'), bytes.subarray(6)]))
      expect(await new SearchIndex().load(`${dir}/s.bin`)).toBe(false)
      bytes.writeUInt32LE(7, bytes.length - 4)
      await writeFile(`${dir}/s.bin`, bytes)
      expect(await new SearchIndex().load(`${dir}/s.bin`)).toBe(false)
      // one damaged inside a list (the lists' last numbers are checked at load): skipped where it is read
      const two = new SearchIndex()
      two.set('a', 'hai', 't')
      two.set('b', 'hai', 't')
      await two.save(`${dir}/s.bin`)
      const twoBytes = await readFile(`${dir}/s.bin`)
      twoBytes.writeUInt32LE(99, twoBytes.length - 8)
      await writeFile(`${dir}/s.bin`, twoBytes)
      const damaged = new SearchIndex()
      expect(await damaged.load(`${dir}/s.bin`)).toBe(true)
      expect([...damaged.search('hai')]).toEqual(['b'])
    } finally {
      await cleanup()
    }
  })

  it('a save that lands while the file is written stays searchable', async () => {
    const { tempDir } = await import('../test-support/temp-dir')
    const { dir, cleanup } = await tempDir('nd-search-')
    try {
      const index = new SearchIndex()
      index.set('a', 'cũ', 't1')
      const writing = index.save(`${dir}/s.bin`)
      index.set('a', 'mới', 't2')
      await writing
      expect([...index.search('moi')]).toEqual(['a'])
      expect([...index.search('cu')]).toEqual([])
    } finally {
      await cleanup()
    }
  })
})

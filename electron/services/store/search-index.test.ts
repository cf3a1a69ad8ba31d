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

  it('applies queued changes by itself after a pause', async () => {
    const index = new SearchIndex()
    index.set('a', 'Huế mộng mơ')
    await new Promise((r) => setTimeout(r, 300))
    // reach into FlexSearch directly: the change must be there without a search having applied it
    const flex = (index as unknown as { index: { search: (q: string) => unknown[] } }).index
    expect(flex.search('hue')).toEqual(['a'])
  })
})

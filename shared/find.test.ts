/** Find and replace: plain, whole word, match case, regular expression, accent-insensitive (dang vien → đảng viên), in an article's fields and body. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { docFromJSON, docFromParagraphs, jsonText } from './doc'
import { findIn, replaceAll, replaceInArticle, searchPattern, type FindOptions } from './find'

const find = (text: string, o: FindOptions) => {
  const p = searchPattern(o)
  if (!(p instanceof RegExp)) throw new Error(p.error)
  return findIn(text, p, o).map((h) => text.slice(h.from, h.to))
}
const replace = (text: string, o: FindOptions, r: string) => {
  const p = searchPattern(o) as RegExp
  return replaceAll(text, p, o, r)
}

describe('find', () => {
  it('finds with and without accents, case and whole words as asked', () => {
    const text = 'Đảng viên và đảng viên mới; dang dở; Đàng Viên.'
    expect(find(text, { find: 'dang vien', accentInsensitive: true })).toEqual(['Đảng viên', 'đảng viên', 'Đàng Viên'])
    expect(find(text, { find: 'đảng viên' })).toEqual(['Đảng viên', 'đảng viên'])
    expect(find(text, { find: 'đảng viên', matchCase: true })).toEqual(['đảng viên'])
    expect(find(text, { find: 'dang', accentInsensitive: true, wholeWord: true })).toEqual(['Đảng', 'đảng', 'dang', 'Đàng'])
    expect(find('xã hội, hội nghị', { find: 'hội', wholeWord: true })).toEqual(['hội', 'hội'])
    expect(find('Hà Nội, Hanoi', { find: 'ha noi', accentInsensitive: true })).toEqual(['Hà Nội'])
  })

  it('takes a regular expression, with groups in the replacement, and names a bad one', () => {
    expect(replace('ngày 21/2 và ngày 3/12', { find: '(\\d+)/(\\d+)', regex: true }, '$1 tháng $2')).toEqual({ text: 'ngày 21 tháng 2 và ngày 3 tháng 12', count: 2 })
    expect(searchPattern({ find: '(', regex: true })).toEqual({ error: expect.stringMatching(/^the regular expression is not valid/) })
    expect(searchPattern({ find: '' })).toEqual({ error: 'nothing to find' })
  })

  it('replaces what a regular expression that looks around its match found, in place (not the match taken alone)', () => {
    expect(replace('ông A và bà A', { find: '(?<=ông )A', regex: true }, 'B')).toEqual({ text: 'ông B và bà A', count: 1 })
    expect(replace('tăng 12% lên 30 tỉ', { find: '\\d+(?=%)', regex: true }, '[$&]')).toEqual({ text: 'tăng [12]% lên 30 tỉ', count: 1 })
    expect(replace('a1 b22', { find: '\\B\\d', regex: true }, '#')).toEqual({ text: 'a# b##', count: 3 })
  })

  it("fills a regular expression's replacement exactly as String.replace does, for random texts, patterns and templates", () => {
    // patterns that never match an empty string (a search skips empty matches; String.replace does not)
    const patterns = ['(\\d+)/(\\d+)', '(?<=ông )\\p{L}+', '\\p{L}+(?= nói)', '\\B\\d', '(?<nam>\\d{4})', 'đ\\p{L}*', '(?<![\\p{L}])v\\p{L}+', '[.,;]$', '^\\p{L}']
    const templates = ['$1', '$2', '$&', '[$<nam>]', '$$', '$`', "$'", 'x', '', '$1$1']
    const words = ['ông', 'bà', 'nói', 'đảng', 'viên', '2026', '21/2', 'v', 'Việt', ',', '.', ';', 'a1']
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 12 }), fc.constantFrom(...patterns), fc.constantFrom(...templates), (parts, find, template) => {
        const text = parts.join(' ')
        const o = { find, regex: true }
        expect(replace(text, o, template).text).toBe(text.replace(searchPattern(o) as RegExp, template))
      }),
      { numRuns: 500 }
    )
  })
})

describe('replace in an article', () => {
  it('replaces in the title, sapo and every text node of the body, keeping marks, and shows a few in context', () => {
    const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Ông ' }, { type: 'text', text: 'Nguyễn Văn A', marks: [{ type: 'strong' }] }, { type: 'text', text: ' nói, Nguyễn Văn A cười.' }] }] }
    const r = replaceInArticle({ title: 'Nguyễn Văn A trả lời', sapo: 'Không có.', body }, { find: 'nguyen van a', accentInsensitive: true }, 'Nguyễn Văn B')
    if ('error' in r) throw new Error(r.error)
    expect(r.count).toBe(3)
    expect(r.patch.title).toBe('Nguyễn Văn B trả lời')
    expect(r.patch.sapo).toBeUndefined()
    expect(docFromJSON(r.patch.body).textContent).toBe('Ông Nguyễn Văn B nói, Nguyễn Văn B cười.')
    expect(JSON.stringify(r.patch.body)).toContain('"text":"Nguyễn Văn B","marks":[{"type":"strong"}]')
    expect(r.samples[0]).toEqual({ before: 'Nguyễn Văn A trả lời', after: 'Nguyễn Văn B trả lời' })
  })

  it('drops a text node a replacement empties, and changes nothing without a match', () => {
    const r = replaceInArticle({ title: 'x', sapo: '', body: docFromParagraphs(['TK', 'Đoạn thật.']) }, { find: 'TK', matchCase: true }, '')
    if ('error' in r) throw new Error(r.error)
    expect(jsonText(docFromJSON(r.patch.body).toJSON())).toContain('Đoạn thật.')
    const none = replaceInArticle({ title: 'x', sapo: '', body: docFromParagraphs(['a']) }, { find: 'zzz' }, 'y')
    expect(none).toEqual({ patch: {}, count: 0, samples: [] })
  })
})

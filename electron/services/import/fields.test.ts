/** What importers share: trailer lines, dates as drafts write them, and the schema check at the end. */
import { describe, expect, it } from 'vitest'
import { ImportError } from '../errors'
import { docFromJSON } from '../../../shared/doc'
import { finish, parseDate, takeDocTrailer } from './fields'
import { applyTrailer, takeTrailer, trailerLine, TRAILER_LABELS } from './trailer'

describe('trailer lines', () => {
  it('read each field in Vietnamese and English, with or without a space before the colon', () => {
    expect(trailerLine('Từ khóa: a, b')).toEqual(['tags', 'a, b'])
    expect(trailerLine('Từ khoá : a')).toEqual(['tags', 'a'])
    expect(trailerLine('Tags: a')).toEqual(['tags', 'a'])
    expect(trailerLine('Tag: a')).toEqual(['tags', 'a'])
    expect(trailerLine('keywords:a')).toEqual(['tags', 'a'])
    expect(trailerLine('Keyword: a')).toEqual(['tags', 'a'])
    expect(trailerLine('Thể loại : Thế giới')).toEqual(['category', 'Thế giới'])
    expect(trailerLine('Thể loại:Thế giới')).toEqual(['category', 'Thế giới'])
    expect(trailerLine('Tác giả:Lan')).toEqual(['author', 'Lan'])
    expect(trailerLine('Nguồn tin : VOV')).toEqual(['source', 'VOV'])
    expect(trailerLine('Nguồn:VOV')).toEqual(['source', 'VOV'])
    expect(trailerLine('Thể loại: Thế giới')).toEqual(['category', 'Thế giới'])
    expect(trailerLine('CHUYÊN MỤC: Xã hội')).toEqual(['category', 'Xã hội'])
    expect(trailerLine('Section: World')).toEqual(['category', 'World'])
    expect(trailerLine('Tác giả : Lan')).toEqual(['author', 'Lan'])
    expect(trailerLine('  Author:  Lan  ')).toEqual(['author', 'Lan'])
    expect(trailerLine('Nguồn tin: VOV')).toEqual(['source', 'VOV'])
    expect(trailerLine('Nguồn: TTXVN')).toEqual(['source', 'TTXVN'])
    expect(trailerLine('Source: AP')).toEqual(['source', 'AP'])
    expect(trailerLine('Tác giả:')).toEqual(['author', ''])
  })

  it('read back every label the Word and PDF exports write', () => {
    for (const labels of Object.values(TRAILER_LABELS)) {
      for (const [field, label] of Object.entries(labels)) expect(trailerLine(`${label}: giá trị`)).toEqual([field, 'giá trị'])
    }
    expect(Object.values(TRAILER_LABELS.vi)).toEqual(['Từ khóa', 'Thể loại', 'Tác giả', 'Nguồn tin'])
    expect(Object.values(TRAILER_LABELS.en)).toEqual(['Tags', 'Category', 'Author', 'Source'])
  })

  it('are whole lines: a sentence that only contains such words is body text', () => {
    for (const line of ['Thể loạiABC: x', 'Nguồnx: a', 'Sourcex: a', 'Xem chuyên mục: a', 'Theo source: a', 'Ông nói về lời tác giả: rất hay', 'Đây là nguồn tin: chưa kiểm chứng', 'Xem tags: a', 'Tác giảx: Lan', 'Mytags: a', 'Tác giả Lan']) {
      expect(trailerLine(line), line).toBeNull()
    }
  })

  it('split tags on commas and semicolons, dropping empty ones', () => {
    const meta = {}
    applyTrailer(meta, 'tags', ' a ; b,, c ,')
    expect(meta).toEqual({ tags: ['a', 'b', 'c'] })
  })

  it('are taken only from the end, blank lines between them allowed; a repeated field stops the trailer', () => {
    const { lines, meta } = takeTrailer(['Tiêu đề', 'Thân.', '', 'Tác giả: Lan', '', 'Nguồn tin: VOV', ''])
    expect(lines).toEqual(['Tiêu đề', 'Thân.', ''])
    expect(meta).toEqual({ author: 'Lan', source: 'VOV' })
    const twice = takeTrailer(['Thân.', 'Tác giả: A', 'Tác giả: B'])
    expect(twice.meta).toEqual({ author: 'B' })
    expect(twice.lines).toEqual(['Thân.', 'Tác giả: A'])
    const middle = takeTrailer(['Tác giả: A', 'Thân bài ở cuối.'])
    expect(middle).toEqual({ lines: ['Tác giả: A', 'Thân bài ở cuối.'], meta: {} })
    expect(takeTrailer(['Tác giả: A'])).toEqual({ lines: [], meta: { author: 'A' } })
    expect(takeTrailer(['Thân.', 'Tác giả: A', '   ', 'Nguồn: B']).meta).toEqual({ author: 'A', source: 'B' })
  })
})

describe('dates in drafts', () => {
  it('reads dd/mm/yyyy, d-m-yyyy, d.m.yyyy, yyyy-mm-dd (with a time after), the English form the app writes, and YAML dates', () => {
    expect(parseDate('20 Feb 2023')).toBe('2023-02-20')
    expect(parseDate('5 march 2024')).toBe('2024-03-05')
    expect(parseDate('21/02/2023')).toBe('2023-02-21')
    expect(parseDate('1-2-2024 08:30')).toBe('2024-02-01')
    expect(parseDate('5.3.2024')).toBe('2024-03-05')
    expect(parseDate(' 2024-3-5T10:00 ')).toBe('2024-03-05')
    expect(parseDate(new Date('2024-02-29T12:00:00Z'))).toBe('2024-02-29')
  })

  it('drops what is not a calendar date', () => {
    for (const v of ['31/02/2024', '29/02/2023', '2024-13-01', '00/01/2024', '01/01/0050', '31/04/2024', 'hôm qua', '', '21/02/23', 'x2024-01-01', 'ngày 21/02/2023', '30 Feb 2024', '5 Mrz 2024', '5 Foo 2024']) expect(parseDate(v), v).toBeUndefined()
    expect(parseDate(new Date('invalid'))).toBeUndefined()
    expect(parseDate(20240101)).toBeUndefined()
    expect(parseDate(null)).toBeUndefined()
  })
})

describe('the schema check at the end', () => {
  it('normalises what passes and refuses what does not, naming the field', () => {
    expect(finish({ title: ' Tin ', tags: ['a', 'A'], body: { type: 'doc', content: [{ type: 'paragraph' }] }, date: undefined })).toEqual({ title: ' Tin ', tags: ['a'], body: { type: 'doc', content: [{ type: 'paragraph' }] } })
    expect(() => finish({ title: 'x', body: { type: 'doc', content: [] } })).toThrow(ImportError)
    expect(() => finish({ title: 'x', body: { type: 'doc', content: [] } })).toThrow(/^body: body is not a valid document/)
    expect(() => finish({ title: 'x'.repeat(1001), body: { type: 'doc', content: [{ type: 'paragraph' }] } })).toThrow(/^title: /)
    expect(() => finish({ title: 'x', language: 'Tiếng Việt', body: { type: 'doc', content: [{ type: 'paragraph' }] } })).toThrow(/^language: /)
  })
})

describe('trailer lines at the end of a parsed document', () => {
  const p = (text: string) => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] })
  const doc = (...blocks: unknown[]) => docFromJSON({ type: 'doc', content: blocks })

  it('are taken from the last paragraphs, blank ones between them skipped', () => {
    const { body, meta } = takeDocTrailer(doc(p('Thân.'), p('Tác giả: A'), p(' '), p('Nguồn tin: B'), p('')))
    expect(meta).toEqual({ author: 'A', source: 'B' })
    expect(body).toEqual({ type: 'doc', content: [p('Thân.')] })
  })

  it('leave the document as it was when there is none (trailing blank paragraphs too)', () => {
    const d = doc(p('Thân.'), p(''))
    expect(takeDocTrailer(d)).toEqual({ body: d.toJSON(), meta: {} })
    expect(d.childCount).toBe(2)
  })

  it('stop at a heading or a repeated field, and leave an empty paragraph when everything was trailer', () => {
    const heading = { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Tác giả: A' }] }
    expect(takeDocTrailer(doc(p('Thân.'), heading)).meta).toEqual({})
    const twice = takeDocTrailer(doc(p('Tác giả: A'), p('Tác giả: B')))
    expect(twice).toEqual({ body: { type: 'doc', content: [p('Tác giả: A')] }, meta: { author: 'B' } })
    expect(takeDocTrailer(doc(p('Tác giả: A'), p('Nguồn: B'))).body).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] })
  })
})

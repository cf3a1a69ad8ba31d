import { describe, expect, it } from 'vitest'
import { dateLineOf, isRelatedLine, MAX_HEAD, readHead, takeHead } from './anatomy'
import { parseDocument } from './html-doc'

describe('the date line of a draft', () => {
  it('reads a date with a weekday, a time or a time zone beside it', () => {
    expect(dateLineOf('Cập nhật: 21/02/2023')).toBe('2023-02-21')
    expect(dateLineOf('Cập nhật: Thứ Ba, 21/02/2023 - 08:30 (GMT+7)')).toBe('2023-02-21')
    expect(dateLineOf('Cập nhật 08h30 ngày 12/3/2024')).toBe('2024-03-12')
    expect(dateLineOf('Ngày 12/3/2024')).toBe('2024-03-12')
    expect(dateLineOf('ngày đăng: 2024-03-12T10:00')).toBe('2024-03-12')
    expect(dateLineOf('Updated: Monday, 20 Feb 2023, 14:05')).toBe('2023-02-20')
  })

  it('is not a sentence that opens with a date, an update note, or no calendar date', () => {
    for (const line of ['Ngày 12/3/2024, hội nghị khai mạc tại Hà Nội.', 'Ngày 12/3/2024 trời mưa', 'Cập nhật lúc 15:30 28/11/2026: số liệu 300 → 500.', 'Cập nhật: 31/02/2023', 'Cập nhật: sắp có', 'Hà Nội 12/3/2024']) {
      expect(dateLineOf(line), line).toBeUndefined()
    }
  })
})

describe('the head of a draft typed in plain paragraphs', () => {
  const untitled = { title: false, sapo: false }

  it('reads title, date line, related headlines and the agency sapo', () => {
    expect(readHead(['Tít', 'Cập nhật: 21/02/2023', 'Tin cũ một', 'Tin cũ hai', 'VOV.VN - Sapo.', 'Thân.'], untitled)).toEqual({ title: 0, date: 1, related: [2, 3], sapo: 4 })
    expect(readHead(['Tít', 'TTO - Sapo.', 'Thân.'], untitled)).toEqual({ title: 0, related: [], sapo: 1 })
    expect(readHead(['Tít', 'Ngày 5/3/2024', 'Thân bài.'], untitled)).toEqual({ title: 0, date: 1, related: [] })
  })

  it('leaves a draft without the format’s signs as it is', () => {
    expect(readHead(['Đoạn một.', 'Đoạn hai.'], untitled)).toEqual({ related: [] })
    expect(readHead(['Tít', 'Ngày 12/3/2024, hội nghị khai mạc.', 'VOV.VN - Sapo.'], untitled)).toEqual({ related: [] })
    // a first line with a full stop is a sentence, not a title
    expect(readHead(['Câu mở đầu.', 'Cập nhật: 21/02/2023'], untitled)).toEqual({ related: [] })
    // a long paragraph before the agency line: not a headline, so not the format
    expect(readHead(['Tít', 'Một đoạn văn dài kết thúc bằng dấu chấm.', 'VOV.VN - Sapo.'], untitled)).toEqual({ related: [] })
  })

  it('with a title and a sapo the structure gave: the date line and headlines between them', () => {
    expect(readHead(['Cập nhật: 21/02/2023', 'Tin cũ'], { title: true, sapo: true })).toEqual({ date: 0, related: [1] })
    expect(readHead(['Tin cũ', 'Một câu của thân bài.'], { title: true, sapo: true })).toEqual({ related: [] })
    expect(readHead(['Tin cũ', '(Dân trí) - Sapo.'], { title: true, sapo: false })).toEqual({ related: [0], sapo: 1 })
  })
})

describe('the edges of a head', () => {
  const untitled = { title: false, sapo: false }

  it('a date line may be indented; a related headline is at most 200 characters; a title at most 200, with no full stop', () => {
    expect(dateLineOf('   Cập nhật: 21/02/2023  ')).toBe('2023-02-21')
    expect(isRelatedLine('x'.repeat(200))).toBe(true)
    expect(isRelatedLine('x'.repeat(201))).toBe(false)
    expect(isRelatedLine('Tin cũ:')).toBe(false)
    expect(readHead(['T'.repeat(200), 'Cập nhật: 21/02/2023'], untitled)).toMatchObject({ title: 0, date: 1 })
    expect(readHead(['T'.repeat(201), 'Cập nhật: 21/02/2023'], untitled)).toEqual({ related: [] })
    expect(readHead(['Hà Nội: mưa lớn', 'Cập nhật: 21/02/2023'], untitled)).toMatchObject({ title: 0, date: 1 })
    expect(readHead(['', 'Cập nhật: 21/02/2023'], untitled)).toEqual({ related: [] })
  })

  it('the agency line is never the title; headlines before it need no date line', () => {
    expect(readHead(['VOV.VN - Sapo.', 'Thân.'], untitled)).toEqual({ related: [] })
    expect(readHead(['TTXVN - Tin nhanh', 'Thân.'], untitled)).toEqual({ related: [] })
    expect(readHead(['Tít', 'Tin cũ một', 'Tin cũ hai', 'VOV.VN - Sapo.'], untitled)).toEqual({ title: 0, related: [1, 2], sapo: 3 })
  })
})

describe('the head taken out of a parsed draft', () => {
  const body = (html: string) => parseDocument(`<!DOCTYPE html><html><body>${html}</body></html>`).body
  const texts = (el: ReturnType<typeof body>) => [...el.children].map((c) => `${c.tagName}:${c.textContent}`)

  it('past the blocks left empty at the start, up to the first block that is not a paragraph', () => {
    const root = body('<div></div><div> </div><p>&nbsp;</p><p>Tít</p><p> </p><p>Cập nhật: 21/02/2023</p><p>Tin cũ</p><p>VOV.VN - Sapo.</p><h2>Mục</h2><p>Thân.</p>')
    expect(takeHead(root, { title: false, lead: null })).toEqual({ title: 'Tít', date: '2023-02-21', related: ['Tin cũ'], sapo: 'VOV.VN - Sapo.' })
    expect(texts(root)).toEqual(['DIV:', 'DIV: ', 'P:\u00a0', 'P: ', 'H2:Mục', 'P:Thân.'])
    // a block with words first: no head
    const words = body('<div>Lời dẫn</div><p>Tít</p><p>Cập nhật: 21/02/2023</p>')
    expect(takeHead(words, { title: false, lead: null })).toEqual({ related: [] })
    expect(texts(words)).toHaveLength(3)
  })

  it('with a sapo its structure found: the paragraphs just before it, back to the first block that is not one', () => {
    const root = body('<h1>Tít</h1><p>Đoạn đầu.</p><div>x</div><p> Cập nhật: 21/02/2023 </p><p></p><p>Tin cũ</p><p class="sapo">Sapo.</p><p>Thân.</p>')
    const lead = root.querySelector('.sapo')
    expect(takeHead(root, { title: true, lead })).toEqual({ date: '2023-02-21', related: ['Tin cũ'] })
    expect(texts(root)).toEqual(['H1:Tít', 'P:Đoạn đầu.', 'DIV:x', 'P:', 'P:Sapo.', 'P:Thân.'])
    // a sapo first in the draft: nothing before it
    const first = body('<p class="sapo">Sapo.</p><p>Thân.</p>')
    expect(takeHead(first, { title: false, lead: first.querySelector('.sapo') })).toEqual({ related: [] })
  })

  it(`reads at most ${MAX_HEAD} paragraphs`, () => {
    const lines = Array.from({ length: MAX_HEAD - 1 }, (_, i) => `<p>Tin ${i}</p>`).join('')
    expect(takeHead(body(`<p>Tít</p>${lines}<p>VOV.VN - Sapo.</p>`), { title: false, lead: null })).toEqual({ related: [] })
    const fewer = Array.from({ length: MAX_HEAD - 2 }, (_, i) => `<p>Tin ${i}</p>`).join('')
    expect(takeHead(body(`<p>Tít</p>${fewer}<p>VOV.VN - Sapo.</p>`), { title: false, lead: null })).toMatchObject({ title: 'Tít', sapo: 'VOV.VN - Sapo.' })
    const before = Array.from({ length: MAX_HEAD + 2 }, (_, i) => `<p>Tin ${i}</p>`).join('')
    const root = body(`${before}<p class="sapo">Sapo.</p>`)
    expect(takeHead(root, { title: true, lead: root.querySelector('.sapo') }).related).toHaveLength(MAX_HEAD)
  })
})

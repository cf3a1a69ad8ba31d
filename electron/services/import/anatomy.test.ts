import { describe, expect, it } from 'vitest'
import { dateLineOf, readHead } from './anatomy'

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

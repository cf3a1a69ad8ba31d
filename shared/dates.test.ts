import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime, parseDateInput } from './dates'

const today = new Date(2026, 10, 27, 9, 30) // 27 Nov 2026, local time

describe('one date format for the UI language', () => {
  it('shows an article date as dd/mm/yyyy in Vietnamese and 20 Feb 2023 in English', () => {
    expect(formatDate('2023-02-20', 'vi')).toBe('20/02/2023')
    expect(formatDate('2023-02-20', 'en')).toBe('20 Feb 2023')
    expect(formatDate('', 'vi')).toBe('')
  })
  it('shows a moment as HH:mm dd/mm/yyyy, or 14:05, 20 Feb 2023', () => {
    const at = new Date(2026, 10, 27, 20, 11, 22)
    expect(formatDateTime(at, 'vi')).toBe('20:11 27/11/2026')
    expect(formatDateTime(at, 'en')).toBe('20:11, 27 Nov 2026')
    expect(formatDateTime(at.toISOString(), 'vi')).toBe('20:11 27/11/2026')
  })
})

describe('the date a journalist types', () => {
  it.each([
    ['20/2/2023', '2023-02-20'],
    ['20/02/2023', '2023-02-20'],
    ['20-02-2023', '2023-02-20'],
    ['20.02.2023', '2023-02-20'],
    ['20 02 2023', '2023-02-20'],
    ['20022023', '2023-02-20'],
    ['2023-02-20', '2023-02-20'],
    ['20/2/23', '2023-02-20'],
    ['29/02/2024', '2024-02-29'],
    ['  hôm nay ', '2026-11-27'],
    ['Hôm qua', '2026-11-26'],
    ['mai', '2026-11-28'],
    ['today', '2026-11-27'],
    ['', '']
  ])('reads %j as %s', (typed, iso) => {
    expect(parseDateInput(typed, today)).toEqual({ ok: true, iso })
  })

  it.each([
    ['20/02/22023', 'year'],
    ['01/01/1850', 'year'],
    ['31/02/2023', 'day'],
    ['29/02/2023', 'day'],
    ['20/13/2023', 'day'],
    ['0/1/2023', 'day'],
    ['hôm kia nữa', 'format'],
    ['02/20', 'format'],
    ['2023/02/20/1', 'format']
  ])('refuses %j (%s)', (typed, reason) => {
    expect(parseDateInput(typed, today)).toEqual({ ok: false, reason })
  })
})

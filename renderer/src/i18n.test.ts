import { describe, expect, it } from 'vitest'
import en from '../../shared/locales/en.json'
import vi from '../../shared/locales/vi.json'
import { pickLanguage } from './i18n'

/** Keys of a locale file, with plural suffixes folded together. */
function keys(obj: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k.replace(/_(one|other)$/, '')}`]
  )
}

describe('UI language', () => {
  it('follows the system locale unless one is chosen', () => {
    expect(pickLanguage('auto', 'vi-VN')).toBe('vi')
    expect(pickLanguage('auto', 'vi')).toBe('vi')
    expect(pickLanguage('auto', 'en-US')).toBe('en')
    expect(pickLanguage('auto', 'fr')).toBe('en')
    expect(pickLanguage('vi', 'en-US')).toBe('vi')
    expect(pickLanguage('en', 'vi-VN')).toBe('en')
  })

  it('has every string in both languages', () => {
    expect([...new Set(keys(en))].sort()).toEqual([...new Set(keys(vi))].sort())
  })
})

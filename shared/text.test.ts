import { describe, expect, it } from 'vitest'
import { charCount, fold, foldedWords, nfc, normaliseTags, readingMinutes, slugify, wordCount } from './text'

describe('text rules', () => {
  it('normalises to NFC', () => {
    const nfd = 'Tiếng Việt'.normalize('NFD')
    expect(nfd).not.toBe('Tiếng Việt')
    expect(nfc(nfd)).toBe('Tiếng Việt')
  })

  it('folds diacritics, đ and case', () => {
    expect(fold('Đảng viên')).toBe('dang vien')
    expect(fold('Nguyễn')).toBe('nguyen')
    expect(fold('ĐÀ NẴNG'.normalize('NFD'))).toBe('da nang')
    expect(foldedWords('Hội nghị, phát-triển!')).toEqual(['hoi', 'nghi', 'phat', 'trien'])
  })

  it('deduplicates tags case- and diacritic-insensitively, keeping first spelling and order', () => {
    expect(normaliseTags(['  Đà Nẵng ', 'kinh tế', 'da nang', 'KINH TE', '', 'Biển  đảo'])).toEqual([
      'Đà Nẵng',
      'kinh tế',
      'Biển đảo'
    ])
    expect(normaliseTags(['Huế'.normalize('NFD')])[0]).toBe('Huế')
  })

  it('counts Vietnamese syllables as words', () => {
    expect(wordCount('Hội nghị phát triển đảng viên')).toBe(6)
    expect(wordCount('Hơn 4.000 đại biểu, ở 70 điểm cầu.')).toBe(8)
    expect(wordCount('')).toBe(0)
    expect(wordCount('  — ')).toBe(0)
  })

  it('counts characters as code points after NFC', () => {
    expect(charCount('Việt'.normalize('NFD'))).toBe(4)
    expect(charCount('a\nb')).toBe(2)
  })

  it('estimates reading time', () => {
    expect(readingMinutes(0)).toBe(0)
    expect(readingMinutes(50)).toBe(1)
    expect(readingMinutes(600)).toBe(3)
  })

  it('makes Vietnamese-aware slugs', () => {
    expect(slugify('4.000 đại biểu ở Đà Nẵng dự hội nghị')).toBe('4-000-dai-bieu-o-da-nang-du-hoi-nghi')
    expect(slugify('  ??  ')).toBe('')
  })
})

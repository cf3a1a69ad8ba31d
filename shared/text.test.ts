import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { ALREADY_CLEAN, ALREADY_CLEAN_LINES, charCount, cleanText, cleanTextSlowly, fold, foldByTable, foldedWords, foldSlowly, nfc, normaliseTags, readingMinutes, slugify, wordCount, wordCountByTable, wordCountSlowly } from './text'


/** Any text made of up to `maxLength` of these pieces and short random strings (3,000 runs), given to `check`. */
function forTextsOf(pieces: string[], maxLength: number, check: (text: string) => void): void {
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength }), (p) => {
      check(p.join(''))
    }),
    { numRuns: 3000 }
  )
}

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

describe('stored text', () => {
  it('is one line by default: line breaks and tabs become spaces, CRLF counts once', () => {
    expect(cleanText('a\nb')).toBe('a b')
    expect(cleanText('a\r\nb')).toBe('a b')
    expect(cleanText('a\rb')).toBe('a b')
    expect(cleanText('a\tb')).toBe('a b')
  })

  it('keeps line feeds and tabs where lines are allowed, one per CRLF or CR', () => {
    expect(cleanText('a\r\nb\rc\td', { lines: true })).toBe('a\nb\nc\td')
  })

  it('drops control characters (ESC, NUL, BEL, DEL, C1) without leaving anything in their place, and is NFC', () => {
    expect(cleanText('\u001b[31mđỏ\u0000\u0007\u007f\u009b', { lines: true })).toBe('[31mđỏ')
    expect(cleanText('Việt'.normalize('NFD'))).toBe('Việt')
  })

  it('finds no words in text without letters or digits', () => {
    expect(foldedWords('— … !')).toEqual([])
  })

  it('counts characters without carriage returns', () => {
    expect(charCount('a\r\nb')).toBe(2)
    expect(charCount('a\rb')).toBe(2)
  })

  it('makes slugs with single hyphens and none at the ends', () => {
    expect(slugify('  Đà   Nẵng!!! —  2026  ')).toBe('da-nang-2026')
    expect(slugify('--Tin--')).toBe('tin')
    expect(slugify('!!!')).toBe('')
  })
})

describe('text already clean', () => {
  const clean = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c)).filter((ch) => ALREADY_CLEAN.test(ch))

  it('is what a Vietnamese text usually is, with its punctuation (and lines, in the body)', () => {
    const text = 'Đà Nẵng – “Hà Nội” sẽ có mưa rào… Nhiệt độ 25–30°C, độ ẩm 80%.'
    expect(ALREADY_CLEAN.test(text)).toBe(true)
    expect(ALREADY_CLEAN_LINES.test(`${text}\n\t${text}`)).toBe(true)
    expect(ALREADY_CLEAN.test(`${text}\n`)).toBe(false)
  })

  it('is told only for characters the definition leaves alone, alone or beside each other', () => {
    expect(clean.length).toBeGreaterThan(800)
    for (const a of clean) {
      expect(cleanTextSlowly(a, { lines: false })).toBe(a)
      // nothing of the set composes with what follows it (NFC looks at neighbours)
      for (const b of clean) if ((a + b).normalize('NFC') !== a + b) expect.fail(`${a}${b} changes under NFC`)
    }
  })

  it('gives what the definition gives, whatever the text (property)', () => {
    const pieces = [...clean.slice(0, 200), 'Đảng', 'ệ', '“', '…', 'e\u0301', '\u0301', '\r\n', '\r', '\t', '\n', '\u0000', '\u001b', '\u0085', '\u2028', 'Ω', '\u2126', '\uf900', '한']
    forTextsOf(pieces, 12, (text) => {
      for (const lines of [false, true]) expect(cleanText(text, { lines })).toBe(cleanTextSlowly(text, { lines }))
    })
  })
})

describe('words counted character by character', () => {
  it('gives what the definition gives, whatever the text (property)', () => {
    const pieces = ['Đảng', 'viên', ' ', '  ', '4.000', '-', '—', '’', "'", '.', ',', ':', '/', 'e\u0301', '\u0301', '\u0483', '\n', '\t', '😀', '𝐀', '\ud800', '한국', '٣', 'ǅ', '_', '“', '…']
    forTextsOf(pieces, 16, (text) => expect(wordCount(text)).toBe(wordCountSlowly(text)))
  })

  it('counts by its table any text without a surrogate', () => {
    expect(wordCountByTable('Hơn 4.000 đại biểu, ở 70 điểm cầu. -x - y')).toBe(10)
    expect(wordCountByTable('a 😀 b')).toBeNull()
  })
})

describe('fold character by character', () => {
  it('gives what the definition gives, whatever the text (property)', () => {
    // the cases where folding looks at neighbours or changes length: final sigma, marks kept or dropped,
    // İ, ligatures, Hangul, surrogates, NUL, and ordinary Vietnamese
    const pieces = ['ΑΣ', 'Σ', 'ς', 'Β', 'İ', 'ı', 'đ', 'Đảng', 'Hà', 'e\u0301', '\u0301', '\u0323', '\u1dc0', '\u0483', 'ﬁ', 'ǅ', '한', '𝐀', '😀', '\ufeff', '\u0000', ' ', '\n', '1', 'VIÊN', 'Ệ', 'ß', 'Å']
    forTextsOf(pieces, 12, (text) => expect(fold(text)).toBe(foldSlowly(text)))
  })

  it('folds Vietnamese, other Latin text, digits, controls and big texts by its table', () => {
    for (const text of ['Đảng viên Hà Nội', 'Nguyễn Văn A\u0301', 'Zoë, Benoît & Ærø', 'số 1.250\u0000\t', 'ΑΒΓ', 'Đà Nẵng '.repeat(20_000), '']) {
      expect(foldByTable(text)).toBe(foldSlowly(text))
    }
    expect(foldByTable('Đảng viên Hà Nội')).toBe('dang vien ha noi')
    expect(foldByTable('a\u0000b')).toBe('a\u0000b')
    // İ decomposes to I and a dot that folding drops: one letter
    expect(foldByTable('İstanbul')).toBe('istanbul')
  })

  it('leaves to the definition a text with a character that needs its neighbours', () => {
    // Σ (final or not), a kept mark (reordered by decomposition), surrogates, Hangul and क़ (decompose to several)
    for (const text of ['ΟΔΟΣ', 'x\u1dc0', 'x\u0483', '😀', '\ud800', '한국', '\u0958']) {
      expect(foldByTable(`Hà Nội ${text}`)).toBeNull()
      expect(fold(`Hà Nội ${text}`)).toBe(foldSlowly(`Hà Nội ${text}`))
    }
  })
})

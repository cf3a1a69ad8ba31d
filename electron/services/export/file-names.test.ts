import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { articleFileName, inside, MAX_NAME_BYTES, nameKey, safeFileName } from './file-names'

const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i

describe('file names', () => {
  it('fixed cases', () => {
    expect(safeFileName('../../x', 'html')).toBe('-..-x.html')
    expect(inside('/tmp/out', safeFileName('../../x', 'html'))).toBe('/tmp/out/-..-x.html')
    expect(safeFileName('CON.txt', 'html')).toBe('_CON.txt.html')
    expect(safeFileName('con', 'md')).toBe('_con.md')
    expect(safeFileName('a.', 'html')).toBe('a.html')
    expect(safeFileName('a. ', '')).toBe('a')
    const taken = new Set([nameKey(safeFileName('caf\u00e9', 'html'))])
    expect(safeFileName('cafe\u0301', 'html', taken)).toBe('café-2.html')
    expect(safeFileName('Tin', 'html', new Set(['tin.html']))).toBe('Tin-2.html')
    expect(articleFileName({ id: 'abcdef12-0000-4000-8000-000000000000', title: '' }, 'html')).toBe('bai-viet-abcdef12.html')
    expect(articleFileName({ id: 'x', title: '4.000 đại biểu ở Đà Nẵng dự hội nghị chuyên đề phát triển đảng viên' }, 'html')).toBe(
      '4-000-dai-bieu-o-da-nang-du-hoi-nghi-chuyen-de-phat-trien-dang-vien.html'
    )
    expect(() => inside('/tmp/out', '../x')).toThrow(/leave/)
    expect(() => inside('/tmp/out', 'a/b')).toThrow(/leave/)
  })

  it('any stem gives a safe, bounded, unique name inside the folder', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 300 }), { minLength: 1, maxLength: 12 }), fc.constantFrom('html', 'md', 'json'), (stems, ext) => {
        const taken = new Set<string>()
        for (const stem of stems) {
          const name = safeFileName(stem, ext, taken)
          expect(name).not.toMatch(/[<>:"/\\|?*\u0000-\u001f\u007f]/)
          expect(name).not.toMatch(/[. ]$/)
          expect(Buffer.byteLength(name)).toBeLessThanOrEqual(MAX_NAME_BYTES)
          expect(RESERVED.test(name.split('.')[0])).toBe(false)
          expect(name.endsWith('.' + ext)).toBe(true)
          expect(taken.has(nameKey(name))).toBe(false)
          expect(inside('/srv/export', name).startsWith('/srv/export/')).toBe(true)
          taken.add(nameKey(name))
        }
      }),
      { numRuns: 300 }
    )
  })

  it('cuts a long name to 200 bytes without splitting a character, keeping the extension and counter', () => {
    const long = 'Đà Nẵng '.repeat(60)
    const name = safeFileName(long, 'html')
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(MAX_NAME_BYTES)
    expect(Buffer.byteLength(name)).toBeGreaterThan(MAX_NAME_BYTES - 4)
    expect(name.endsWith('.html')).toBe(true)
    expect(name).not.toContain('\ufffd')
    expect(name.startsWith('Đà Nẵng Đà Nẵng')).toBe(true)
    // a name that fits exactly is not cut
    expect(Buffer.byteLength(safeFileName('a'.repeat(300), 'html'))).toBe(MAX_NAME_BYTES)
    expect(safeFileName('a'.repeat(MAX_NAME_BYTES - 5), 'html')).toBe('a'.repeat(MAX_NAME_BYTES - 5) + '.html')
    // cut right after the end of a sentence: no dot or space is left before the extension
    expect(safeFileName('a'.repeat(MAX_NAME_BYTES - 7) + '. ' + 'b'.repeat(10), 'html')).toBe('a'.repeat(MAX_NAME_BYTES - 7) + '.html')
    const second = safeFileName(long, 'html', new Set([nameKey(name)]))
    expect(second.endsWith('-2.html')).toBe(true)
    expect(Buffer.byteLength(second)).toBeLessThanOrEqual(MAX_NAME_BYTES)
  })

  it('prefixes reserved device names of any case, and falls back when nothing is left', () => {
    for (const stem of ['COM1', 'lpt9', 'Nul', 'aux.tar', 'com¹']) expect(safeFileName(stem, 'md').startsWith('_'), stem).toBe(true)
    for (const stem of ['COM10', 'console', 'lpt', 'nul1', 'falcon', 'xlpt1', 'tin-']) expect(safeFileName(stem, 'md').startsWith('_'), stem).toBe(false)
    expect(safeFileName('???', 'html')).toBe('bai-viet.html')
    expect(safeFileName('...', 'html')).toBe('bai-viet.html')
    expect(safeFileName('', 'html', new Set(), 'du-phong')).toBe('du-phong.html')
    expect(safeFileName(' . ', '')).toBe('bai-viet')
    expect(safeFileName('tin-', 'md')).toBe('tin-.md')
  })

  it('refuses names that are not a plain name inside the folder', () => {
    for (const name of ['..', '', '.', '../x', 'a/b', '/etc/passwd']) expect(() => inside('/srv/out', name), JSON.stringify(name)).toThrow(/would leave/)
    expect(inside('/srv/out', 'bai.html')).toBe('/srv/out/bai.html')
    expect(inside('/srv/out/', '..bai.html')).toBe('/srv/out/..bai.html')
  })
})

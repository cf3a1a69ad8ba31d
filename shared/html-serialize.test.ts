/** The serializer's escapes: a string with nothing to escape is given back as it is, any other as the HTML standard escapes it. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { escapeAttribute, escapeText } from './html-serialize'

/** The HTML standard's escaping of text and of attribute values (the definition the escapes follow). */
const textEscapes: Record<string, string> = { '&': '&amp;', '\u00a0': '&nbsp;', '<': '&lt;', '>': '&gt;' }
const attributeEscapes: Record<string, string> = { ...textEscapes, '"': '&quot;' }
const escapedBy = (table: Record<string, string>) => (s: string) => [...s].map((c) => table[c] ?? c).join('')

describe('escapes', () => {
  const strings = fc.array(fc.constantFrom('&', '<', '>', '"', "'", '\u00a0', ' ', 'a', 'Đ', 'ệ', '&amp;', '\n'), { maxLength: 12 }).map((a) => a.join(''))

  it('escape text and attribute values as the standard does (property)', () => {
    fc.assert(
      fc.property(strings, (s) => {
        expect(escapeText(s)).toBe(escapedBy(textEscapes)(s))
        expect(escapeAttribute(s)).toBe(escapedBy(attributeEscapes)(s))
      }),
      { numRuns: 1000 }
    )
  })

  it('leave quotes in text and everything else alone', () => {
    expect(escapeText('"Hà Nội" <b> &\u00a0')).toBe('"Hà Nội" &lt;b&gt; &amp;&nbsp;')
    expect(escapeAttribute('Tin "nóng"')).toBe('Tin &quot;nóng&quot;')
    expect(escapeText('Đà Nẵng')).toBe('Đà Nẵng')
  })
})

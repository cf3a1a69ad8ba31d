/** Cleaning a document's JSON: every string cleaned, text nodes left empty dropped — in one walk. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cleanDoc } from './doc'
import { cleanText } from './text'

/** What cleanDoc gave as two walks (clean every string, then drop empty text nodes): the reference. */
function cleanDeep(value: unknown): unknown {
  if (typeof value === 'string') return cleanText(value, { lines: true })
  if (Array.isArray(value)) return value.map(cleanDeep)
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = Object.create(null)
    for (const [k, v] of Object.entries(value)) out[k] = cleanDeep(v)
    return out
  }
  return value
}
function twoWalks(doc: unknown): unknown {
  const drop = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.filter((n) => !(n && typeof n === 'object' && (n as { type?: unknown }).type === 'text' && (n as { text?: unknown }).text === '')).map(drop)
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = Object.create(null)
      for (const [k, v] of Object.entries(value)) out[k] = drop(v)
      return out
    }
    return value
  }
  return drop(cleanDeep(doc))
}

describe('cleanDoc', () => {
  it('cleans every string, NFC, and drops a text node the cleaning leaves empty', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Ha\u0300 No\u0323\u0302i\r\n' }, { type: 'text', text: '\u0007\u001b' }, { type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'https://a.vn/\u0000' } }] }] }
      ]
    }
    expect(JSON.parse(JSON.stringify(cleanDoc(doc)))).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hà Nội\n' }, { type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'https://a.vn/' } }] }] }]
    })
  })

  it('gives what the two walks gave, for any JSON (property)', () => {
    const text = fc.constantFrom('', '\u0000', 'a', 'e\u0301', '\r', '\u009f', 'Đà')
    const node = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.record({ type: fc.constant('text'), text: fc.array(text, { maxLength: 3 }).map((t) => t.join('')) }),
        fc.record({ type: fc.constantFrom('paragraph', 'heading', 'text'), content: fc.array(tie('node'), { maxLength: 4 }), attrs: fc.dictionary(text, fc.oneof(text, fc.integer(), fc.constant(null))) }, { requiredKeys: ['type'] }),
        text,
        fc.integer(),
        fc.constant(null)
      )
    })).node
    fc.assert(
      fc.property(node, (doc) => {
        const before = JSON.stringify(doc)
        const cleaned = cleanDoc(doc)
        // the same JSON (what is clean comes back as it is, with its own prototype: toEqual, not toStrictEqual)
        expect(cleaned).toEqual(twoWalks(doc))
        expect(JSON.stringify(cleaned)).toBe(JSON.stringify(twoWalks(doc)))
        // the input is never changed, and a document clean already is given back itself
        expect(JSON.stringify(doc)).toBe(before)
        if (JSON.stringify(twoWalks(doc)) === JSON.stringify(doc)) expect(cleaned).toBe(doc)
      }),
      { numRuns: 500 }
    )
  })

  it('copies only what changed, without a prototype; the rest is shared', () => {
    const clean = { type: 'paragraph', content: [{ type: 'text', text: 'Đà Nẵng' }] }
    const dirty = { type: 'paragraph', content: [{ type: 'text', text: 'a\u0000' }] }
    // only a text node is dropped when its text is empty
    const notText = { type: 'image', text: '' }
    const doc = { type: 'doc', content: [clean, dirty, notText] }
    const out = cleanDoc(doc) as { content: Array<typeof clean> }
    expect(out).not.toBe(doc)
    expect(Object.getPrototypeOf(out)).toBeNull()
    expect(out.content[0]).toBe(clean)
    expect(Object.getPrototypeOf(out.content[1])).toBeNull()
    expect(Object.keys(out.content[1])).toEqual(['type', 'content'])
    expect(out.content[2]).toBe(notText)
    expect(out.content[1].content[0].text).toBe('a')
    expect(dirty.content[0].text).toBe('a\u0000')
  })
})

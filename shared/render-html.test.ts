/**
 * The string document renders exactly what a full DOM renders: the same renderer built over linkedom's
 * DOM and over string-dom gives byte-identical pages and bodies for random documents and metadata (the
 * export goldens pin the bytes themselves, in exporter.test.ts).
 */
import fc from 'fast-check'
import { parseHTML } from 'linkedom'
import { describe, expect, it } from 'vitest'
import { defaultFields, type Article } from './article'
import { randomDocs } from '../electron/services/test-support/random-docs'
import { buildRenderer, inertJson, renderArticleHtml, renderBodyHtml } from './render-html'
import type { StringDocument } from './string-dom'

const withDom = buildRenderer(() => parseHTML('<!DOCTYPE html><html><head></head><body></body></html>').document as unknown as StringDocument)

const text = fc.string({ unit: fc.constantFrom(...'aàđĐê <>&"\'\u00a0\u2028/;:'.split(''), '</script>', '</title>', '&amp;'), maxLength: 20 })
const metadata = fc.record({
  title: text,
  sapo: text,
  category: text,
  author: text,
  source: text,
  tags: fc.array(text, { maxLength: 3 }),
  related: fc.array(text, { maxLength: 2 }),
  date: fc.constantFrom('', '2024-02-29', '2026-11-27'),
  language: fc.constantFrom('vi', 'en')
})

describe('the string document renders like a DOM', () => {
  it('whole pages are byte-identical over random documents and metadata, both image choices', () => {
    fc.assert(
      fc.property(randomDocs, metadata, fc.constantFrom('omit' as const, 'keep' as const), (body, fields, remoteImages) => {
        const article = { ...defaultFields(), ...fields, body, id: 'x', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z' } as Article
        const options = { stylesheet: 'body { color: #111 } </style>', remoteImages }
        expect(renderArticleHtml(article, options)).toBe(withDom.renderArticleHtml(article, options))
      }),
      { numRuns: 300 }
    )
  })

  it('bodies alone (ninjs) are byte-identical', () => {
    fc.assert(
      fc.property(randomDocs, (body) => {
        expect(renderBodyHtml(body)).toBe(withDom.renderBodyHtml(body))
      }),
      { numRuns: 200 }
    )
  })

  it('a photo paragraph becomes a figure with its caption, in both', () => {
    const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'image', attrs: { src: 'data:image/png;base64,iVBORw0KGgo=', alt: 'Cầu "Rồng"', title: 'Chú thích & ảnh' } }] }] }
    const out = renderBodyHtml(body)
    expect(out).toBe('<figure><img alt="Cầu &quot;Rồng&quot;" src="data:image/png;base64,iVBORw0KGgo="><figcaption>Chú thích &amp; ảnh</figcaption></figure>')
    expect(out).toBe(withDom.renderBodyHtml(body))
  })
})

describe('JSON-LD inside <script>', () => {
  it('holds no character that can end or confuse the block, and reads back as the same value', () => {
    fc.assert(
      fc.property(fc.dictionary(text, fc.oneof(text, fc.array(text, { maxLength: 2 }))), (value) => {
        const json = inertJson(value)
        expect(json).not.toMatch(/[<>&\u2028\u2029]/)
        expect(JSON.parse(json)).toEqual(value)
      }),
      { numRuns: 300 }
    )
    expect(inertJson({ a: '</script>&\u2028' })).toBe('{\n  "a": "\\u003c/script\\u003e\\u0026\\u2028"\n}')
  })
})

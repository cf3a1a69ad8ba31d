/** The article schema's body size bound: cheap, and never lets a body past the limit through. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BodySchema, jsonSurelyWithin, MAX_BODY_CHARS } from './article'

describe('the body size bound', () => {
  it('never says a value fits when its JSON is longer (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(2000), (value, max) => {
        if (jsonSurelyWithin(value, max)) expect(JSON.stringify(value).length).toBeLessThanOrEqual(max)
      }),
      { numRuns: 3000 }
    )
  })

  it('leaves to JSON.stringify what it cannot count (a Date writes itself)', () => {
    expect(jsonSurelyWithin({ at: new Date(0) }, 10)).toBe(false)
    expect(jsonSurelyWithin({ type: 'doc' }, 100)).toBe(true)
  })

  it('still refuses a body past the limit, with its size', () => {
    const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x'.repeat(MAX_BODY_CHARS) }] }] }
    const r = BodySchema.safeParse(body)
    expect(r.success).toBe(false)
    expect(r.error?.issues[0].message).toMatch(/the article body is too large \(5\.0 MB; at most 5 MB\)/)
  })
})

/** The article schema's body size bound: cheap, and never lets a body past the limit through. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BodySchema, jsonSurelyWithin, MAX_BODY_CHARS } from './article'

describe('the body size bound', () => {
  it('never says a value fits when its JSON is longer, even by one character (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(2000), (value, max) => {
        const length = JSON.stringify(value).length
        if (jsonSurelyWithin(value, max)) expect(length).toBeLessThanOrEqual(max)
        expect(jsonSurelyWithin(value, length - 1)).toBe(false)
      }),
      { numRuns: 3000 }
    )
  })

  it('counts six per string character, 25 per number (the longest a number writes), and says yes up to its bound', () => {
    expect(jsonSurelyWithin('ab', 14)).toBe(true)
    expect(jsonSurelyWithin('ab', 13)).toBe(false)
    expect(jsonSurelyWithin([1], 28)).toBe(true)
    expect(jsonSurelyWithin([1], 27)).toBe(false)
    // a property run found it: 24 was one short for a number between 1e-6 and 1e-5
    expect(JSON.stringify(-0.0000010740103887493281)).toHaveLength(25)
    expect(jsonSurelyWithin(-0.0000010740103887493281, 24)).toBe(false)
    expect(jsonSurelyWithin({ type: 'doc' }, 100)).toBe(true)
  })

  it('leaves to JSON.stringify what it cannot count (a Date writes itself)', () => {
    const dates = [new Date(0)]
    expect(jsonSurelyWithin(dates, JSON.stringify(dates).length - 1)).toBe(false)
  })

  it('still refuses a body past the limit, with its size', () => {
    const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x'.repeat(MAX_BODY_CHARS) }] }] }
    const r = BodySchema.safeParse(body)
    expect(r.success).toBe(false)
    expect(r.error?.issues[0].message).toMatch(/the article body is too large \(5\.0 MB; at most 5 MB\)/)
  })
})

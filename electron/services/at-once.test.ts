/** mapAtOnce: the items' order, never more than n at once, every item once. */
import { describe, expect, it } from 'vitest'
import { mapAtOnce } from './at-once'

describe('mapAtOnce', () => {
  it('gives the results in order, with at most n in flight and each item taken once', async () => {
    let running = 0
    let most = 0
    const seen: number[] = []
    const results = await mapAtOnce([5, 1, 4, 2, 3, 0, 6], 3, async (ms) => {
      seen.push(ms)
      most = Math.max(most, ++running)
      await new Promise((resolve) => setTimeout(resolve, ms))
      running--
      return ms * 10
    })
    expect(results).toEqual([50, 10, 40, 20, 30, 0, 60])
    expect(most).toBe(3)
    expect(seen.sort()).toEqual([0, 1, 2, 3, 4, 5, 6])
  })

  it('does nothing for no items', async () => {
    expect(await mapAtOnce([], 4, async () => 1)).toEqual([])
  })
})

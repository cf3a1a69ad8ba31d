import { describe, expect, it, vi } from 'vitest'
import type { Article, ArticlePatch } from '../../../shared/article'
import { SaveQueue } from './save-queue'

const article = (patch: ArticlePatch) => ({ id: 'a', ...patch }) as unknown as Article

describe('SaveQueue', () => {
  it('saves edits in order and merges edits made while a save runs', async () => {
    const saved: ArticlePatch[] = []
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const q = new SaveQueue(async (_id, patch) => {
      saved.push(patch)
      if (saved.length === 1) await gate
      return article(patch)
    })
    const first = q.push('a', { title: 'một' })
    void q.push('a', { sapo: 'hai' })
    void q.push('a', { title: 'ba' })
    release()
    await first
    await q.flush('a')
    expect(saved[0]).toEqual({ title: 'một' })
    expect(saved.at(-1)).toEqual({ title: 'ba', sapo: 'hai' })
    expect(q.state('a')).toEqual({ state: 'saved' })
    expect(q.dirty).toBe(false)
  })

  it('names the version the edits were made on: the one loaded, then the one it saved; a load while edits wait changes nothing', async () => {
    const bases: Array<string | undefined> = []
    let n = 0
    const q = new SaveQueue(async (_id, patch, base) => {
      bases.push(base)
      return { ...article(patch), updatedAt: `2026-11-28T10:00:0${++n}.000Z` }
    })
    q.loaded('a', '2026-11-28T09:00:00.000Z')
    await q.push('a', { title: 'một' })
    // reopened with nothing unsaved: the version shown is the base
    q.loaded('a', '2026-11-28T09:30:00.000Z')
    await q.push('a', { title: 'hai' })
    await q.push('a', { title: 'ba' })
    q.defer('a', () => ({ title: 'bốn' }))
    // reopened while an edit waits: its base stays the version it was made on
    q.loaded('a', '2026-11-28T11:00:00.000Z')
    await q.flush('a')
    expect(bases).toEqual(['2026-11-28T09:00:00.000Z', '2026-11-28T09:30:00.000Z', '2026-11-28T10:00:02.000Z', '2026-11-28T10:00:03.000Z'])
  })

  it('keeps the edits and reports the error when the store fails, then retries until it lands', async () => {
    vi.useFakeTimers()
    try {
      let fail = true
      const save = vi.fn(async (_id: string, patch: ArticlePatch) => {
        if (fail) throw new Error('disk full')
        return article(patch)
      })
      const q = new SaveQueue(save, undefined, [1000])
      await q.push('a', { title: 'chữ quý' })
      expect(q.state('a')).toEqual({ state: 'failed', error: 'disk full' })
      expect(q.pendingPatch('a')).toEqual({ title: 'chữ quý' })
      await expect(q.flush('a')).rejects.toThrow('disk full')
      fail = false
      await vi.advanceTimersByTimeAsync(1000)
      expect(q.state('a')).toEqual({ state: 'saved' })
      expect(q.pendingPatch('a')).toBeUndefined()
      expect(save).toHaveBeenLastCalledWith('a', { title: 'chữ quý' }, undefined)
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('the autosave delay', () => {
  it('saves deferred edits once typing pauses, building the patch only then, and at once on a flush', async () => {
    const saved: Array<{ id: string; patch: unknown }> = []
    const queue = new SaveQueue(async (id, patch) => (saved.push({ id, patch }), { id, updatedAt: 't' } as never), () => {}, [10], 30)
    let builds = 0
    const build = (title: string) => () => (builds++, { title })
    queue.defer('a', build('một'))
    queue.defer('a', build('hai'))
    expect(queue.dirty).toBe(true)
    await new Promise((r) => setTimeout(r, 80))
    expect(saved).toEqual([{ id: 'a', patch: { title: 'hai' } }])
    expect(builds).toBe(1)
    queue.defer('b', build('ba'))
    await queue.flush('b')
    expect(saved.at(-1)).toEqual({ id: 'b', patch: { title: 'ba' } })
    expect(queue.dirty).toBe(false)
  })
})

import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { acquireLock } from './store-lock'
import { tempDir } from '../test-support/temp-dir'
import { StoreLockedError } from '../errors'

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir('nd-lock-'))
})
afterEach(async () => {
  vi.restoreAllMocks()
  await cleanup()
})

const DEAD_PID = 999_999_999

describe('store lock', () => {
  it('takes a stale lock over atomically: of two openers racing for it, exactly one wins (200 trials)', async () => {
    const lockFile = path.join(dir, 'store.lock')
    let bothWon = 0
    for (let trial = 0; trial < 200; trial++) {
      await fs.writeFile(lockFile, JSON.stringify({ pid: DEAD_PID, host: os.hostname() }))
      const results = await Promise.allSettled([acquireLock(lockFile, dir), acquireLock(lockFile, dir)])
      const won = results.filter((r) => r.status === 'fulfilled')
      if (won.length !== 1) bothWon++
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(StoreLockedError)
      for (const r of won) await (r as PromiseFulfilledResult<{ release(): Promise<void> }>).value.release()
      await fs.rm(lockFile, { force: true })
    }
    expect(bothWon).toBe(0)
    // no stray files of the takeover are left
    expect(await fs.readdir(dir)).toEqual([])
  })

  it('never takes over a lock held on another computer, and names that computer', async () => {
    const lockFile = path.join(dir, 'store.lock')
    await fs.writeFile(lockFile, JSON.stringify({ pid: DEAD_PID, host: 'phong-bien-tap-02' }))
    const err = await acquireLock(lockFile, dir).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(StoreLockedError)
    expect((err as Error).message).toContain('phong-bien-tap-02')
    expect(JSON.parse(await fs.readFile(lockFile, 'utf8')).host).toBe('phong-bien-tap-02')
  })

  it('a lock that cannot be written (full disk) leaves no lock file behind', async () => {
    const lockFile = path.join(dir, 'store.lock')
    const realOpen = fs.open
    vi.spyOn(fs, 'open').mockImplementation(async (...args: Parameters<typeof fs.open>) => {
      const handle = await realOpen(...args)
      handle.writeFile = () => Promise.reject(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }))
      return handle
    })
    await expect(acquireLock(lockFile, dir)).rejects.toMatchObject({ code: 'ENOSPC' })
    expect(await fs.readdir(dir)).toEqual([])
  })

  it('release removes only its own lock', async () => {
    const lockFile = path.join(dir, 'store.lock')
    const lock = await acquireLock(lockFile, dir)
    await fs.writeFile(lockFile, JSON.stringify({ pid: 1234, host: 'other' }))
    await lock.release()
    expect(JSON.parse(await fs.readFile(lockFile, 'utf8')).host).toBe('other')
  })
})

/**
 * One writer per store: a lock file naming its owner (host, pid and a random token). A lock whose owner
 * is a dead process on this host is stale and is taken over atomically: it is renamed away (only one
 * process can rename a given file), and the taker checks that what it renamed is the stale lock it read
 * — if another process had already taken over, its fresh lock is put back. A lock held on another host
 * (a store on a network share) cannot be checked from here, so it is never taken over.
 */
import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import { StoreLockedError } from '../errors'

interface Owner {
  pid: number
  host: string
  token: string
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export interface StoreLock {
  release(): Promise<void>
}

/** The lock's text, or null when there is no lock file. */
async function readLock(lockFile: string): Promise<string | null> {
  try {
    return await fs.readFile(lockFile, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw err
  }
}

function ownerOf(text: string): Owner | null {
  try {
    const v = JSON.parse(text) as Partial<Owner>
    // a lock without a host was written by this computer's older versions
    if (typeof v.pid === 'number' && v.pid > 0) return { pid: v.pid, host: typeof v.host === 'string' ? v.host : os.hostname(), token: String(v.token ?? '') }
  } catch {
    // unreadable or half-written lock
  }
  return null
}

/**
 * Create the lock file with its whole text at once (written to a temp file, then hard-linked into place,
 * which fails if a lock exists), so nobody ever sees a half-written lock. False when a lock exists.
 * A failed write (full disk) leaves nothing behind.
 */
async function create(lockFile: string, text: string): Promise<boolean> {
  const temp = `${lockFile}.new-${process.pid}-${randomBytes(6).toString('hex')}`
  try {
    const handle = await fs.open(temp, 'wx')
    try {
      await handle.writeFile(text)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await fs.link(temp, lockFile)
    return true
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw err
  } finally {
    await fs.rm(temp, { force: true }).catch(() => {})
  }
}

/** Remove the lock file only if it still holds `stale`; true when this call removed it. */
async function takeOver(lockFile: string, stale: string): Promise<boolean> {
  const aside = `${lockFile}.stale-${process.pid}-${randomBytes(6).toString('hex')}`
  try {
    await fs.rename(lockFile, aside)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false // someone else took it over first
    throw err
  }
  const moved = await fs.readFile(aside, 'utf8').catch(() => null)
  if (moved === stale) {
    await fs.rm(aside, { force: true })
    return true
  }
  // we moved a lock another process had just taken: give it back (link fails if a third one is there)
  await fs.link(aside, lockFile).catch(() => {})
  await fs.rm(aside, { force: true })
  return false
}

export async function acquireLock(lockFile: string, storeDir: string): Promise<StoreLock> {
  const host = os.hostname()
  const token = randomBytes(12).toString('hex')
  const text = JSON.stringify({ pid: process.pid, host, token, since: new Date().toISOString() })
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await create(lockFile, text)) {
      return {
        release: async () => {
          // only our own lock is removed
          if ((await readLock(lockFile).catch(() => null)) === text) await fs.rm(lockFile, { force: true })
        }
      }
    }
    const current = await readLock(lockFile)
    if (current === null) continue
    const owner = ownerOf(current)
    if (owner && owner.host !== host) throw new StoreLockedError(storeDir, owner.pid, owner.host)
    if (owner && isAlive(owner.pid)) throw new StoreLockedError(storeDir, owner.pid)
    await takeOver(lockFile, current)
  }
  throw new Error(`Could not take the lock ${lockFile}`)
}

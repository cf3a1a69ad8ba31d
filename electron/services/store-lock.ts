/** One writer per store: a lock file holding the owner's pid; a stale lock (dead pid) is taken over. */
import { promises as fs } from 'node:fs'
import os from 'node:os'

export class StoreLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number
  ) {
    super(`The store ${dir} is already open in another Newsdesk process (pid ${pid}); close it first.`)
    this.name = 'StoreLockedError'
  }
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

export async function acquireLock(lockFile: string, storeDir: string): Promise<StoreLock> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await fs.open(lockFile, 'wx')
      await handle.writeFile(JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() }))
      await handle.sync()
      await handle.close()
      return { release: () => fs.rm(lockFile, { force: true }) }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    }
    let pid = 0
    try {
      pid = Number(JSON.parse(await fs.readFile(lockFile, 'utf8')).pid) || 0
    } catch {
      // unreadable or half-written lock: treat as stale
    }
    if (pid && isAlive(pid)) throw new StoreLockedError(storeDir, pid)
    await fs.rm(lockFile, { force: true })
  }
  throw new Error(`Could not take the lock ${lockFile}`)
}

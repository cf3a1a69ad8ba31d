/** Durable, atomic file writes: unique temp file, write, fsync, rename, fsync the folder. */
import { randomBytes } from 'node:crypto'
import { closeSync, openSync, promises as fs, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/** Prefix of our temp files; the sync engine and folder scans ignore them. */
export const TEMP_PREFIX = '.newsdesk-tmp-'

/** This thread's mark in its temp files' names (process and a random tag), then a count: no two alike. */
const TEMP_TAG = `${process.pid}.${randomBytes(6).toString('hex')}`
let temps = 0
/** Whether a file name is a temp file another process left (this process's own may be being written). */
export function isLeftoverTemp(name: string): boolean {
  return name.startsWith(TEMP_PREFIX) && /\.(\d+)\.[0-9a-f]{12}\.[0-9a-z]+$/.exec(name)?.[1] !== String(process.pid)
}
/** A fresh temp file's path beside `file`. */
export function tempPathFor(file: string): string {
  return path.join(path.dirname(file), `${TEMP_PREFIX}${path.basename(file)}.${TEMP_TAG}.${(temps++).toString(36)}`)
}

export async function fsyncDir(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined
  try {
    handle = await fs.open(dir, 'r')
    await handle.sync()
  } catch (err) {
    // Some platforms (Windows) cannot open or fsync a directory; the rename is still atomic there.
    if ((err as NodeJS.ErrnoException).code !== 'EISDIR' && (err as NodeJS.ErrnoException).code !== 'EPERM') throw err
  } finally {
    await handle?.close()
  }
}

/** Write `data` to `file` so that after a crash the file holds either the old or the new content, complete. */
export function writeFileDurable(file: string, data: string | Uint8Array): Promise<void> {
  return writeFileAtomic(file, data, { sync: true })
}

/**
 * Replace `file` atomically (temp file + rename): readers see the old or the new content, never a part.
 * With `sync`, the data and the folder entry are also on disk when the promise resolves; `syncDir: false`
 * leaves the folder's fsync to the caller (once for many files).
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array, { sync, syncDir = sync }: { sync: boolean; syncDir?: boolean }): Promise<void> {
  const temp = tempPathFor(file)
  let handle: fs.FileHandle | undefined
  try {
    handle = await fs.open(temp, 'wx')
    await handle.writeFile(data)
    if (sync) await handle.sync()
    await handle.close()
    handle = undefined
    await fs.rename(temp, file)
  } catch (err) {
    await handle?.close().catch(() => {})
    await fs.rm(temp, { force: true }).catch(() => {})
    throw err
  }
  if (syncDir) await fsyncDir(path.dirname(file))
}

/** writeFileAtomic without `sync`, blocking: for exports of a few KB a file, where the thread pool's round trips cost more than the write. */
export function writeFileAtomicSync(file: string, data: string | Uint8Array): void {
  const temp = tempPathFor(file)
  try {
    const fd = openSync(temp, 'wx')
    try {
      writeFileSync(fd, data)
    } finally {
      closeSync(fd)
    }
    renameSync(temp, file)
  } catch (err) {
    rmSync(temp, { force: true })
    throw err
  }
}

/** Rename a damaged file to `<name>.corrupt-<timestamp>` so that nothing overwrites it; returns the new path. */
export async function moveAside(file: string, now = new Date()): Promise<string> {
  const stamp = now.toISOString().replace(/[-:.]/g, '')
  let target = `${file}.corrupt-${stamp}`
  for (let i = 1; await exists(target); i++) target = `${file}.corrupt-${stamp}-${i}`
  await fs.rename(file, target)
  await fsyncDir(path.dirname(file))
  return target
}

export async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file)
    return true
  } catch {
    return false
  }
}

/** Why a path cannot be read as a data file (a folder, a link, a device, too large), or null. */
export function fileTypeProblem(st: { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean; size: number }, maxBytes: number): string | null {
  if (st.isDirectory()) return 'is a folder, not a file'
  if (st.isSymbolicLink()) return 'is a symbolic link, not a file'
  if (!st.isFile()) return 'is not a regular file'
  if (st.size > maxBytes) return `is too large to be read (${(st.size / 2 ** 20).toFixed(0)} MB; at most ${(maxBytes / 2 ** 20).toFixed(0)} MB)`
  return null
}

/** Why the text of a JSON file cannot be trusted, or null if it parses. */
export function jsonProblem(text: string): { problem: string } | { value: unknown } {
  if (text.length === 0) return { problem: 'file is empty' }
  if (text.includes('\u0000')) return { problem: 'file contains NUL bytes' }
  try {
    const value: unknown = JSON.parse(text)
    if (value === null || typeof value !== 'object') return { problem: 'file does not hold a JSON object' }
    return { value }
  } catch (err) {
    return { problem: `file is not valid JSON (truncated?): ${(err as Error).message}` }
  }
}

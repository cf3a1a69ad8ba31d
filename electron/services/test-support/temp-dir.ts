import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** A fresh temporary folder; remove it with the returned cleanup. */
export async function tempDir(prefix = 'newsdesk-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix))
  return { dir, cleanup: () => fs.rm(dir, { recursive: true, force: true }) }
}

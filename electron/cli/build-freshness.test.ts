import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { builtIsFresh, newestSource } from './build-freshness.mjs'

let root: string
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'nd-fresh-'))
})
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true })
})

/** Write a file below the root with this modification time (seconds). */
async function file(rel: string, mtime: number): Promise<void> {
  const full = path.join(root, rel)
  await fs.mkdir(path.dirname(full), { recursive: true })
  await fs.writeFile(full, '')
  await fs.utimes(full, mtime, mtime)
}

describe('the launcher runs the built CLI while it is as new as its sources', () => {
  it('counts electron/, shared/ and resources/ sources, not tests or their helpers', async () => {
    await file('electron/cli/cli.ts', 1000)
    await file('shared/text.ts', 1100)
    await file('out/cli/cli.mjs', 2000)
    const built = path.join(root, 'out/cli/cli.mjs')
    expect(newestSource(root)).toBe(1100_000)
    expect(builtIsFresh(root, built)).toBe(true)
    // a test edited after the build: the build is still what the sources make
    await file('electron/cli/cli.test.ts', 3000)
    await file('electron/services/test-support/golden-sample.json', 3000)
    await file('shared/notes.md', 3000)
    expect(builtIsFresh(root, built)).toBe(true)
    // a source edited after the build: stale
    await file('resources/newsroom-words.json', 3000)
    expect(newestSource(root)).toBe(3000_000)
    expect(builtIsFresh(root, built)).toBe(false)
  })

  it('a missing build is not fresh', async () => {
    await file('shared/text.ts', 1000)
    expect(builtIsFresh(root, path.join(root, 'out/cli/cli.mjs'))).toBe(false)
  })
})

import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { jsonProblem, moveAside, TEMP_PREFIX, writeFileDurable } from './durable-file'

let dir: string
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'nd-durable-'))
})
afterEach(() => fs.rm(dir, { recursive: true, force: true }))

describe('writeFileDurable', () => {
  it('writes and replaces a file, leaving no temp file', async () => {
    const file = path.join(dir, 'a.json')
    await writeFileDurable(file, '{"v":1}')
    await writeFileDurable(file, '{"v":2}')
    expect(await fs.readFile(file, 'utf8')).toBe('{"v":2}')
    expect((await fs.readdir(dir)).filter((f) => f.startsWith(TEMP_PREFIX))).toEqual([])
  })

  it('leaves the previous file intact and reports the error when the write fails', async () => {
    const file = path.join(dir, 'a.json')
    await writeFileDurable(file, 'old')
    // A folder where the file should go makes the rename fail.
    const blocked = path.join(dir, 'sub')
    await fs.mkdir(path.join(blocked, 'x.json'), { recursive: true })
    await expect(writeFileDurable(path.join(blocked, 'x.json'), 'new')).rejects.toThrow()
    expect(await fs.readFile(file, 'utf8')).toBe('old')
    expect((await fs.readdir(blocked)).filter((f) => f.startsWith(TEMP_PREFIX))).toEqual([])
  })
})

describe('moveAside and jsonProblem', () => {
  it('renames a damaged file with a corrupt- suffix and never overwrites an earlier one', async () => {
    const file = path.join(dir, 'index.json')
    const now = new Date('2026-01-02T03:04:05.006Z')
    await fs.writeFile(file, 'x')
    const first = await moveAside(file, now)
    await fs.writeFile(file, 'y')
    const second = await moveAside(file, now)
    expect(path.basename(first)).toBe('index.json.corrupt-20260102T030405006Z')
    expect(second).not.toBe(first)
    expect(await fs.readFile(first, 'utf8')).toBe('x')
    expect(await fs.readFile(second, 'utf8')).toBe('y')
  })

  it('names each kind of damage', () => {
    expect(jsonProblem('')).toEqual({ problem: 'file is empty' })
    expect(jsonProblem('{"a":\u0000}')).toEqual({ problem: 'file contains NUL bytes' })
    expect(jsonProblem('null')).toEqual({ problem: 'file does not hold a JSON object' })
    expect('problem' in jsonProblem('{"a": [1, 2')).toBe(true)
    expect(jsonProblem('{"a":1}')).toEqual({ value: { a: 1 } })
  })
})

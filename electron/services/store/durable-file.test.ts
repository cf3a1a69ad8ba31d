import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fileTypeProblem, fsyncDir, isLeftoverTemp, jsonProblem, moveAside, TEMP_PREFIX, tempPathFor, writeFileAtomic, writeFileAtomicSync, writeFileDurable } from './durable-file'

let dir: string
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'nd-durable-'))
})
afterEach(async () => {
  vi.restoreAllMocks()
  await fs.rm(dir, { recursive: true, force: true })
})

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
    expect(jsonProblem('{"a": [1, 2')).toEqual({ problem: expect.stringMatching(/^file is not valid JSON \(truncated\?\): \S/) })
    expect(jsonProblem('42')).toEqual({ problem: 'file does not hold a JSON object' })
    expect(jsonProblem('{"a":1}')).toEqual({ value: { a: 1 } })
  })
})

/** Record which paths were fsynced, through the real fs.open. */
function spyOnSyncs() {
  const synced: string[] = []
  const realOpen = fs.open
  vi.spyOn(fs, 'open').mockImplementation(async (...args: Parameters<typeof fs.open>) => {
    const handle = await realOpen(...args)
    const sync = handle.sync.bind(handle)
    handle.sync = async () => {
      synced.push(String(args[0]))
      return sync()
    }
    return handle
  })
  return synced
}

describe('temp files', () => {
  it('are named beside the file, by prefix, name, process and a count: never twice the same', () => {
    const file = path.join('/tmp', 'kho', 'bai.json')
    const names = Array.from({ length: 3 }, () => tempPathFor(file))
    expect(new Set(names).size).toBe(3)
    for (const name of names) {
      expect(path.dirname(name)).toBe(path.dirname(file))
      expect(path.basename(name).startsWith(`${TEMP_PREFIX}bai.json.${process.pid}.`)).toBe(true)
    }
  })

  it("are told apart as left by another process or this one's (which may be being written)", () => {
    const own = path.basename(tempPathFor('/tmp/bai.json'))
    expect(isLeftoverTemp(own)).toBe(false)
    expect(isLeftoverTemp(own.replace(`.${process.pid}.`, `.${process.pid + 1}.`))).toBe(true)
    expect(isLeftoverTemp(own.slice(1))).toBe(false)
    expect(isLeftoverTemp('bai.json')).toBe(false)
  })
})

describe('writeFileAtomicSync (export workers)', () => {
  it('writes or replaces the whole file, and leaves nothing behind when it cannot', async () => {
    const file = path.join(dir, 'bai.html')
    writeFileAtomicSync(file, 'một')
    writeFileAtomicSync(file, Buffer.from('hai'))
    expect(await fs.readFile(file, 'utf8')).toBe('hai')
    expect(() => writeFileAtomicSync(path.join(dir, 'missing', 'x.html'), 'ba')).toThrow(/ENOENT/)
    // a name that is a folder: the temp file is written, the rename fails, the temp file is removed
    await fs.mkdir(path.join(dir, 'folder.html'))
    expect(() => writeFileAtomicSync(path.join(dir, 'folder.html'), 'bốn')).toThrow()
    expect((await fs.readdir(dir)).sort()).toEqual(['bai.html', 'folder.html'])
  })
})

describe('durability', () => {
  it('fsyncs the data before the rename and the folder after it', async () => {
    const synced = spyOnSyncs()
    const file = path.join(dir, 'a.json')
    await writeFileDurable(file, 'x')
    expect(synced).toHaveLength(2)
    expect(path.basename(synced[0]).startsWith(TEMP_PREFIX)).toBe(true)
    expect(synced[1]).toBe(dir)
  })

  it('without sync, fsyncs nothing; with syncDir false, only the file', async () => {
    const synced = spyOnSyncs()
    await writeFileAtomic(path.join(dir, 'a.json'), 'x', { sync: false })
    expect(synced).toEqual([])
    await writeFileAtomic(path.join(dir, 'b.json'), 'x', { sync: true, syncDir: false })
    expect(synced).toHaveLength(1)
    expect(path.basename(synced[0]).startsWith(TEMP_PREFIX)).toBe(true)
  })

  it('a folder that cannot be fsynced (Windows: EISDIR, EPERM) is accepted; other errors are not', async () => {
    for (const code of ['EISDIR', 'EPERM']) {
      vi.spyOn(fs, 'open').mockRejectedValueOnce(Object.assign(new Error(code), { code }))
      await expect(fsyncDir(dir)).resolves.toBeUndefined()
    }
    vi.spyOn(fs, 'open').mockRejectedValueOnce(Object.assign(new Error('EIO'), { code: 'EIO' }))
    await expect(fsyncDir(dir)).rejects.toThrow('EIO')
    await expect(fsyncDir(path.join(dir, 'khong-co'))).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('moves damaged files aside in order: -1, -2, … after the first', async () => {
    const file = path.join(dir, 'x.json')
    const now = new Date('2026-01-02T03:04:05.006Z')
    const names: string[] = []
    for (let i = 0; i < 4; i++) {
      await fs.writeFile(file, String(i))
      names.push(path.basename(await moveAside(file, now)))
    }
    expect(names).toEqual(['x.json.corrupt-20260102T030405006Z', 'x.json.corrupt-20260102T030405006Z-1', 'x.json.corrupt-20260102T030405006Z-2', 'x.json.corrupt-20260102T030405006Z-3'])
  })

  it('names a path that cannot be read as a data file', () => {
    const st = (kind: 'file' | 'dir' | 'link' | 'other', size = 10) => ({ isFile: () => kind === 'file', isDirectory: () => kind === 'dir', isSymbolicLink: () => kind === 'link', size })
    expect(fileTypeProblem(st('file', 100), 100)).toBeNull()
    expect(fileTypeProblem(st('file', 101), 100)).toMatch(/too large/)
    expect(fileTypeProblem(st('file', 600 * 2 ** 20), 256 * 2 ** 20)).toBe('is too large to be read (600 MB; at most 256 MB)')
    expect(fileTypeProblem(st('dir'), 100)).toBe('is a folder, not a file')
    expect(fileTypeProblem(st('link'), 100)).toBe('is a symbolic link, not a file')
    expect(fileTypeProblem(st('other'), 100)).toBe('is not a regular file')
  })

  it('leaves no file handle open, whether the folder fsync succeeds or fails', async () => {
    const open = async () => (await fs.readdir('/proc/self/fd')).length
    const before = await open()
    for (let i = 0; i < 40; i++) await fsyncDir(dir)
    for (let i = 0; i < 40; i++) await writeFileDurable(path.join(dir, `f${i}.json`), 'x')
    expect(await open()).toBe(before)
  })
})

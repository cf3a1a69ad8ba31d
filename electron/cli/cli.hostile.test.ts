/** The CLI against hostile input: a folder of hostile drafts, odd ids, a closed stdout. */
import { execFile, spawn } from 'node:child_process'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import JSZip from 'jszip'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ArticleStore } from '../services/store/article-store'
import { tempDir } from '../services/test-support/temp-dir'
import { runCli } from './run-in-test'

let dir: string
let root: string
let cleanup: () => Promise<void>
beforeEach(async () => {
  ;({ dir: root, cleanup } = await tempDir('nd-cli-hostile-'))
  dir = path.join(root, 'store')
})
afterEach(() => cleanup())

const run = (...argv: string[]) => runCli(dir, ...argv)
const bin = path.resolve('electron/cli/newsdesk.mjs')

describe('newsdesk sync over a folder of hostile drafts', () => {
  it('creates what is safe, refuses each hostile file with a reason naming it, and runs nothing', async () => {
    const drafts = path.join(root, 'drafts')
    const outside = path.join(root, 'outside')
    await fs.mkdir(drafts)
    await fs.mkdir(outside)
    const ran = path.join(root, 'ran')
    const put = (name: string | Buffer, data: string | Uint8Array) => fs.writeFile(typeof name === 'string' ? path.join(drafts, name) : Buffer.concat([Buffer.from(drafts + path.sep), name]), data)
    const code = `{ title: (require("fs").writeFileSync(${JSON.stringify(ran)}, "x"), "ran") }`
    await put('js.md', `---js\n${code}\n---\nThân.\n`)
    await put('javascript.md', `---javascript\n${code}\n---\nThân.\n`)
    await put('space-js.md', `--- js\n${code}\n---\nThân.\n`)
    const zip = new JSZip()
    zip.file('word/document.xml', ' '.repeat(150 * 1024 * 1024))
    await put('bom.docx', await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } }))
    await put('nhi-phan.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]))
    await put('rong.html', '')
    await put('dieu-khien.md', '---\ntitle: "Tin\\e[31m đỏ\\0"\n---\nThân có ký tự điều khiển trong tiêu đề.\n')
    await put(Buffer.from([0x74, 0x69, 0x6e, 0xe9, 0x2e, 0x74, 0x78, 0x74]), 'Tin tên Latin-1\nVOV.VN - Mở đầu.\nThân.')
    await put('binh-thuong.txt', 'Tin bình thường\nVOV.VN - Mở đầu.\nThân bài.')
    await fs.writeFile(path.join(outside, 'ngoai.md'), '# Ngoài thư mục\n\nKhông được nhập.')
    await fs.symlink(outside, path.join(drafts, 'lien-ket'))
    await fs.symlink(path.join(outside, 'ngoai.md'), path.join(drafts, 'lien-ket-tep.md'))
    const old = new Date(Date.now() - 60_000)
    for (const name of await fs.readdir(drafts, { encoding: 'buffer' })) await fs.lutimes(Buffer.concat([Buffer.from(drafts + path.sep), name]), old, old)

    const r = await run('--json', 'sync', drafts)
    expect(r.code).toBe(1)
    const report = JSON.parse(r.stdout)
    const errors = Object.fromEntries(report.errors.map((e: { file: string; error: string }) => [e.file, e.error]))
    expect(errors).toEqual({
      'js.md': expect.stringMatching(/not YAML/),
      'javascript.md': expect.stringMatching(/not YAML/),
      'space-js.md': expect.stringMatching(/not YAML/),
      'bom.docx': expect.stringMatching(/unpack to more than 100 MB/),
      'nhi-phan.txt': expect.stringMatching(/binary/),
      'rong.html': 'the file is empty'
    })
    for (const [file, error] of Object.entries(errors)) expect(r.stderr).toContain(`newsdesk sync: ${file}: ${error}`)
    expect(report.created.map((c: { file: string }) => c.file).sort()).toEqual(['binh-thuong.txt', 'dieu-khien.md', 'tin\ufffd.txt'])
    await expect(fs.access(ran)).rejects.toThrow()

    const store = await ArticleStore.open(dir)
    try {
      const titles = (await store.list()).items.map((m) => m.title).sort()
      expect(titles).toEqual(expect.arrayContaining(['Tin bình thường', 'Tin tên Latin-1', 'Tin[31m đỏ']))
      expect(titles).not.toContain('Ngoài thư mục')
      const withControls = (await store.list({ query: 'điều khiển' })).items[0]
      expect(JSON.stringify(await store.get(withControls.id))).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/)
    } finally {
      await store.close()
    }
  }, 60_000)
})

describe('ids and output', () => {
  it('refuses what is not an article id before touching the store (`delete __proto__`), and the list is whole', async () => {
    const store = await ArticleStore.open(dir, { sample: false })
    const a = await store.create({ title: 'Bài A' })
    await store.close()
    await fs.writeFile(path.join(dir, 'articles', '__proto__.json'), '{}')
    for (const argv of [['delete', '__proto__'], ['show', 'constructor'], ['set', '../x', '--title', 'y'], ['export', '__proto__', '--out', root]]) {
      const r = await run(...argv)
      expect(r.code, argv.join(' ')).toBe(2)
      expect(r.stderr, argv.join(' ')).toMatch(/is not an article id/)
    }
    expect(JSON.parse((await run('--json', 'list')).stdout).items.map((m: { id: string }) => m.id)).toEqual([a.id])
  })

  it('`newsdesk list | head -1` ends quietly when the reader closes the pipe', async () => {
    const store = await ArticleStore.open(dir, { sample: false })
    await store.createMany(Array.from({ length: 2000 }, (_, i) => ({ patch: { title: `Bài số ${i} có tiêu đề dài để đầy ống dẫn của hệ điều hành` } })))
    await store.close()
    const r = await promisify(execFile)('bash', ['-c', `"${process.execPath}" "${bin}" --store "${dir}" list | head -1; echo "exit=\${PIPESTATUS[0]}"`])
    expect(r.stdout).toMatch(/\texit=0\n$|\nexit=0\n$/)
    expect(r.stderr).toBe('')
  }, 60_000)

  it('reads a store it cannot write (the lock cannot be taken) read-only, saying so', async () => {
    const store = await ArticleStore.open(dir, { sample: false })
    await store.create({ title: 'Chỉ đọc' })
    await store.close()
    // a file where the lock's temp file would go makes the lock write fail as on read-only media
    const child = spawn(process.execPath, ['--import', path.resolve('electron/services/test-support/read-only-fs.mjs'), bin, '--store', dir, '--json', 'list'], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (err += d))
    const code = await new Promise((resolve) => child.on('exit', resolve))
    expect(code).toBe(0)
    expect(err).toMatch(/warning: the store .* cannot be written \(EROFS\): opened read-only/)
    expect(JSON.parse(out).items.map((m: { title: string }) => m.title)).toEqual(['Chỉ đọc'])
    await expect(fs.access(path.join(dir, 'store.lock'))).rejects.toThrow()
  }, 60_000)
})

import { execFile } from 'node:child_process'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { ArticleStore } from '../services/store/article-store'
import { main } from './cli'
import { storePerTest } from './run-in-test'

const temp = storePerTest('nd-cli-')
const run = temp.run

async function seed() {
  const store = await ArticleStore.open(temp.dir, { sample: false })
  const a = await store.create({ title: 'Hội nghị đảng viên', category: 'Chính trị', tags: ['Đà Nẵng'], status: 'ready', author: 'Lê An' })
  const b = await store.create({ title: 'Trận bóng đá', category: 'Thể thao', tags: ['bóng đá'] })
  await store.close()
  return { a, b }
}

describe('newsdesk CLI', () => {
  it('lists with folded search and filters, as text or JSON', async () => {
    const { a, b } = await seed()
    const text = await run('list')
    expect(text.code).toBe(0)
    expect(text.stdout.trim().split('\n')).toHaveLength(2)
    const found = await run('--json', 'list', '--query', 'dang vien')
    expect(JSON.parse(found.stdout).items.map((m: { id: string }) => m.id)).toEqual([a.id])
    expect(JSON.parse((await run('list', '--json', '--category', 'the thao')).stdout).items[0].id).toBe(b.id)
    expect(JSON.parse((await run('list', '--json', '--tag', 'Da Nang')).stdout).total).toBe(1)
    expect(JSON.parse((await run('list', '--json', '--status', 'draft')).stdout).items[0].id).toBe(b.id)
  })

  it('shows an article, with the whole ProseMirror body as JSON', async () => {
    const { a } = await seed()
    const r = await run('show', a.id, '--json')
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    const article = JSON.parse(r.stdout)
    expect(article).toMatchObject({ id: a.id, title: 'Hội nghị đảng viên', body: { type: 'doc' } })
    expect((await run('show', a.id)).stdout).toContain('title:    Hội nghị đảng viên')
  })

  it('sets fields in a revisioned save, deletes to the trash and counts', async () => {
    const { a, b } = await seed()
    const r = await run('set', a.id, '--title', 'Tiêu đề mới', '--tag', 'một', '--tag', 'hai', '--date', '2026-02-01', '--json')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ title: 'Tiêu đề mới', tags: ['một', 'hai'], date: '2026-02-01' })
    const store = await ArticleStore.open(temp.dir)
    expect((await store.revisionsOf(a.id)).length).toBe(1)
    await store.close()
    expect((await run('delete', b.id)).code).toBe(0)
    const stats = JSON.parse((await run('stats', '--json')).stdout)
    expect(stats).toMatchObject({ total: 1, byStatus: { ready: 1 }, byTag: { một: 1, hai: 1 } })
  })

  it('exits 2 on bad usage and 1 on runtime errors, with one clear line on stderr', async () => {
    const { a } = await seed()
    const cases: Array<[string[], number, RegExp]> = [
      [[], 2, /Usage/],
      [['frobnicate'], 2, /unknown command "frobnicate"/],
      [['show'], 2, /show takes 1 argument/],
      [['list', '--bogus'], 2, /bogus/],
      [['list', '--status', 'published'], 2, /--status must be one of draft, ready/],
      [['set', a.id], 2, /at least one field/],
      [['set', a.id, '--date', '21/02/2023'], 1, /date: date must be YYYY-MM-DD/],
      [['show', '00000000-0000-4000-8000-000000000000'], 1, /No article/]
    ]
    for (const [argv, code, message] of cases) {
      const r = await run(...argv)
      expect(r.code, argv.join(' ')).toBe(code)
      expect(r.stderr, argv.join(' ')).toMatch(message)
      expect(r.stdout, argv.join(' ')).toBe('')
    }
  })

  it('reports damaged files on stderr and keeps --json stdout clean', async () => {
    const { a } = await seed()
    await fs.writeFile(path.join(temp.dir, 'articles', a.id + '.json'), '{"trunc')
    // the list answers from the index; --verify reads every file first, and reports what is damaged
    const r = await run('list', '--verify', '--json')
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/warning: .*\.json: file is not valid JSON/)
    expect(JSON.parse(r.stdout).total).toBe(1)
  })

  it('runs as `newsdesk` in a child process and names the pid holding the store', async () => {
    await seed()
    const bin = path.resolve('electron/cli/newsdesk.mjs')
    const r = await promisify(execFile)(process.execPath, [bin, '--store', temp.dir, '--json', 'stats'])
    expect(JSON.parse(r.stdout).total).toBe(2)
    const holder = await ArticleStore.open(temp.dir)
    try {
      await promisify(execFile)(process.execPath, [bin, '--store', temp.dir, 'list'])
      expect.unreachable('the locked store should refuse a second process')
    } catch (err) {
      const e = err as { code: number; stderr: string }
      expect(e.code).toBe(1)
      expect(e.stderr).toContain(`pid ${process.pid}`)
    } finally {
      await holder.close()
    }
  })
})

describe('newsdesk export and import', () => {
  it('exports by id or filter, adding a numeric suffix unless --overwrite, and prints the JSON summary', async () => {
    const { a, b } = await seed()
    const out = path.join(temp.dir, 'out')
    const r = await run('export', '--all', '--out', out, '--json')
    expect(r.code).toBe(0)
    const result = JSON.parse(r.stdout)
    expect(result.written.map((w: { id: string }) => w.id).sort()).toEqual([a.id, b.id].sort())
    expect(result).toMatchObject({ skipped: [], failed: [] })
    expect((await fs.readdir(out)).sort()).toEqual(['hoi-nghi-dang-vien.html', 'index.html', 'tran-bong-da.html'])
    const again = JSON.parse((await run('export', a.id, '--out', out, '--json')).stdout)
    expect(again.written).toEqual([{ id: a.id, file: 'hoi-nghi-dang-vien-2.html' }])
    const over = JSON.parse((await run('export', a.id, '--out', out, '--overwrite', '--json')).stdout)
    expect(over.written).toEqual([{ id: a.id, file: 'hoi-nghi-dang-vien.html' }])
    const md = JSON.parse((await run('export', '--category', 'the thao', '--format', 'md', '--out', out, '--json')).stdout)
    expect(md.written).toEqual([{ id: b.id, file: 'tran-bong-da.md' }])
    expect(await fs.readFile(path.join(out, 'tran-bong-da.md'), 'utf8')).toContain('title: Trận bóng đá')
    const ninjs = JSON.parse((await run('export', a.id, '--format', 'ninjs', '--out', out, '--json')).stdout)
    expect(JSON.parse(await fs.readFile(path.join(out, ninjs.written[0].file), 'utf8'))).toMatchObject({ headlines: [{ role: 'main', value: 'Hội nghị đảng viên' }] })
  })

  it('stops an export at Ctrl+C: exit 130, what was written said, the rest left alone', async () => {
    await seed()
    const out = path.join(temp.dir, 'out')
    let stderr = ''
    let stdout = ''
    // Ctrl+C pressed before the first article
    const io = { out: (t: string) => void (stdout += t), err: (t: string) => void (stderr += t), env: {}, interrupt: () => AbortSignal.abort() }
    expect(await main(['--store', temp.dir, 'export', '--all', '--out', out, '--json'], io)).toBe(130)
    expect(JSON.parse(stdout)).toMatchObject({ written: [], stopped: true })
    expect(stderr).toBe('newsdesk export: stopped (Ctrl+C) after 0 of 2; the others were not exported\n')
    expect(await fs.readdir(out)).toEqual([])
  })

  it('refuses bad export usage and reports unknown ids without stopping the rest', async () => {
    const { a } = await seed()
    expect((await run('export', a.id)).stderr).toMatch(/--out/)
    expect((await run('export', '--out', temp.dir)).code).toBe(2)
    expect((await run('export', a.id, '--all', '--out', temp.dir)).code).toBe(2)
    expect((await run('export', a.id, '--format', 'rtf', '--out', temp.dir)).stderr).toMatch(/--format must be/)
    const r = await run('export', '00000000-0000-4000-8000-000000000000', a.id, '--out', path.join(temp.dir, 'o'), '--json')
    expect(r.code).toBe(1)
    const result = JSON.parse(r.stdout)
    expect(result.written).toHaveLength(1)
    expect(result.failed).toEqual([{ id: '00000000-0000-4000-8000-000000000000', error: expect.stringContaining('No article') }])
  })

  it('imports drafts, naming each file that fails and why', async () => {
    await seed()
    const good = path.join(temp.dir, 'tin.txt')
    const empty = path.join(temp.dir, 'rong.txt')
    await fs.writeFile(good, 'Tin nhập\nVOV.VN - Sapo nhập.\nThân bài.\nTác giả: Hà')
    await fs.writeFile(empty, '')
    // 3 GB (sparse): refused by its size, unread
    const huge = path.join(temp.dir, 'qua-lon.md')
    await fs.writeFile(huge, '')
    await fs.truncate(huge, 3 * 2 ** 30)
    const r = await run('import', good, empty, huge, path.join(temp.dir, 'missing.md'), '--json')
    expect(r.code).toBe(1)
    const result = JSON.parse(r.stdout)
    expect(result.created).toEqual([{ file: good, id: expect.any(String) }])
    expect(result.errors).toEqual([
      { file: empty, error: 'the file is empty' },
      { file: huge, error: 'the file is larger than 20 MB (3072.0 MB)' },
      { file: path.join(temp.dir, 'missing.md'), error: expect.stringContaining('ENOENT') }
    ])
    const shown = JSON.parse((await run('show', result.created[0].id, '--json')).stdout)
    expect(shown).toMatchObject({ title: 'Tin nhập', sapo: 'VOV.VN - Sapo nhập.', author: 'Hà' })
  })
})

describe('newsdesk sync', () => {
  it('runs one pass recording state in the store, and prints the JSON report', async () => {
    await seed()
    const drafts = path.join(temp.dir, 'drafts')
    await fs.mkdir(drafts)
    await fs.writeFile(path.join(drafts, 'tin.txt'), 'Tin từ thư mục\nVOV.VN - Sapo.\nThân.')
    await fs.writeFile(path.join(drafts, 'rong.md'), '')
    const old = new Date(Date.now() - 60_000)
    for (const f of ['tin.txt', 'rong.md']) await fs.utimes(path.join(drafts, f), old, old)
    const r = await run('sync', drafts, '--json')
    expect(r.code).toBe(1)
    const report = JSON.parse(r.stdout)
    expect(report).toEqual({
      created: [{ file: 'tin.txt', id: expect.any(String) }],
      updated: [],
      unchanged: [],
      conflicts: [],
      missing: [],
      skipped: [],
      errors: [{ file: 'rong.md', error: 'the file is empty' }]
    })
    await fs.rm(path.join(drafts, 'rong.md'))
    const again = JSON.parse((await run('sync', drafts, '--json')).stdout)
    expect(again.unchanged).toEqual([{ file: 'tin.txt', id: report.created[0].id }])
    expect((await run('sync', path.join(temp.dir, 'khong-co'))).stderr).toMatch(/ENOENT/)
  })
})

describe('newsdesk media', () => {
  const photo = (name: string) => path.join(import.meta.dirname, '../services/media/fixtures', name)

  it('adds photos to an article (refusals named, the rest added), lists them, and show carries them', async () => {
    const { a } = await seed()
    const bad = path.join(temp.dir, 'gia.jpg')
    await fs.copyFile(photo('co-do.png'), bad)
    const r = await run('--json', 'media', 'add', a.id, photo('cau-rong.jpg'), bad, photo('co-do.png'), '--credit', 'Thu Hà', '--featured')
    expect(r.code).toBe(1)
    const answer = JSON.parse(r.stdout)
    expect(answer.added).toEqual([
      { file: photo('cau-rong.jpg'), media: expect.stringMatching(/^media:[0-9a-f]{64}\.jpg$/), width: 640, height: 400 },
      { file: photo('co-do.png'), media: expect.stringMatching(/^media:[0-9a-f]{64}\.png$/), width: 30, height: 20 }
    ])
    expect(answer.errors).toEqual([{ file: bad, error: 'the file is a PNG image but its name says JPEG: rename it .png and add it again' }])

    const shown = JSON.parse((await run('--json', 'show', a.id)).stdout)
    expect(shown.featuredImage).toBe(answer.added[0].media)
    const figures = shown.body.content.filter((n: { type: string }) => n.type === 'figure')
    expect(figures.map((f: { attrs: object }) => f.attrs)).toEqual([
      { src: answer.added[0].media, alt: '', credit: 'Thu Hà', width: 640, height: 400 },
      { src: answer.added[1].media, alt: '', credit: 'Thu Hà', width: 30, height: 20 }
    ])
    // the photo's own caption, since none was given
    expect(figures[0].content).toEqual([{ type: 'text', text: 'Cầu Rồng phun lửa đêm cuối tuần' }])

    const listed = JSON.parse((await run('--json', 'media', 'list', a.id)).stdout)
    expect(listed).toEqual([
      { media: answer.added[0].media, caption: 'Cầu Rồng phun lửa đêm cuối tuần', alt: '', credit: 'Thu Hà', width: 640, height: 400, featured: true, bytes: (await fs.stat(photo('cau-rong.jpg'))).size },
      { media: answer.added[1].media, caption: '', alt: '', credit: 'Thu Hà', width: 30, height: 20, featured: false, bytes: (await fs.stat(photo('co-do.png'))).size }
    ])
  })

  it('cleans up unused photos only when asked (dry run first), and refuses bad usage with exit 2', async () => {
    const { a } = await seed()
    const store = await ArticleStore.open(temp.dir, { sample: false })
    const orphan = await store.addPhoto(await fs.readFile(photo('sao.gif')), 'sao.gif')
    await store.close()
    if (!orphan.ok) throw new Error(orphan.error)
    await fs.utimes(path.join(temp.dir, 'media', orphan.media.slice(6)), new Date('2026-01-01'), new Date('2026-01-01'))
    await run('media', 'add', a.id, photo('co-do.png'))
    const dry = JSON.parse((await run('--json', 'media', 'clean', '--dry-run')).stdout)
    expect(dry).toEqual({ removed: [orphan.media], bytes: (await fs.stat(photo('sao.gif'))).size })
    expect(await fs.readdir(path.join(temp.dir, 'media'))).toHaveLength(2)
    expect(JSON.parse((await run('--json', 'media', 'clean')).stdout)).toEqual(dry)
    expect(await fs.readdir(path.join(temp.dir, 'media'))).toHaveLength(1)

    for (const argv of [['media'], ['media', 'add', 'khong-phai-id', photo('co-do.png')], ['media', 'add', a.id], ['media', 'xoa', a.id], ['media', 'clean', 'x']]) {
      const r = await run(...argv)
      expect(r.code, argv.join(' ')).toBe(2)
      expect(r.stderr).toMatch(/^newsdesk media: /)
    }
  })
})

describe('newsdesk export with photos', () => {
  it('copies the photos into media/ beside the files, or embeds them with --embed-photos', async () => {
    const { a } = await seed()
    await run('media', 'add', a.id, path.join(import.meta.dirname, '../services/media/fixtures/co-do.png'), '--featured')
    const out = path.join(temp.dir, 'out')
    expect((await run('export', a.id, '--out', out)).code).toBe(0)
    const [photo] = await fs.readdir(path.join(out, 'media'))
    const html = await fs.readFile(path.join(out, (await fs.readdir(out)).find((n) => n.endsWith('.html'))!), 'utf8')
    expect(html).toContain(`src="media/${photo}"`)
    expect(html).toContain(`<meta content="media/${photo}" property="og:image">`)
    const single = path.join(temp.dir, 'single')
    expect((await run('export', a.id, '--out', single, '--embed-photos')).code).toBe(0)
    expect(await fs.readdir(single)).toHaveLength(1)
    const embedded = await fs.readFile(path.join(single, (await fs.readdir(single))[0]), 'utf8')
    expect(embedded).toContain('src="data:image/png;base64,')
    expect(embedded).not.toContain('media/')
  })
})

describe('newsdesk media add: bad photos through the command', () => {
  it('refuses a cut-short JPEG, an SVG with a script, a 100-megapixel PNG and a missing file, each named, and adds the good one', async () => {
    const { a } = await seed()
    const fixtures = path.join(import.meta.dirname, '../services/media/fixtures')
    const jpg = await fs.readFile(path.join(fixtures, 'cau-rong.jpg'))
    const cut = path.join(temp.dir, 'dut.jpg')
    await fs.writeFile(cut, jpg.subarray(0, jpg.length - 300))
    const svg = path.join(temp.dir, 'logo.svg')
    await fs.writeFile(svg, '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    // a PNG whose header claims 10,000 × 10,000 pixels
    const bomb = path.join(temp.dir, 'bom.png')
    const ihdr = Buffer.alloc(25)
    ihdr.writeUInt32BE(13, 0)
    ihdr.write('IHDR', 4)
    ihdr.writeUInt32BE(10_000, 8)
    ihdr.writeUInt32BE(10_000, 12)
    ihdr.writeUInt8(8, 16)
    ihdr.writeUInt8(2, 17)
    await fs.writeFile(bomb, Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), ihdr, Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82])]))
    const missing = path.join(temp.dir, 'khong-co.jpg')
    const r = await run('--json', 'media', 'add', a.id, cut, svg, bomb, missing, path.join(fixtures, 'sao.gif'))
    expect(r.code).toBe(1)
    const answer = JSON.parse(r.stdout)
    expect(answer.added.map((p: { width: number }) => p.width)).toEqual([10])
    expect(answer.errors).toEqual([
      { file: cut, error: 'the JPEG file is cut short (damaged or still being copied)' },
      { file: svg, error: expect.stringContaining('SVG drawings are not accepted') },
      { file: bomb, error: expect.stringContaining('10000×10000 pixels') },
      { file: missing, error: 'no such file' }
    ])
    expect(await fs.readdir(path.join(temp.dir, 'media'))).toHaveLength(1)
  })
})

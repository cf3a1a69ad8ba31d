import { execFile } from 'node:child_process'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Article } from '../../../shared/article'
import { exportArticles, renderText, type ExportFormat } from './exporter'
import { importFile } from '../import'
import { draftPhotos } from '../media'
import { ArticleStore } from '../store'
import { mediaFileOf } from '../../../shared/media'
import { goldenArticles } from '../test-support/articles'
import { HOSTILE, unsafeParts } from '../test-support/hostile'
import { tempDir } from '../test-support/temp-dir'

const GOLDEN = path.join(import.meta.dirname, 'export-golden')
const FORMATS: Array<[Exclude<ExportFormat, 'docx' | 'pdf'>, string]> = [
  ['html', 'html'],
  ['md', 'md'],
  ['ninjs', 'json']
]

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir('nd-export-'))
})
afterEach(() => cleanup())

describe('golden files', () => {
  for (const [name, article] of Object.entries(goldenArticles)) {
    for (const [format, ext] of FORMATS) {
      it(`${name}.${ext}`, async () => {
        const file = path.join(GOLDEN, `${name}.${ext}`)
        const out = await renderText(article, format)
        // UPDATE_GOLDEN=1 rewrites the golden files (review the diff before committing)
        if (process.env.UPDATE_GOLDEN) {
          await mkdir(GOLDEN, { recursive: true })
          await writeFile(file, out)
        }
        expect(out).toBe(await readFile(file, 'utf8'))
      })
    }
  }
})

describe('hostile input through import into export', () => {
  it('leaves no script but the JSON-LD block, no event attribute and no URL outside the allowed schemes', async () => {
    for (const snippet of HOSTILE) {
      for (const [name, wrap] of [
        ['x.html', (s: string) => `<h1>Tít </script> ${s}</h1><p>${s}</p>${s}`],
        ['x.md', (s: string) => `---\ntitle: "</script><script>alert(1)</script>"\n---\n${s}\n\n[liên kết](javascript:alert(1)) ![ảnh](javascript:alert(2))`]
      ] as const) {
        const r = await importFile(name, new TextEncoder().encode(wrap(snippet)))
        expect(r.ok, snippet).toBe(true)
        if (!r.ok) continue
        const article = { ...goldenArticles['minimal-untitled'], ...r.fields } as Article
        const html = await renderText(article, 'html')
        expect(unsafeParts(html), `${name}: ${snippet}`).toEqual([])
      }
    }
  })
})

/** Run the checker; a missing Java or jar fails loudly (CI installs Java), an invalid page resolves with the report. */
async function checkWithVnu(jar: string, files: string[]): Promise<{ stdout: string; stderr: string }> {
  try {
    return await promisify(execFile)('java', ['-jar', jar, '--errors-only', '--format', 'json', ...files], { maxBuffer: 1 << 22 })
  } catch (err) {
    const e = err as { code?: unknown; stdout?: string; stderr?: string }
    if (typeof e.code === 'string') throw new Error(`the W3C checker could not run (${e.code}): install Java (default-jre-headless)`)
    return { stdout: e.stdout ?? '', stderr: e.stderr ?? '' }
  }
}

describe('exported HTML passes the W3C Nu HTML checker', () => {
  it('has no errors', async () => {
    const files: string[] = []
    for (const [name, article] of Object.entries(goldenArticles)) {
      const file = path.join(dir, name + '.html')
      await writeFile(file, await renderText(article, 'html'))
      files.push(file)
    }
    const result = await exportArticles(Object.keys(goldenArticles), async (id) => goldenArticles[id], { dir: path.join(dir, 'batch'), format: 'html', onExisting: () => 'skip' })
    files.push(path.join(dir, 'batch', 'index.html'))
    expect(result.written).toHaveLength(3)
    const jar = path.resolve('node_modules/vnu-jar/build/dist/vnu.jar')
    const { stdout, stderr } = await checkWithVnu(jar, files)
    // the checker always reports in JSON (an empty list when all is valid): no report means it did not run
    const report = JSON.parse(stderr || stdout)
    expect(report.version).toMatch(/^\d/)
    expect(report.messages).toEqual([])
  }, 120_000)
})

describe('images from the web', () => {
  const withRemote = {
    ...goldenArticles['minimal-untitled'],
    title: 'Ảnh từ mạng',
    body: {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'image', attrs: { src: 'https://tracker.example/pixel.gif', alt: 'x', title: null } }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Chữ ' }, { type: 'image', attrs: { src: 'http://cdn.example/a.jpg', alt: 'a', title: null } }, { type: 'text', text: ' còn lại.' }] },
        { type: 'paragraph', content: [{ type: 'image', attrs: { src: 'data:image/png;base64,iVBORw0KGgo=', alt: 'nhúng', title: null } }] }
      ]
    }
  } as Article

  it('are left out of HTML by default (the page fetches nothing), the text and embedded images stay, and the count is reported', async () => {
    const html = await renderText(withRemote, 'html')
    expect(html).not.toContain('tracker.example')
    expect(html).not.toContain('cdn.example')
    expect(html).toContain('Chữ  còn lại.')
    expect(html).toContain('data:image/png;base64,iVBORw0KGgo=')
    expect(html).toMatch(/img-src data:;/)
    const result = await exportArticles([withRemote.id], async () => withRemote, { dir, format: 'html', onExisting: () => 'skip' })
    expect(result.remoteImagesOmitted).toBe(2)
  })

  it('are kept when the journalist asks, with a CSP that lets them load', async () => {
    const html = await renderText(withRemote, 'html', { remoteImages: 'keep' })
    expect(html).toContain('src="https://tracker.example/pixel.gif"')
    expect(html).toMatch(/img-src https: http: data:;/)
    const result = await exportArticles([withRemote.id], async () => withRemote, { dir, format: 'html', remoteImages: 'keep', onExisting: () => 'skip' })
    expect(result.remoteImagesOmitted).toBe(0)
  })
})

describe('batch export', () => {
  it('writes one file per article plus index.html, never overwriting silently', async () => {
    const ids = Object.keys(goldenArticles)
    const load = async (id: string) => goldenArticles[id]
    const first = await exportArticles(ids, load, { dir, format: 'html', onExisting: () => 'skip' })
    expect(first.written.map((w) => w.file).sort()).toEqual(['bai-viet-22222222.html', 'khi-tieu-de-co-title-script-script-alert-1-script-ngoac-kep.html', 'newsdesk-bai-viet-mau-cho-phong-vien.html'])
    const index = await readFile(path.join(dir, 'index.html'), 'utf8')
    for (const w of first.written) expect(index).toContain(`href="${w.file}"`)
    expect(index).toContain('Newsdesk: bài viết mẫu cho phóng viên')

    const asked: string[] = []
    const skipped = await exportArticles(ids, load, { dir, format: 'html', onExisting: (f) => (asked.push(f), 'skip') })
    expect(skipped.written).toEqual([])
    expect(skipped.skipped).toHaveLength(3)
    expect(asked.sort()).toEqual(first.written.map((w) => w.file).sort())

    const both = await exportArticles(['sample'], load, { dir, format: 'html', onExisting: () => 'keep-both' })
    expect(both.written[0].file).toBe('newsdesk-bai-viet-mau-cho-phong-vien-2.html')

    await writeFile(path.join(dir, 'newsdesk-bai-viet-mau-cho-phong-vien.html'), 'cũ')
    await exportArticles(['sample'], load, { dir, format: 'html', onExisting: () => 'overwrite' })
    expect(await readFile(path.join(dir, 'newsdesk-bai-viet-mau-cho-phong-vien.html'), 'utf8')).toContain('<!DOCTYPE html>')
  })

  it('goes on past a failing article and reports it', async () => {
    const progress: number[] = []
    const result = await exportArticles(
      ['11111111-1111-4111-8111-111111111111', 'broken', '22222222-2222-4222-8222-222222222222'],
      async (id) => {
        if (id === 'broken') throw new Error('article file is damaged')
        return Object.values(goldenArticles).find((a) => a.id === id)!
      },
      { dir, format: 'md', onExisting: () => 'skip', onProgress: (done) => progress.push(done) }
    )
    expect(result.written).toHaveLength(2)
    expect(result.failed).toEqual([{ id: 'broken', error: 'article file is damaged' }])
    expect(progress).toEqual([0, 1, 2, 3])
    expect((await readdir(dir)).sort()).toEqual(['bai-viet-22222222.md', 'index.html', 'newsdesk-bai-viet-mau-cho-phong-vien.md'])
  })
})

describe('update note and what was exported', () => {
  it('puts the note at the top of every format, and tells the store the articles as written (not the failed or skipped)', async () => {
    const sample = goldenArticles.sample
    const note = 'Cập nhật lúc 15:30 28/11/2026: số liệu 300 → 500.'
    expect(await renderText(sample, 'html', { updateNote: note })).toMatch(/<article[^]*<em>Cập nhật lúc 15:30 28\/11\/2026: số liệu 300 → 500\.<\/em>/)
    expect(await renderText(sample, 'md', { updateNote: note })).toContain(`*${note}*`)
    expect(await renderText(sample, 'ninjs', { updateNote: note })).toContain(`<em>${note}</em>`)
    expect(await renderText(sample, 'html')).not.toContain('Cập nhật lúc')

    const recorded: string[] = []
    const ids = [sample.id, 'broken']
    await exportArticles(ids, async (id) => (id === 'broken' ? Promise.reject(new Error('hỏng')) : sample), {
      dir,
      format: 'md',
      onExisting: () => 'skip',
      onExported: async (articles) => void recorded.push(...articles.map((a) => a.id))
    })
    expect(recorded).toEqual([sample.id])
  })
})

describe('export workers', () => {
  it('a large batch written by workers is byte for byte the batch written in one thread, failures and names included', async () => {
    const articles = Array.from({ length: 80 }, (_, i) => {
      const base = Object.values(goldenArticles)[i % 3]
      return { ...base, id: `a${i}`, title: i % 5 === 0 ? 'Cùng một tít' : `${base.title} ${i}` }
    })
    const load = async (id: string) => {
      if (id === 'a7') throw new Error('article file is damaged')
      return articles.find((a) => a.id === id)!
    }
    const ids = articles.map((a) => a.id)
    for (const [format, workers] of [['html', 2], ['ninjs', 1]] as const) {
      const one = path.join(dir, `${format}-one`)
      const pooled = path.join(dir, `${format}-pooled`)
      const a = await exportArticles(ids, load, { dir: one, format, workers: 0, onExisting: () => 'skip' })
      const b = await exportArticles(ids, load, { dir: pooled, format, workers, onExisting: () => 'skip' })
      expect(b).toEqual(a)
      expect(b.failed).toEqual([{ id: 'a7', error: 'article file is damaged' }])
      const names = (await readdir(one)).sort()
      expect(await readdir(pooled).then((n) => n.sort())).toEqual(names)
      expect(names).toHaveLength(80) // 79 articles and index.html
      for (const name of names) expect(await readFile(path.join(pooled, name), 'utf8')).toBe(await readFile(path.join(one, name), 'utf8'))
    }
  })

  it('a file that cannot be written is reported and the batch goes on, in this thread and in workers', async () => {
    const articles = Array.from({ length: 70 }, (_, i) => ({ ...goldenArticles.sample, id: `a${i}`, title: `Bài ${i}` }))
    for (const workers of [0, 1, 2]) {
      const out = path.join(dir, `w${workers}`)
      // a folder squats the name the third article's file would take
      await mkdir(path.join(out, 'bai-2.html'), { recursive: true })
      const result = await exportArticles(
        articles.map((a) => a.id),
        async (id) => articles.find((a) => a.id === id)!,
        { dir: out, format: 'html', workers, onExisting: () => 'overwrite' }
      )
      expect(result.failed.map((f) => f.id)).toEqual(['a2'])
      expect(result.failed[0].error).toMatch(/EISDIR|directory/)
      expect(result.written).toHaveLength(69)
    }
  })

  it('lets the event loop run after each batch: a Stop asked meanwhile ends the export there, whoever writes', async () => {
    const articles = Array.from({ length: 100 }, (_, i) => ({ ...goldenArticles.sample, id: `a${i}`, title: `Bài ${i}` }))
    for (const workers of [0, 1]) {
      const stop = new AbortController()
      const result = await exportArticles(
        articles.map((a) => a.id),
        async (id) => articles.find((a) => a.id === id)!,
        // Stop pressed as the export starts: it is heard at the first turn of the event loop
        { dir: path.join(dir, `w${workers}`), format: 'html', workers, signal: stop.signal, onExisting: () => 'overwrite', onProgress: (done) => void (done === 0 && setImmediate(() => stop.abort())) }
      )
      expect(result.stopped, `workers: ${workers}`).toBe(true)
      expect(result.written.map((w) => w.id), `workers: ${workers}`).toEqual(articles.slice(0, 16).map((a) => a.id))
    }
  })
})

describe('Markdown round trip', () => {
  it('export → import gives back the same article fields and body, photos and featured photo included', async () => {
    // a store that holds the sample's photo (every new store does)
    const store = await ArticleStore.open(path.join(dir, 'store'))
    try {
      const articles = Object.values(goldenArticles)
      const out = path.join(dir, 'md')
      const result = await exportArticles(articles.map((a) => a.id), async (id) => articles.find((a) => a.id === id)!, { dir: out, format: 'md', media: store.media, onExisting: () => 'skip' })
      expect(await readdir(path.join(out, 'media'))).toEqual([mediaFileOf(goldenArticles.sample.featuredImage)])
      for (const { id, file } of result.written) {
        const r = await importFile(file, await readFile(path.join(out, file)), draftPhotos(store, out, path.join(out, file)))
        if (!r.ok) throw new Error(r.error)
        expect(r.remarks.filter((m) => !m.startsWith('title taken'))).toEqual([])
        const { id: _i, createdAt: _c, updatedAt: _u, featuredImage, ...fields } = articles.find((a) => a.id === id)!
        // no featured photo is no `image` line (an import then leaves the field as it is)
        expect(r.fields).toEqual(featuredImage ? { ...fields, featuredImage } : fields)
      }
    } finally {
      await store.close()
    }
  })
})

describe('Markdown round trip (property)', () => {
  it('holds for generated paragraphs of marked Vietnamese words and Markdown punctuation', async () => {
    const { default: fc } = await import('fast-check')
    const word = fc.stringMatching(/^[a-zđàáảãạăằắẳẵặâầấẩẫậêềếểễệôồốổỗộơờớởỡợưừứửữự0-9*_`[\]#>&<~!.,:;()-]{1,8}$/)
    const markSet = fc.subarray(['strong', 'em', 'underline', 'strike'])
    const paragraph = fc.array(fc.record({ word, marks: markSet }), { minLength: 1, maxLength: 8 }).map((words) => {
      const content: unknown[] = []
      words.forEach(({ word: w, marks }, i) => {
        if (i > 0) content.push({ type: 'text', text: ' ' })
        content.push({ type: 'text', text: w, ...(marks.length ? { marks: marks.map((type) => ({ type })) } : {}) })
      })
      return { type: 'paragraph', content }
    })
    const { docFromJSON } = await import('../../../shared/doc')
    await fc.assert(
      fc.asyncProperty(fc.array(paragraph, { minLength: 1, maxLength: 4 }), async (paragraphs) => {
        const body = docFromJSON({ type: 'doc', content: paragraphs }).toJSON()
        const article = { ...goldenArticles['minimal-untitled'], title: 'Tít', body } as Article
        const r = await importFile('x.md', new TextEncoder().encode(await renderText(article, 'md')))
        if (!r.ok) throw new Error(r.error)
        expect(r.fields.body).toEqual(body)
      }),
      { numRuns: 200 }
    )
  })
})

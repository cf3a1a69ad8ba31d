/**
 * Word export: real Word styles and document properties, and a round trip through our own .docx importer
 * (title, sapo, tags, category, author, source and every paragraph come back) — for the golden articles,
 * generated ones (fast-check), a photo through a real store, and bad input that must still open in mammoth.
 */
import path from 'node:path'
import fc from 'fast-check'
import JSZip from 'jszip'
import mammoth from 'mammoth'
import { describe, expect, it } from 'vitest'
import { defaultFields, type Article } from '../../../shared/article'
import { docFromParagraphs, jsonText } from '../../../shared/doc'
import { figureJson } from '../../../shared/media'
import { importFile } from '../import'
import { draftPhotos } from '../media'
import { addPhotoFile } from '../media/add-files'
import { ArticleStore } from '../store'
import { goldenArticles } from '../test-support/articles'
import { HOSTILE } from '../test-support/hostile'
import { tempDir } from '../test-support/temp-dir'
import { articleToDocx } from './docx'

const base = (patch: Partial<Article>): Article => ({ ...defaultFields(), id: '55555555-5555-4555-8555-555555555555', createdAt: '2026-11-20T02:15:00.000Z', updatedAt: '2026-11-20T02:15:00.000Z', ...patch })
/**
 * Each paragraph's text (every text block, inside quotes and lists too), white space folded: what "every
 * paragraph comes back" compares. (Two quotations or lists side by side are one in Word: their paragraphs
 * are what counts.)
 */
const paragraphs = (body: unknown) => {
  const out: string[] = []
  const walk = (n: { type?: string; content?: unknown[] }) => {
    if (['paragraph', 'heading', 'figure'].includes(n.type ?? '')) out.push(jsonText(n).replace(/\s+/g, ' ').trim())
    else (n.content ?? []).forEach((c) => walk(c as typeof n))
  }
  walk(body as { content?: unknown[] })
  return out.filter(Boolean)
}
async function back(a: Article) {
  const r = await importFile('bai.docx', await articleToDocx(a))
  if (!r.ok) throw new Error(r.error)
  return r.fields
}
const fieldsOf = (f: { title?: string; sapo?: string; tags?: string[]; category?: string; author?: string; source?: string; date?: string; related?: string[] }) => ({
  title: f.title ?? '',
  sapo: f.sapo ?? '',
  date: f.date ?? '',
  related: f.related ?? [],
  tags: f.tags ?? [],
  category: f.category ?? '',
  author: f.author ?? '',
  source: f.source ?? ''
})

describe('Word export', () => {
  it('uses Word styles and document properties', async () => {
    const zip = await JSZip.loadAsync(await articleToDocx(goldenArticles.sample))
    const document = await zip.file('word/document.xml')!.async('string')
    for (const style of ['Title', 'Subtitle', 'Heading2', 'Quote', 'ListBullet', 'ListNumber', 'Caption']) expect(document, style).toContain(`<w:pStyle w:val="${style}"/>`)
    expect(document).toContain('<w:hyperlink')
    const styles = await zip.file('word/styles.xml')!.async('string')
    for (const name of ['Title', 'Subtitle', 'Quote', 'Caption', 'List Bullet', 'List Number']) expect(styles).toContain(`<w:name w:val="${name}"/>`)
    const core = await zip.file('docProps/core.xml')!.async('string')
    expect(core).toContain('<dc:title>Newsdesk: bài viết mẫu cho phóng viên</dc:title>')
    expect(core).toContain('<dc:creator>Ban biên tập Newsdesk</dc:creator>')
    expect(core).toContain('<cp:keywords>Newsdesk, hướng dẫn, tiếng Việt</cp:keywords>')
    expect(core).toContain('<dc:subject>Khoa học - Công nghệ</dc:subject>')
    expect(await zip.file('docProps/custom.xml')!.async('string')).toContain('Khoa học - Công nghệ')
  })

  it('round-trips the golden articles through the .docx importer: every field and paragraph', async () => {
    for (const a of [goldenArticles.sample, goldenArticles['tricky-text']]) {
      const f = await back(a)
      expect(fieldsOf(f)).toEqual({ ...fieldsOf(a), sapo: a.sapo.replace(/\s+/g, ' ') })
      // the sample's photo is not in a store here: a note stands for it, the rest is the same text
      expect(paragraphs(f.body).filter((p) => !p.startsWith('[Ảnh không nhúng'))).toEqual(paragraphs(a.body).map((p) => p.replace('tây.', 'tây. Ảnh: Newsdesk')))
      const marks = JSON.stringify(f.body)
      if (a === goldenArticles.sample) for (const m of ['strong', 'em', 'underline', 'strike', 'link', 'blockquote', 'bullet_list', 'ordered_list', 'heading']) expect(marks, m).toContain(`"${m}"`)
    }
  })

  it('round-trips generated articles (fast-check): metadata, headings, quotes, lists and paragraphs', async () => {
    const char = fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ0123456789&<>"\'“”.,?!()'.split(''))
    const word = fc.array(char, { minLength: 1, maxLength: 8 }).map((c) => c.join(''))
    const line = fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => w.join(' '))
    const block = fc.oneof(
      line.map((t) => ({ type: 'paragraph', content: [{ type: 'text', text: t }] })),
      line.map((t) => ({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: t }] })),
      line.map((t) => ({ type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: t }] }] })),
      fc.array(line, { minLength: 1, maxLength: 3 }).map((items) => ({ type: 'bullet_list', content: items.map((t) => ({ type: 'list_item', content: [{ type: 'paragraph', content: [{ type: 'text', text: t }] }] })) }))
    )
    const article = fc.record({
      title: line,
      sapo: fc.option(line, { nil: '' }),
      date: fc.option(fc.date({ min: new Date('1990-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), { nil: '' }),
      related: fc.array(line, { maxLength: 3 }),
      // (the date line reads "Cập nhật: 05/03/2024" or "Updated: 5 Mar 2024")
      language: fc.constantFrom('vi', 'en'),
      // (a comma or semicolon separates tags on the trailer line, as in every newsroom's "Từ khóa:")
      tags: fc.uniqueArray(word.filter((t) => !/[,;]/.test(t)), { maxLength: 3, selector: (t) => t.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd') }),
      category: fc.option(line, { nil: '' }),
      author: fc.option(line, { nil: '' }),
      source: fc.option(line, { nil: '' }),
      body: fc.array(block, { minLength: 1, maxLength: 6 })
    })
    await fc.assert(
      fc.asyncProperty(article, async (g) => {
        const a = base({ ...g, tags: g.tags.filter((t) => /[\p{L}\p{N}]/u.test(t)), body: { type: 'doc', content: g.body } as Article['body'] })
        const f = await back(a)
        expect(fieldsOf(f)).toEqual(fieldsOf(a))
        expect(paragraphs(f.body)).toEqual(paragraphs(a.body))
      }),
      { numRuns: 40 }
    )
  }, 120_000)

  it('carries a photo with its caption and credit back into a store', async () => {
    const { dir, cleanup } = await tempDir('nd-docx-photo-')
    try {
      const store = await ArticleStore.open(dir, { sample: false })
      const added = await addPhotoFile(store, path.resolve('electron/services/media/fixtures/cau-rong.jpg'))
      if (!added.ok) throw new Error(added.error)
      const a = base({ title: 'Cầu Rồng', body: { type: 'doc', content: [figureJson(added, { caption: 'Cầu Rồng phun lửa', credit: 'Minh Anh' }), ...docFromParagraphs(['Đoạn sau ảnh.']).content!] } as Article['body'] })
      const bytes = await articleToDocx(a, (ref) => store.media.read(ref))
      const r = await importFile('cau-rong.docx', bytes, draftPhotos(store, dir, path.join(dir, 'cau-rong.docx')))
      if (!r.ok) throw new Error(r.error)
      const figure = (r.fields.body as { content: Array<{ type: string; attrs?: Record<string, unknown>; content?: Array<{ text: string }> }> }).content.find((b) => b.type === 'figure')!
      expect(figure.attrs).toMatchObject({ src: added.media, credit: 'Minh Anh' })
      expect(figure.content![0].text).toBe('Cầu Rồng phun lửa')
      await store.close()
    } finally {
      await cleanup()
    }
  })

  it('bad input still gives a file Word readers open: no title, an empty body, 50,000 words, hostile strings', async () => {
    const huge = docFromParagraphs(Array.from({ length: 2500 }, (_, i) => `Đoạn ${i} có hai mươi chữ để làm một bài rất dài, dài hơn mọi bài báo thật của tòa soạn nhé.`))
    const cases = [
      base({ title: '', body: docFromParagraphs(['Chỉ có thân bài.']) }),
      base({ title: 'Chỉ có tiêu đề' }),
      base({ title: 'Bài năm mươi nghìn chữ', body: huge }),
      base({ title: HOSTILE.join(' '), sapo: HOSTILE[0], tags: HOSTILE.slice(0, 3), author: '\u202eĐảo chiều', body: docFromParagraphs(HOSTILE) })
    ]
    for (const a of cases) {
      const bytes = await articleToDocx(a)
      const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) })
      expect(value).toContain(a.title || 'Chỉ có thân bài.')
      if (a.body === huge) expect(value.match(/Đoạn \d+ có/g)).toHaveLength(2500)
    }
    // the hostile strings are text in Word, never markup
    const hostile = await mammoth.convertToHtml({ buffer: Buffer.from(await articleToDocx(cases[3])) })
    expect(hostile.value).not.toContain('<script')
    expect(hostile.value).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })
})


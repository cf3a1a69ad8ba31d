/** Metadata never empty: description, byline, headline and dates as Google documents NewsArticle. */
import { parseHTML } from 'linkedom'
import { describe, expect, it } from 'vitest'
import { defaultFields, type Article } from './article'
import { docFromParagraphs } from './doc'
import { bylineOf, descriptionOf, headlineOf, publishedAt, trimAtWord } from './metadata'
import { renderArticleHtml } from './render-html'

const article = (patch: Partial<Article>): Article => ({
  ...defaultFields(),
  id: '33333333-3333-4333-8333-333333333333',
  createdAt: '2026-11-20T02:15:00.000Z',
  updatedAt: '2026-11-21T08:40:12.345Z',
  ...patch
})
const LONG = 'Sáng nay, Ủy ban nhân dân tỉnh Quảng Nam tổ chức hội nghị tổng kết công tác phòng chống thiên tai năm nay và triển khai nhiệm vụ cho mùa mưa bão sắp tới, với sự tham dự của lãnh đạo các sở ngành.'

/**
 * What Google's structured-data documentation asks of a NewsArticle: a headline of at most 110
 * characters, images as URLs, datePublished and dateModified in ISO 8601 with a time zone, and an author
 * with a name (a Person or an Organization). Returns what is wrong ([] when nothing).
 */
function newsArticleProblems(ld: Record<string, unknown>): string[] {
  const problems: string[] = []
  const zoned = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/
  if (ld['@context'] !== 'https://schema.org' || ld['@type'] !== 'NewsArticle') problems.push('not a schema.org NewsArticle')
  if (typeof ld.headline !== 'string' || !ld.headline || [...ld.headline].length > 110) problems.push(`headline: ${String(ld.headline)}`)
  for (const key of ['datePublished', 'dateModified']) if (typeof ld[key] !== 'string' || !zoned.test(ld[key] as string)) problems.push(`${key} without a time zone: ${String(ld[key])}`)
  if (ld.image !== undefined && !(Array.isArray(ld.image) && ld.image.length && ld.image.every((i) => typeof i === 'string' && i))) problems.push('image must be a list of URLs')
  const author = ld.author as { '@type'?: string; name?: string } | undefined
  if (!author || !['Person', 'Organization'].includes(author['@type'] ?? '') || !author.name) problems.push('author without a name')
  if (typeof ld.description !== 'string' || !ld.description) problems.push('no description')
  return problems
}

function page(a: Article) {
  const { document } = parseHTML(renderArticleHtml(a, { stylesheet: '' }))
  const meta = (sel: string) => document.querySelector(sel)?.getAttribute('content') ?? null
  return {
    ld: JSON.parse(document.querySelector('script[type="application/ld+json"]')!.textContent!) as Record<string, unknown>,
    description: meta('meta[name="description"]'),
    og: meta('meta[property="og:description"]'),
    image: meta('meta[property="og:image"]')
  }
}

describe('metadata that is never empty', () => {
  it('trims a description at a word boundary near 160 characters', () => {
    const d = trimAtWord(LONG, 160)
    expect([...d].length).toBeLessThanOrEqual(160)
    expect(d.endsWith('…')).toBe(true)
    expect(LONG.startsWith(d.slice(0, -1))).toBe(true)
    expect(LONG[d.length - 1]).toBe(' ')
    expect(trimAtWord('Ngắn gọn.', 160)).toBe('Ngắn gọn.')
  })

  it('falls back to the first paragraph with words when the sapo is empty', () => {
    const body = { type: 'doc', content: [{ type: 'paragraph' }, { type: 'paragraph', content: [{ type: 'text', text: '  ' }] }, ...docFromParagraphs([LONG]).content!] }
    expect(descriptionOf({ sapo: '', body: body as never })).toBe(trimAtWord(LONG, 160))
    expect(descriptionOf({ sapo: 'VOV.VN - Sapo có sẵn.', body: body as never })).toBe('VOV.VN - Sapo có sẵn.')
    // the words either side of a line break stay two words
    const lines = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hà Nội' }, { type: 'hard_break' }, { type: 'text', text: 'Đà Nẵng' }] }] }
    expect(descriptionOf({ sapo: '', body: lines as never })).toBe('Hà Nội Đà Nẵng')
    const p = page(article({ title: 'Tổng kết phòng chống thiên tai', body: body as never }))
    expect(p.description).toBe(trimAtWord(LONG, 160))
    expect(p.og).toBe(p.description)
    expect(p.ld.description).toBe(p.description)
  })

  it('names the source in the byline when there is no author', () => {
    expect(bylineOf({ author: '', source: 'TTXVN' })).toEqual({ type: 'Organization', name: 'TTXVN' })
    expect(bylineOf({ author: 'Lê Minh', source: 'TTXVN' })).toEqual({ type: 'Person', name: 'Lê Minh' })
    expect(page(article({ title: 'Tin', source: 'TTXVN', body: docFromParagraphs(['Nội dung.']) })).ld.author).toEqual({ '@type': 'Organization', name: 'TTXVN' })
  })

  it('gives a headline of at most 110 characters, and one from the text when there is no title', () => {
    expect([...headlineOf({ title: LONG, sapo: '', body: docFromParagraphs([]) })].length).toBeLessThanOrEqual(110)
    expect(headlineOf({ title: '', sapo: 'VOV.VN - Bão số 9 đổ bộ.', body: docFromParagraphs([]) })).toBe('VOV.VN - Bão số 9 đổ bộ.')
  })

  it('states dates with their time zone (the newsroom day in Vietnam, UTC+7)', () => {
    expect(publishedAt({ date: '2026-11-20', createdAt: '2026-11-19T20:00:00.000Z', language: 'vi' })).toBe('2026-11-20T00:00:00+07:00')
    expect(publishedAt({ date: '', createdAt: '2026-11-19T20:00:00.000Z', language: 'vi' })).toBe('2026-11-19T20:00:00.000Z')
  })

  it('every page meets Google\'s NewsArticle requirements: full, without a title, without sapo or author, with a featured photo, with a 300-character title', () => {
    const photo = `media:${'c'.repeat(64)}.jpg`
    const cases = [
      article({ title: 'Bão số 9 đổ bộ Quảng Ngãi', sapo: 'VOV.VN - Bão mạnh cấp 12.', author: 'Phạm Hà', source: 'VOV', date: '2026-11-20', tags: ['bão'], body: docFromParagraphs(['Đoạn một.']) }),
      article({ title: '', source: 'VOV', body: docFromParagraphs([LONG]) }),
      article({ title: 'Không sapo, không tác giả', source: 'Báo Nhân Dân', body: docFromParagraphs([LONG]) }),
      article({ title: 'Có ảnh', author: 'Minh Anh', featuredImage: photo, body: docFromParagraphs(['Ảnh đẹp.']) }),
      article({ title: LONG + LONG, author: 'A', body: docFromParagraphs(['x y z']) })
    ]
    for (const a of cases) {
      const p = page(a)
      expect(newsArticleProblems(p.ld), a.title.slice(0, 30)).toEqual([])
      expect(p.description).toBeTruthy()
    }
    expect(page(cases[3]).ld.image).toEqual([page(cases[3]).image])
    // the checker is not blind: what was exported before (date-only, empty description) fails it
    expect(newsArticleProblems({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'x', description: '', datePublished: '2026-01-15', dateModified: '2026-01-16T00:00:00Z' })).toEqual([
      'datePublished without a time zone: 2026-01-15',
      'author without a name',
      'no description'
    ])
  })
})

/**
 * PDF export in plain Node (the CLI, the app and the tests alike: no Electron, no browser): PDFKit lays the
 * article out from its model on A4 pages in Noto Serif (embedded, subset; it covers Vietnamese, so the text
 * is real, selectable and searchable text): the category, the title, the byline, the sapo, the body
 * (headings, quotations, lists, links, photos kept together with their captions and credits), tags and
 * related headlines, and "Trang N/M" at the foot of each page. Document properties carry the metadata.
 */
import { createRequire } from 'node:module'
import PDFDocument from 'pdfkit'
import type { Mark, Node as PMNode } from 'prosemirror-model'
import type { Article } from '../../../shared/article'
import { formatDate } from '../../../shared/dates'
import { childNodes as children, docFromJSON } from '../../../shared/doc'
import { captionWithCredit, mediaFileOf } from '../../../shared/media'
import { bylineOf, descriptionOf, headlineOf } from '../../../shared/metadata'
import type { PhotoBytes } from './docx'
import { TRAILER_LABELS } from '../import/trailer'

const require = createRequire(import.meta.url)
const FONT_FILES = {
  serif: '400Regular/NotoSerif_400Regular.ttf',
  'serif-bold': '700Bold/NotoSerif_700Bold.ttf',
  'serif-italic': '400Regular_Italic/NotoSerif_400Regular_Italic.ttf',
  'serif-bold-italic': '700Bold_Italic/NotoSerif_700Bold_Italic.ttf'
} as const
type FontName = keyof typeof FONT_FILES
const fontPath = (name: FontName) => require.resolve(`@expo-google-fonts/noto-serif/${FONT_FILES[name]}`)

const MM = 72 / 25.4
const MARGIN = { top: 20 * MM, bottom: 22 * MM, left: 20 * MM, right: 20 * MM }
const INK = '#1d1d1f'
const MUTED = '#5f6368'
const ACCENT = '#b3261e'
const LINK = '#1558b0'
const BODY = { size: 11.5, lineGap: 3.5, after: 7 }
/** pdfkit draws JPEG and PNG; other photos keep their caption and a note. */
const PRINTABLE = new Set(['jpg', 'png'])

const WORDS = {
  vi: { page: 'Trang', tags: TRAILER_LABELS.vi.tags, related: 'Tin liên quan', photoLeftOut: 'ảnh không in được' },
  en: { page: 'Page', tags: TRAILER_LABELS.en.tags, related: 'Related', photoLeftOut: 'photo not printable' }
}

interface Run {
  text: string
  bold?: boolean
  italic?: boolean
  underline?: boolean
  strike?: boolean
  link?: string
}

function runsOf(node: PMNode, base: Partial<Run> = {}): Run[] {
  const out: Run[] = []
  node.forEach((child) => {
    // a line break ends the run before it (a run of its own would not break a continued line)
    if (child.type.name === 'hard_break') return void (out.length ? (out[out.length - 1].text += '\n') : out.push({ ...base, text: '\n' }))
    if (!child.isText) return
    const has = (name: string) => child.marks.some((m: Mark) => m.type.name === name)
    const link = child.marks.find((m) => m.type.name === 'link')?.attrs.href as string | undefined
    out.push({ ...base, text: child.text!, bold: base.bold || has('strong'), italic: base.italic || has('em'), underline: has('underline') || !!link, strike: has('strike'), ...(link ? { link } : {}) })
  })
  return out.filter((r) => r.text)
}

const fontOf = (r: Run): FontName => (r.bold && r.italic ? 'serif-bold-italic' : r.bold ? 'serif-bold' : r.italic ? 'serif-italic' : 'serif')

/** The article as a PDF (its bytes). */
export async function articleToPdf(a: Article, photo: PhotoBytes = async () => null): Promise<Uint8Array> {
  const language = a.language === 'en' ? 'en' : 'vi'
  const words = WORDS[language]
  const byline = bylineOf(a)
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    lang: a.language || 'vi',
    displayTitle: true,
    pdfVersion: '1.7',
    info: {
      Title: headlineOf(a) || a.title,
      Author: byline?.name ?? '',
      Subject: descriptionOf(a),
      Keywords: a.tags.join(', '),
      Creator: 'Newsdesk',
      CreationDate: new Date(a.createdAt),
      ModDate: new Date(a.updatedAt)
    }
  })
  for (const name of Object.keys(FONT_FILES) as FontName[]) doc.registerFont(name, fontPath(name))
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const ended = new Promise<void>((resolve, reject) => (doc.on('end', resolve), doc.on('error', reject)))

  const left = MARGIN.left
  const width = doc.page.width - MARGIN.left - MARGIN.right
  const bottom = () => doc.page.height - MARGIN.bottom

  /** A paragraph of runs at `indent`, in `size`, with its spacing after. */
  const paragraph = (runs: Run[], { indent = 0, size = BODY.size, color = INK, align = 'left' as 'left' | 'center', after = BODY.after } = {}) => {
    if (!runs.length) return
    runs.forEach((r, i) => {
      doc.font(fontOf(r)).fontSize(size).fillColor(r.link ? LINK : color)
      const options = { width: width - indent, align, lineGap: BODY.lineGap, continued: i < runs.length - 1, underline: !!r.underline, strike: !!r.strike, link: r.link ?? null }
      if (i === 0) doc.text(r.text, left + indent, doc.y, options)
      else doc.text(r.text, options)
    })
    doc.y += after
  }
  /** Room for `height` points on this page, else a new page. */
  const keep = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage()
  }

  // header: category, title, byline, sapo
  if (a.category) paragraph([{ text: a.category.toLocaleUpperCase(a.language || 'vi'), bold: true }], { size: 9, color: ACCENT, after: 4 })
  if (a.title) paragraph([{ text: a.title, bold: true }], { size: 22, after: 6 })
  const by = [a.date ? formatDate(a.date, language) : '', a.author, a.source].filter(Boolean).join('  ·  ')
  if (by) paragraph([{ text: by }], { size: 9.5, color: MUTED, after: 8 })
  if (a.sapo) paragraph([{ text: a.sapo, bold: true }], { size: 12.5, after: 10 })
  doc.moveTo(left, doc.y).lineTo(left + width, doc.y).lineWidth(0.6).strokeColor('#cccccc').stroke()
  doc.y += 10

  /** How tall a photo is drawn (its caption aside). */
  const photoHeight = (node: PMNode) => {
    const { width: w0, height: h0 } = node.attrs as { width: number | null; height: number | null }
    const w = Math.min(width, (w0 ?? 1600) * 0.75)
    return Math.min((w * (h0 ?? 900)) / (w0 ?? 1600), bottom() - MARGIN.top - 60)
  }

  const block = async (node: PMNode, ctx: { indent: number; quote: boolean; marker?: string }, next?: PMNode) => {
    const name = node.type.name
    if (name === 'paragraph') {
      const runs = runsOf(node, ctx.quote ? { italic: true } : {})
      if (ctx.marker && runs.length) {
        keep(BODY.size * 2)
        const y = doc.y
        doc.font('serif').fontSize(BODY.size).fillColor(INK).text(ctx.marker, left + ctx.indent - 16, y, { width: 16, lineBreak: false })
        doc.y = y
      }
      const start = doc.y
      paragraph(runs, { indent: ctx.indent })
      if (ctx.quote) doc.moveTo(left + ctx.indent - 8, start).lineTo(left + ctx.indent - 8, doc.y - BODY.after).lineWidth(2).strokeColor('#cccccc').stroke()
    } else if (name === 'heading') {
      const size = ({ 2: 15, 3: 13.5, 4: 12.5 } as Record<number, number>)[node.attrs.level as number] ?? 13
      // a heading stays with what follows it: a photo whole, or the first lines of text
      keep(size * 2.5 + (next?.type.name === 'figure' ? photoHeight(next) + 30 : BODY.size * 4))
      doc.y += 4
      paragraph(runsOf(node, { bold: true }), { size, indent: ctx.indent, after: 5 })
    } else if (name === 'blockquote') {
      for (const child of children(node)) await block(child, { ...ctx, indent: ctx.indent + 18, quote: true })
    } else if (name === 'bullet_list' || name === 'ordered_list') {
      let n = name === 'ordered_list' ? Number(node.attrs.order ?? 1) : 0
      for (const item of children(node)) {
        const marker = name === 'ordered_list' ? `${n++}.` : '•'
        let first = true
        for (const child of children(item)) {
          await block(child, { ...ctx, indent: ctx.indent + 18, marker: first && child.type.name === 'paragraph' ? marker : undefined })
          first = false
        }
      }
    } else if (name === 'horizontal_rule') {
      keep(12)
      doc.moveTo(left + width / 3, doc.y + 4).lineTo(left + (2 * width) / 3, doc.y + 4).lineWidth(0.6).strokeColor('#bbbbbb').stroke()
      doc.y += 12
    } else if (name === 'figure') await figure(node)
  }

  const figure = async (node: PMNode) => {
    const { src, credit, width: w0, height: h0 } = node.attrs as { src: string; credit: string; width: number | null; height: number | null }
    const ext = mediaFileOf(src).split('.')[1]
    const bytes = PRINTABLE.has(ext) ? await photo(src) : null
    const caption = captionWithCredit(node.textContent, credit, language)
    doc.font('serif-italic').fontSize(9.5)
    const captionHeight = caption ? doc.heightOfString(caption, { width, lineGap: 2 }) + 4 : 0
    let drawn = false
    if (bytes) {
      const h = Math.min(photoHeight(node), bottom() - MARGIN.top - captionHeight - 10)
      const w = Math.min(width, (h * (w0 ?? 1600)) / (h0 ?? 900))
      // the photo and its caption on one page
      keep(h + captionHeight + 6)
      try {
        doc.image(Buffer.from(bytes), left + (width - w) / 2, doc.y, { fit: [w, h], align: 'center' })
        doc.y += h + 4
        drawn = true
      } catch {
        // a photo pdfkit cannot read: its caption and a note stand for it
      }
    }
    const note = drawn ? '' : `[${words.photoLeftOut}: ${mediaFileOf(src)}]`
    if (!drawn) keep(captionHeight + 20)
    paragraph([{ text: [note, caption].filter(Boolean).join(' '), italic: true }], { size: 9.5, color: MUTED, align: 'center', after: 10 })
  }

  const blocks = children(docFromJSON(a.body))
  for (let i = 0; i < blocks.length; i++) await block(blocks[i], { indent: 0, quote: false }, blocks[i + 1])

  // the metadata block: tags, related headlines
  if (a.tags.length || a.related.length) {
    keep(40)
    doc.y += 6
    doc.moveTo(left, doc.y).lineTo(left + width, doc.y).lineWidth(0.6).strokeColor('#cccccc').stroke()
    doc.y += 8
    if (a.tags.length) paragraph([{ text: `${words.tags}: `, bold: true }, { text: a.tags.join(', ') }], { size: 9.5, color: MUTED, after: 4 })
    if (a.related.length) {
      paragraph([{ text: words.related, bold: true }], { size: 9.5, color: MUTED, after: 2 })
      for (const r of a.related) paragraph([{ text: `•  ${r}` }], { size: 9.5, color: MUTED, indent: 8, after: 2 })
    }
  }

  // "Trang N/M" at the foot of each page (written in the margin: no page is added for it)
  const pages = doc.bufferedPageRange()
  for (let i = 0; i < pages.count; i++) {
    doc.switchToPage(pages.start + i)
    const margin = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    doc.font('serif').fontSize(8.5).fillColor(MUTED).text(`${words.page} ${i + 1}/${pages.count}`, left, doc.page.height - margin + 14, { width, align: 'center', lineBreak: false })
    doc.page.margins.bottom = margin
  }
  doc.end()
  await ended
  return new Uint8Array(Buffer.concat(chunks))
}

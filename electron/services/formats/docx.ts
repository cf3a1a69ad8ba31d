/**
 * Word (.docx) export with the `docx` library: real Word styles (Title, the date line and related headlines
 * under it, Subtitle for the sapo, Heading 2–4, Quote, List Bullet / List Number, Caption), links, photos
 * with their caption and credit, and document properties (title, author, keywords, category). The metadata
 * also ends the text as the newsroom's trailer lines (Từ khóa, Thể loại, Tác giả, Nguồn tin), so our own
 * .docx importer — and an editor reading the file — gets every field back.
 */
import { AlignmentType, BorderStyle, Document, ExternalHyperlink, ImageRun, LevelFormat, Packer, Paragraph, TextRun, type ParagraphChild } from 'docx'
import type { Mark, Node as PMNode } from 'prosemirror-model'
import type { Article } from '../../../shared/article'
import { childNodes as children, docFromJSON } from '../../../shared/doc'
import { captionWithCredit, mediaFileOf } from '../../../shared/media'
import { bylineOf, descriptionOf } from '../../../shared/metadata'
import { TRAILER_LABELS } from '../import/trailer'
import { formatDate } from '../../../shared/dates'

/** A photo's bytes by media reference (null: missing from the store). */
export type PhotoBytes = (ref: string) => Promise<Uint8Array | null>

/** Word takes JPEG, PNG, GIF and BMP through the library: a WebP or AVIF photo keeps its caption and a note instead. */
const WORD_IMAGES: Record<string, 'jpg' | 'png' | 'gif'> = { jpg: 'jpg', png: 'png', gif: 'gif' }
/** The text width of an A4 page with 2 cm margins, in pixels at 96 dpi (about 17 cm). */
const MAX_WIDTH_PX = 640

/** The label of the date line under the title (as in the newsroom's plain-text drafts). */
const UPDATED = { vi: 'Cập nhật', en: 'Updated' }
const PHOTO_LEFT_OUT = { vi: 'Ảnh không nhúng được vào tệp Word', en: 'Photo not embedded in the Word file' }

function runsOf(node: PMNode): ParagraphChild[] {
  const out: ParagraphChild[] = []
  node.forEach((child) => {
    if (child.type.name === 'hard_break') return void out.push(new TextRun({ break: 1 }))
    if (!child.isText) return
    const has = (name: string) => child.marks.some((m: Mark) => m.type.name === name)
    const run = new TextRun({
      text: child.text!,
      bold: has('strong') || undefined,
      italics: has('em') || undefined,
      underline: has('underline') ? {} : undefined,
      strike: has('strike') || undefined,
      style: child.marks.some((m) => m.type.name === 'link') ? 'Hyperlink' : undefined
    })
    const link = child.marks.find((m) => m.type.name === 'link')
    out.push(link ? new ExternalHyperlink({ link: String(link.attrs.href), children: [run] }) : run)
  })
  return out
}

interface Context {
  quote?: boolean
  list?: { ref: string; level: number; instance: number }
  /** Lists written so far in this document: each top-level list gets its own numbering instance. */
  lists: { count: number }
}

/** The blocks of a body as Word paragraphs (lists as numbered paragraphs with their level, quotes in the Quote style). */
async function blocksOf(nodes: PMNode[], photo: PhotoBytes, language: 'vi' | 'en', context: Context): Promise<Paragraph[]> {
  const out: Paragraph[] = []
  for (const node of nodes) {
    const name = node.type.name
    if (name === 'paragraph') {
      const list = context.list
      out.push(
        new Paragraph({
          style: list ? (list.ref === 'numbers' ? 'ListNumber' : 'ListBullet') : context.quote ? 'Quote' : undefined,
          numbering: list ? { reference: list.ref, level: list.level, instance: list.instance } : undefined,
          children: runsOf(node)
        })
      )
    } else if (name === 'heading') out.push(new Paragraph({ style: `Heading${node.attrs.level}`, children: runsOf(node) }))
    else if (name === 'blockquote') out.push(...(await blocksOf(children(node), photo, language, { ...context, quote: true })))
    else if (name === 'bullet_list' || name === 'ordered_list') {
      const ref = name === 'ordered_list' ? 'numbers' : 'bullets'
      const level = context.list ? Math.min(context.list.level + 1, 8) : 0
      // each list numbered from 1 again (a nested list continues its parent's instance)
      const instance = context.list?.instance ?? ++context.lists.count
      for (const item of children(node)) out.push(...(await blocksOf(children(item), photo, language, { ...context, list: { ref, level, instance } })))
    } else if (name === 'horizontal_rule') {
      out.push(new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999', space: 1 } }, children: [] }))
    } else if (name === 'figure') out.push(...(await figure(node, photo, language)))
  }
  return out
}


/** A photo: the picture in its own centred paragraph, then its caption and credit in the Caption style. */
async function figure(node: PMNode, photo: PhotoBytes, language: 'vi' | 'en'): Promise<Paragraph[]> {
  const { src, alt, credit, width, height } = node.attrs as { src: string; alt: string; credit: string; width: number | null; height: number | null }
  const type = WORD_IMAGES[mediaFileOf(src).split('.')[1]]
  const bytes = type ? await photo(src) : null
  const caption = captionWithCredit(node.textContent, credit, language)
  const out: Paragraph[] = []
  if (bytes && type) {
    const w = width ?? MAX_WIDTH_PX
    const h = height ?? Math.round((MAX_WIDTH_PX * 2) / 3)
    const scale = Math.min(1, MAX_WIDTH_PX / w)
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        keepNext: true,
        children: [new ImageRun({ type, data: bytes, transformation: { width: Math.round(w * scale), height: Math.round(h * scale) }, altText: { name: alt || caption.slice(0, 80), description: alt, title: alt } })]
      })
    )
  } else out.push(new Paragraph({ style: 'Caption', keepNext: true, children: [new TextRun({ text: `[${PHOTO_LEFT_OUT[language]}: ${mediaFileOf(src)}]` })] }))
  if (caption) out.push(new Paragraph({ style: 'Caption', children: [new TextRun(caption)] }))
  return out
}

/** The article as a Word document (its bytes). */
export async function articleToDocx(a: Article, photo: PhotoBytes = async () => null): Promise<Uint8Array> {
  const language = a.language === 'en' ? 'en' : 'vi'
  const labels = TRAILER_LABELS[language]
  const body = await blocksOf(children(docFromJSON(a.body)), photo, language, { lists: { count: 0 } })
  // every trailer line, even empty: a body that itself ends in "Nguồn: …" then stays body text
  const trailer = [
    `${labels.tags}: ${a.tags.join(', ')}`,
    `${labels.category}: ${a.category}`,
    `${labels.author}: ${a.author}`,
    `${labels.source}: ${a.source}`
  ].map((line) => new Paragraph({ style: 'Trailer', children: [new TextRun(line)] }))
  const doc = new Document({
    title: a.title,
    subject: a.category,
    creator: bylineOf(a)?.name ?? '',
    keywords: a.tags.join(', '),
    description: descriptionOf(a),
    lastModifiedBy: 'Newsdesk',
    customProperties: [
      { name: 'Category', value: a.category },
      { name: 'Source', value: a.source },
      { name: 'Date', value: a.date },
      { name: 'Language', value: a.language }
    ].filter((p) => p.value),
    styles: {
      default: { document: { run: { font: 'Times New Roman', size: 26 }, paragraph: { spacing: { after: 120, line: 300 } } } },
      paragraphStyles: [
        { id: 'Title', name: 'Title', basedOn: 'Normal', next: 'Normal', run: { size: 44, bold: true }, paragraph: { spacing: { after: 200 } } },
        { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', run: { size: 28, bold: true }, paragraph: { spacing: { after: 240 } } },
        { id: 'Quote', name: 'Quote', basedOn: 'Normal', next: 'Normal', run: { italics: true }, paragraph: { indent: { left: 720, right: 720 } } },
        { id: 'Caption', name: 'Caption', basedOn: 'Normal', next: 'Normal', run: { italics: true, size: 20, color: '555555' }, paragraph: { alignment: AlignmentType.CENTER } },
        { id: 'ListBullet', name: 'List Bullet', basedOn: 'Normal', next: 'Normal' },
        { id: 'ListNumber', name: 'List Number', basedOn: 'Normal', next: 'Normal' },
        { id: 'Trailer', name: 'Newsdesk Trailer', basedOn: 'Normal', next: 'Normal', run: { size: 22, color: '555555' } },
        { id: 'Updated', name: 'Newsdesk Updated', basedOn: 'Normal', next: 'Normal', run: { size: 22, color: '555555' } },
        { id: 'Related', name: 'Newsdesk Related', basedOn: 'Normal', next: 'Normal', run: { size: 22, color: '1F4E79' }, paragraph: { spacing: { after: 60 } } }
      ]
    },
    numbering: {
      config: [
        { reference: 'bullets', levels: Array.from({ length: 9 }, (_, level) => ({ level, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } } })) },
        { reference: 'numbers', levels: Array.from({ length: 9 }, (_, level) => ({ level, format: LevelFormat.DECIMAL, text: `%${level + 1}.`, alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } } })) }
      ]
    },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        children: [
          ...(a.title ? [new Paragraph({ style: 'Title', children: [new TextRun(a.title)] })] : []),
          // the head as the newsroom lays it out: the date line, then the related headlines, then the sapo
          ...(a.date ? [new Paragraph({ style: 'Updated', children: [new TextRun(`${UPDATED[language]}: ${formatDate(a.date, language)}`)] })] : []),
          ...a.related.map((r) => new Paragraph({ style: 'Related', children: [new TextRun(r)] })),
          ...(a.sapo ? [new Paragraph({ style: 'Subtitle', children: [new TextRun(a.sapo)] })] : []),
          ...body,
          ...trailer
        ]
      }
    ]
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}

/**
 * One article rendered in one export format: HTML (the preview's renderer), Markdown with front matter,
 * ninjs (text: `textRenderer` gives a format's renderer, `renderText` renders one article), or Word and PDF
 * (bytes, with the photos inside: `renderFile` renders any). The libraries of Markdown (markdown-it, YAML,
 * ProseMirror's serializer), Word and PDF load when a format first needs them: an HTML export, the most
 * common, loads none of them.
 */
import type { Article } from '../../../shared/article'
import type { ExportFormat } from '../../../shared/contract'
import { withUpdateNote } from '../../../shared/diff'
import { mediaFileOf } from '../../../shared/media'
import { remoteImageCount, renderArticleHtml, type MediaSrc } from '../../../shared/render-html'
import type { PhotoBytes } from '../formats/docx'
import { articleToNinjs } from '../formats/ninjs'
import { exportStylesheet } from '../resources'

export const EXTENSIONS: Record<ExportFormat, string> = { html: 'html', md: 'md', ninjs: 'json', docx: 'docx', pdf: 'pdf' }

/** Formats written as bytes, with their photos inside (nothing is copied beside them). */
export type BinaryFormat = 'docx' | 'pdf'
export const isBinaryFormat = (format: ExportFormat): format is BinaryFormat => format === 'docx' || format === 'pdf'

export interface RenderChoices {
  /** HTML: images from the web left out (default) or kept. */
  remoteImages?: 'omit' | 'keep'
  /**
   * Where the file finds its photos: a folder beside it, relative (`ten-bai`, or `media` for a batch), or
   * the photos themselves as data URLs by media reference (one self-contained file). Default `media`.
   */
  photos?: { folder: string } | { embedded: Record<string, string> }
  /** An update note ("Cập nhật lúc …: …") put at the top of the body of this export only. */
  updateNote?: string
}

/** The photos' addresses from the exported file, as the choices say. */
export function mediaSrcOf(photos: RenderChoices['photos']): MediaSrc {
  if (photos && 'embedded' in photos) return (ref) => photos.embedded[ref] ?? ''
  const folder = photos?.folder ?? 'media'
  return (ref) => `${encodeURIComponent(folder)}/${mediaFileOf(ref)}`
}

export type TextFormat = Exclude<ExportFormat, BinaryFormat>
/** A text format's renderer: synchronous, for a batch's loop once it is loaded. */
export type TextRenderer = (article: Article, choices?: RenderChoices) => string

/** The renderer of a text format, its libraries loaded first (once: later calls find them loaded). */
export async function textRenderer(format: TextFormat): Promise<TextRenderer> {
  const toMarkdown = format === 'md' ? (await import('../formats/markdown')).articleToMarkdown : null
  return (exported, choices = {}) => {
    const article = choices.updateNote ? withUpdateNote(exported, choices.updateNote) : exported
    const mediaSrc = mediaSrcOf(choices.photos)
    if (format === 'html') return renderArticleHtml(article, { stylesheet: exportStylesheet(), remoteImages: choices.remoteImages, mediaSrc })
    if (toMarkdown) return toMarkdown(article, mediaSrc)
    return JSON.stringify(articleToNinjs(article, mediaSrc), null, 2) + '\n'
  }
}

/** One article in a text format. */
export async function renderText(article: Article, format: TextFormat, choices: RenderChoices = {}): Promise<string> {
  return (await textRenderer(format))(article, choices)
}

/** How many images from the web an export of `article` in `format` leaves out. */
export function omittedImages(article: Article, format: ExportFormat, choices: RenderChoices = {}): number {
  return format === 'html' && choices.remoteImages !== 'keep' ? remoteImageCount(article.body) : 0
}

/** Any format: text for HTML, Markdown and ninjs; bytes for Word and PDF, which take their photos' bytes from `photo`. */
export async function renderFile(article: Article, format: ExportFormat, choices: RenderChoices = {}, photo?: PhotoBytes): Promise<string | Uint8Array> {
  if (!isBinaryFormat(format)) return renderText(article, format, choices)
  const exported = choices.updateNote ? withUpdateNote(article, choices.updateNote) : article
  // the Word and PDF libraries load when first asked for (not at every start of the app or the CLI)
  if (format === 'docx') return (await import('../formats/docx')).articleToDocx(exported, photo)
  return (await import('../formats/pdf')).articleToPdf(exported, photo)
}

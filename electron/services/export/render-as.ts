/** One article rendered in one export format: HTML (the preview's renderer), Markdown with front matter, or ninjs. */
import type { Article } from '../../../shared/article'
import type { ExportFormat } from '../../../shared/contract'
import { remoteImageCount, renderArticleHtml } from '../../../shared/render-html'
import { articleToMarkdown } from '../formats/markdown'
import { articleToNinjs } from '../formats/ninjs'
import { exportStylesheet } from './export-stylesheet'

export const EXTENSIONS: Record<ExportFormat, string> = { html: 'html', md: 'md', ninjs: 'json' }

export interface RenderChoices {
  /** HTML: images from the web left out (default) or kept. */
  remoteImages?: 'omit' | 'keep'
}

export function renderAs(article: Article, format: ExportFormat, choices: RenderChoices = {}): string {
  if (format === 'html') return renderArticleHtml(article, { stylesheet: exportStylesheet(), remoteImages: choices.remoteImages })
  if (format === 'md') return articleToMarkdown(article)
  return JSON.stringify(articleToNinjs(article), null, 2) + '\n'
}

/** How many images from the web an export of `article` in `format` leaves out. */
export function omittedImages(article: Article, format: ExportFormat, choices: RenderChoices = {}): number {
  return format === 'html' && choices.remoteImages !== 'keep' ? remoteImageCount(article.body) : 0
}

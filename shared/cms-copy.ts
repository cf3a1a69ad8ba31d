/**
 * "Copy for the CMS": the article as the clipboard carries it — clean HTML (the export's article markup,
 * no page, styles or scripts) and plain text (title, sapo, then the body with a blank line between
 * paragraphs) — so a paste into a WordPress, CKEditor or TinyMCE field or into a plain text box both work.
 * The settings choose whether the title and sapo go too, and whether photo credits do.
 */
import type { Node as PMNode } from 'prosemirror-model'
import type { Article } from './article'
import { docFromJSON } from './doc'
import { escapeText } from './html-serialize'
import { captionWithCredit } from './media'
import { renderBodyHtml, type MediaSrc } from './render-html'

export interface CmsCopyChoices {
  /** The title and sapo before the body. */
  heading: boolean
  /** Photo credits ("Ảnh: …") under the photos. */
  credits: boolean
}

/** The body with its photos' credits left out. */
function withoutCredits(body: unknown): unknown {
  const walk = (n: { type?: string; attrs?: Record<string, unknown>; content?: unknown[] }): unknown => ({
    ...n,
    ...(n.type === 'figure' ? { attrs: { ...n.attrs, credit: '' } } : {}),
    ...(n.content ? { content: n.content.map((c) => walk(c as typeof n)) } : {})
  })
  return walk(body as Parameters<typeof walk>[0])
}

/** A block as plain text: lists one item a line (a nested list indented under its item), a photo as its caption (and credit). */
function blockText(node: PMNode, language: string): string {
  const name = node.type.name
  if (name === 'bullet_list' || name === 'ordered_list') {
    const lines: string[] = []
    let n = Number(node.attrs.order ?? 1)
    node.forEach((item) => {
      const marker = name === 'ordered_list' ? `${n++}.` : '-'
      // the item's first paragraph on the marker's line, what follows it (more paragraphs, a nested list) indented under it
      const parts: string[] = []
      item.forEach((child) => parts.push(blockText(child, language)))
      const [first = '', ...rest] = parts
      lines.push(`${marker} ${first.replace(/\n/g, ' ')}`, ...rest.flatMap((part) => part.split('\n').map((line) => `   ${line}`)))
    })
    return lines.join('\n')
  }
  if (name === 'figure') return captionWithCredit(node.textContent, String(node.attrs.credit ?? ''), language)
  if (name === 'horizontal_rule') return '* * *'
  if (node.isTextblock) return node.textBetween(0, node.content.size, '\n', '\n').trim()
  const parts: string[] = []
  node.forEach((child) => parts.push(blockText(child, language)))
  return parts.filter(Boolean).join('\n\n')
}

export function cmsClipboard(a: Pick<Article, 'title' | 'sapo' | 'body' | 'language'>, choices: CmsCopyChoices, mediaSrc: MediaSrc): { html: string; text: string } {
  const body = choices.credits ? a.body : withoutCredits(a.body)
  const heading = choices.heading ? (a.title ? `<h1>${escapeText(a.title)}</h1>` : '') + (a.sapo ? `<p><strong>${escapeText(a.sapo)}</strong></p>` : '') : ''
  const html = heading + renderBodyHtml(body, mediaSrc)
  const blocks: string[] = []
  docFromJSON(body).forEach((node) => blocks.push(blockText(node, a.language)))
  const text = [...(choices.heading ? [a.title, a.sapo] : []), ...blocks].map((s) => s.trim()).filter(Boolean).join('\n\n') + '\n'
  return { html, text }
}

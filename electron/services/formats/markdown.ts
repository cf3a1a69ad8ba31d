/** Markdown with YAML front matter: the shape the drafts-folder sync imports, so export → import round-trips. */
import { defaultMarkdownSerializer, MarkdownSerializer } from 'prosemirror-markdown'
import type { Article } from '../../../shared/article'
import { docFromJSON } from '../../../shared/doc'
import { writeFrontMatter } from './front-matter'

const serializer = new MarkdownSerializer(
  {
    ...defaultMarkdownSerializer.nodes,
    // `&` and `<` as entities, so that text like "<b>" or "&amp;" comes back as the same text, not markup
    text: (state, node) => state.text(node.text!.replace(/&/g, '&amp;').replace(/</g, '&lt;'), !(state as unknown as { inAutolink?: boolean }).inAutolink)
  },
  {
    ...defaultMarkdownSerializer.marks,
    // CommonMark has no underline: inline HTML, which the importer parses through the schema
    underline: { open: '<u>', close: '</u>', mixable: true, expelEnclosingWhitespace: true },
    strike: { open: '~~', close: '~~', mixable: true, expelEnclosingWhitespace: true }
  }
)

export function bodyToMarkdown(body: unknown): string {
  return serializer.serialize(docFromJSON(body))
}

/** Every metadata field in the front matter, the body as CommonMark. */
export function articleToMarkdown(a: Article): string {
  const front: Record<string, unknown> = {
    title: a.title,
    sapo: a.sapo,
    category: a.category,
    tags: a.tags,
    author: a.author,
    source: a.source,
    date: a.date,
    status: a.status,
    related: a.related,
    language: a.language,
    id: a.id,
    created: a.createdAt,
    updated: a.updatedAt
  }
  return writeFrontMatter(front, bodyToMarkdown(a.body) + '\n')
}

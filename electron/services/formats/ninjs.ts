/** IPTC ninjs 2.0 JSON of an article. */
import type { Article } from '../../../shared/article'
import { docFromJSON, docText } from '../../../shared/doc'
import { renderBodyHtml } from '../../../shared/render-html'
import { charCount, wordCount } from '../../../shared/text'

export function articleToNinjs(a: Article): Record<string, unknown> {
  const text = docText(docFromJSON(a.body))
  const ninjs: Record<string, unknown> = {
    $schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_2.0.json',
    uri: `urn:newsdesk:article:${a.id}`,
    type: 'text',
    representationtype: 'complete',
    language: a.language,
    pubstatus: a.status === 'ready' ? 'usable' : 'withheld',
    firstcreated: a.createdAt,
    versioncreated: a.updatedAt,
    ...(a.date ? { contentcreated: a.date } : {}),
    headlines: [{ role: 'main', value: a.title }],
    descriptions: a.sapo ? [{ role: 'summary', contenttype: 'text/plain', value: a.sapo }] : [],
    bodies: [{ role: 'main', contenttype: 'text/html', charcount: charCount(text), wordcount: wordCount(text), value: renderBodyHtml(a.body) }],
    by: a.author,
    subjects: a.category ? [{ name: a.category, rel: 'section' }] : [],
    keywords: a.tags,
    infosources: a.source ? [{ name: a.source, role: 'source' }] : []
  }
  return ninjs
}

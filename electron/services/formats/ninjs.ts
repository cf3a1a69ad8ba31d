/** IPTC ninjs 2.0 JSON of an article. */
import { descriptionOf } from '../../../shared/metadata'
import type { Article } from '../../../shared/article'
import { docFromJSON, docText } from '../../../shared/doc'
import { figuresOf, mediaBesidePage, mediaFileOf, photoRefsOf, PHOTO_TYPES, type PhotoExt } from '../../../shared/media'
import { renderBodyHtml, type MediaSrc } from '../../../shared/render-html'
import { charCount, wordCount } from '../../../shared/text'

/** The article's photos as ninjs associations (the featured one first, named `featureimage`), each with its rendition. */
function associations(a: Article, mediaSrc: MediaSrc): unknown[] {
  const photos = new Map(figuresOf(a.body).map((f) => [f.media, f]))
  return photoRefsOf(a).map((ref, i) => {
    const p = photos.get(ref)
    const ext = mediaFileOf(ref).split('.')[1] as PhotoExt
    return {
      name: ref === a.featuredImage ? 'featureimage' : `photo-${i + 1}`,
      uri: `urn:newsdesk:media:${mediaFileOf(ref)}`,
      type: 'picture',
      ...(p?.caption ? { descriptions: [{ role: 'caption', contenttype: 'text/plain', value: p.caption }] } : {}),
      ...(p?.alt ? { headlines: [{ role: 'alt', value: p.alt }] } : {}),
      ...(p?.credit ? { by: p.credit } : {}),
      renditions: [{ name: 'original', href: mediaSrc(ref), contenttype: PHOTO_TYPES[ext], ...(p?.width ? { width: p.width, height: p.height } : {}) }]
    }
  })
}

export function articleToNinjs(a: Article, mediaSrc: MediaSrc = mediaBesidePage): Record<string, unknown> {
  const doc = docFromJSON(a.body)
  const text = docText(doc)
  const pictures = associations(a, mediaSrc)
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
    descriptions: descriptionOf(a) ? [{ role: 'summary', contenttype: 'text/plain', value: descriptionOf(a) }] : [],
    bodies: [{ role: 'main', contenttype: 'text/html', charcount: charCount(text), wordcount: wordCount(text), value: renderBodyHtml(a.body, mediaSrc) }],
    by: a.author,
    subjects: a.category ? [{ name: a.category, rel: 'section' }] : [],
    keywords: a.tags,
    infosources: a.source ? [{ name: a.source, role: 'source' }] : [],
    ...(pictures.length ? { associations: pictures } : {})
  }
  return ninjs
}

/** Markdown drafts: YAML front matter for metadata, a CommonMark body mapped onto the schema. */
import MarkdownIt from 'markdown-it'
import { readFrontMatter } from '../formats/front-matter'
import { bodyToMarkdown } from '../formats/markdown'
import { parseDate, type ImportedFields } from './fields'
import { blockText, plainBlocks } from '../../../shared/html-blocks'
import { elementToDoc, parseDocument } from './html-doc'
import { mediaImagesToFigures, takePhotos, type PhotoSource } from './photos'
import { takeTrailer } from './trailer'
import { isArticleId } from '../../../shared/article-ids'

// raw HTML is allowed through to the schema parser, which keeps only what the schema knows (e.g. <u>)
const md = new MarkdownIt({ html: true, linkify: false, typographer: false })

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined)
function list(v: unknown): string[] | undefined {
  if (Array.isArray(v)) return v.map((x) => str(x)).filter((x): x is string => x !== undefined)
  if (typeof v === 'string') return v.split(/[,;]/).map((t) => t.trim()).filter(Boolean)
  return undefined
}

export async function importMarkdown(text: string, photos?: PhotoSource): Promise<ImportedFields> {
  // a FrontMatterError is an ImportError: its reason is reported for the file
  const parsed = readFrontMatter(text)
  const data = parsed.data
  const { lines, meta } = takeTrailer(parsed.body.split('\n'))
  const source = lines.join('\n')
  const env: LinkEnv = {}
  const tokens = md.parse(source, env)
  const html = md.renderer.render(tokens, md.options, env)
  const document = parseDocument(html)
  const definitions = unusedDefinitions(source, tokens, env)
  for (const text of definitions) {
    const p = document.createElement('p')
    p.textContent = text
    document.body.append(p)
  }
  // nothing taken out, added or turned into something else: the body is the page as rendered
  const untouched = !definitions.length && !document.querySelector('h1, table, img')
  let title = str(data.title)
  let titleFrom = title === undefined ? undefined : 'the front matter'
  if (title === undefined) {
    const h1 = document.querySelector('h1')
    if (h1) {
      title = blockText(h1)
      titleFrom = 'the first # heading'
      h1.remove()
    }
  }
  const tables = plainBlocks(document.body)
  const remarks = tables ? [`${tables === 1 ? 'a table was' : `${tables} tables were`} flattened (one line per row, cells separated by " | ")`] : []
  if (definitions.length) remarks.push(`${definitions.length} link definition(s) the text does not use kept as text at the end`)
  await takePhotos(document.body as never, photos, remarks)
  const featuredImage = await featuredFrom(str(data.image), photos, remarks)
  const status = data.status === 'ready' || data.status === 'draft' ? data.status : undefined
  return {
    title: title ?? '',
    sapo: str(data.sapo) ?? str(data.summary) ?? str(data.description),
    category: str(data.category) ?? meta.category,
    tags: list(data.tags) ?? meta.tags,
    author: str(data.author) ?? meta.author,
    source: str(data.source) ?? meta.source,
    date: data.date === '' ? '' : parseDate(data.date),
    status,
    related: list(data.related),
    language: str(data.language),
    notes: str(data.notes),
    featuredImage,
    body: canonical(elementToDoc(document.body), untouched ? html : null),
    titleFrom,
    remarks,
    exportOf: isArticleId(data.id) ? data.id : undefined
  }
}

type LinkEnv = { references?: Record<string, { href: string; title: string }> }

/** Blocks that hold other blocks: a definition inside one has lines its map covers but no block inside does. */
const CONTAINERS = new Set(['blockquote_open', 'bullet_list_open', 'ordered_list_open', 'list_item_open'])
/** The quote and list markers before a line's text (`> `, `- `, `1. `, nested or not). */
const CONTAINER_MARKERS = /^(?:[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)))*/

/**
 * Link definitions the text never uses (`[1]: https://vov.vn/… "Nguồn"`, sources listed at the end of a
 * draft or under a quote): CommonMark shows nothing of them, but their author wrote them to be read. Each
 * as the text it was written as (without its quote or list markers), in order. A definition is the only
 * block the parse gives no token for: its lines are the ones no block but a quote or a list covers.
 */
function unusedDefinitions(source: string, tokens: ReturnType<typeof md.parse>, env: LinkEnv): string[] {
  const references = env.references ?? {}
  if (!Object.keys(references).length) return []
  const used = new Set<string>()
  for (const t of tokens) for (const c of t.children ?? []) if (c.type === 'link_open' || c.type === 'image') used.add(String(c.attrGet(c.type === 'image' ? 'src' : 'href') ?? ''))
  const lines = source.split('\n')
  const covered = new Array<boolean>(lines.length).fill(false)
  for (const t of tokens) if (t.map && !CONTAINERS.has(t.type)) covered.fill(true, t.map[0], t.map[1])
  // the lines of each definition: one starts at `[`, its destination or title may follow on the next lines
  const groups: string[][] = []
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i].replace(CONTAINER_MARKERS, '').trim()
    if (covered[i] || !text) continue
    if (text.startsWith('[') || !groups.length) groups.push([])
    groups[groups.length - 1].push(text)
  }
  return groups
    .map((g) => g.join(' '))
    .filter((text) => {
      const label = /^\[((?:[^\]\\]|\\.)+)\]:/.exec(text)?.[1]
      const definition = label === undefined ? undefined : references[md.utils.normalizeReference(label)]
      return definition !== undefined && !used.has(definition.href)
    })
}

/**
 * The body as our own Markdown export gives it back. CommonMark says some things two ways (a space inside
 * or outside a closing `**`, say) and the serializer picks one; taking its pick now makes the first import
 * the fixed point, so a draft that comes back from an export → sync round trip is the same document.
 * `renderedFrom`: the HTML the document was read from, when nothing was taken out of it.
 */
function canonical(doc: ReturnType<typeof elementToDoc>, renderedFrom: string | null): unknown {
  // photos are written naming their store reference, and read back as the figures they were
  const sizes = new Map<string, { width: number | null; height: number | null }>()
  doc.descendants((n) => void (n.type.name === 'figure' && sizes.set(n.attrs.src, { width: n.attrs.width, height: n.attrs.height })))
  const again = md.render(bodyToMarkdown(doc.toJSON(), (ref) => ref))
  // the very page the document was read from, untouched: reading it again would give the same document
  if (again === renderedFrom) return doc.toJSON()
  const body = parseDocument(again).body
  mediaImagesToFigures(body as never, (ref) => sizes.get(ref))
  return elementToDoc(body).toJSON()
}

/** The front matter's `image` (a path beside the draft, as our export writes it): the featured photo. */
async function featuredFrom(image: string | undefined, photos: PhotoSource | undefined, remarks: string[]): Promise<string | undefined> {
  if (!image || !photos) return undefined
  if (/^https?:/i.test(image)) {
    remarks.push(`featured image from the web not fetched: ${image.slice(0, 120)}`)
    return undefined
  }
  const found = await photos.fromPath(image)
  if ('error' in found) {
    remarks.push(`featured image ${image.slice(0, 120)} left out: ${found.error}`)
    return undefined
  }
  return found.media
}

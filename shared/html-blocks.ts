/**
 * HTML made plain for the schema's parser, in a draft imported and in HTML pasted into the editor alike:
 * ProseMirror runs together the words of elements it does not take for blocks ("ĐộiĐiểmHà Nội19", "Trang
 * chủChữ chính") and ends a list at an item that does not start with a paragraph. So a table becomes one
 * paragraph per row, its cells in order separated by " | "; block elements the parser does not know (nav,
 * details, summary…) become divs, a menu a list; a block inside a heading or paragraph becomes a line of
 * it; what stands straight in a list goes in an item, and an item starts with a paragraph. Texts read out
 * for fields (`blockText`) keep the words of two blocks or lines apart too. Word's list paragraphs become
 * lists first (word-lists.ts). Written against the few DOM calls that linkedom (import) and the browser
 * (paste) both have.
 */

import { wordListsAsLists } from './word-lists'

interface DomNode {
  textContent: string | null
  readonly nodeType: number
  readonly nodeName: string
  readonly childNodes: ArrayLike<DomNode> & Iterable<DomNode>
}
interface DomElement extends DomNode {
  readonly ownerDocument: { createElement(tag: 'p' | 'div' | 'li' | 'br' | 'ul'): DomElement; createDocumentFragment(): { appendChild(node: DomElement): unknown } }
  readonly parentElement: DomElement | null
  closest(selector: string): DomElement | null
  querySelectorAll(selector: string): Iterable<DomElement>
  replaceWith(...nodes: never[]): void
  append(...nodes: never[]): void
}

/** Elements that start a line of their own: their words are kept apart from their neighbours'. */
const BLOCKS = new Set(
  'P DIV BR HR LI UL OL MENU DL DT DD TABLE TR TD TH CAPTION H1 H2 H3 H4 H5 H6 HGROUP BLOCKQUOTE PRE FIGURE FIGCAPTION ADDRESS ARTICLE ASIDE SECTION HEADER FOOTER NAV MAIN DETAILS SUMMARY DIALOG SEARCH CENTER FIELDSET LEGEND FORM'.split(' ')
)

/** A table's parts: blocks inside a table, nothing outside one (a browser drops those tags). */
const TABLE_PARTS = new Set(['TR', 'TD', 'TH', 'CAPTION'])

/** A node's text, `edge` where a block starts or ends (a cell of two paragraphs is not one glued word). */
function textOf(node: DomNode, edge: string, inTable = false): string {
  if (node.nodeType === 3) return node.textContent ?? ''
  if (node.nodeType !== 1) return ''
  const within = inTable || node.nodeName.toUpperCase() === 'TABLE'
  let text = ''
  for (const child of node.childNodes) {
    const tag = child.nodeName.toUpperCase()
    const inner = textOf(child, edge, within)
    text += BLOCKS.has(tag) && (within || !TABLE_PARTS.has(tag)) ? edge + inner + edge : inner
  }
  return text
}

/** Whether a node stands inside a table (its cells are blocks there). */
const inATable = (node: unknown) => !!(node as Partial<DomElement>).parentElement?.closest('table')

/** Preformatted text as written, a line break where a block inside it starts or ends. */
export function preformattedText(node: unknown): string {
  return textOf(node as DomNode, '\n', inATable(node))
}

/** A node's text as one line: white space collapsed, the words of two blocks or two lines kept apart ("Hà Nội<br>Đà Nẵng"). */
export function blockText(node: unknown): string {
  return node ? textOf(node as DomNode, ' ', inATable(node)).replace(/\s+/g, ' ').trim() : ''
}

/** A row's cells, and each run of what stands straight in it between them (words, a stray tag) as one more. */
function cellsOf(tr: DomElement): DomNode[] {
  const out: DomNode[] = []
  let run: DomNode[] = []
  const flush = () => {
    if (run.length) out.push({ nodeType: 1, nodeName: 'SPAN', textContent: null, childNodes: run })
    run = []
  }
  for (const node of tr.childNodes) {
    if (/^T[DH]$/.test(node.nodeName.toUpperCase())) (flush(), out.push(node))
    else run.push(node)
  }
  flush()
  return out
}

/** Flatten the tables inside `element` (a table inside a table goes with it); how many there were. */
export function flattenTables(element: unknown): number {
  const root = element as DomElement
  const document = root.ownerDocument
  const tables = [...root.querySelectorAll('table')].filter((t) => !t.parentElement?.closest('table'))
  for (const table of tables) {
    // its own rows (a table inside a cell is that cell's text)
    const trs = [...table.querySelectorAll('tr')].filter((tr) => tr.closest('table') === table)
    // each row's cells (or whatever else stands in the row) in order; then any text outside the rows
    const rows = trs.map((tr) => cellsOf(tr).map(blockText).filter(Boolean).join(' | '))
    // (a line's edge where each row was: the words around it in the table stay apart)
    for (const tr of trs) tr.replaceWith(document.createElement('br') as never)
    const rest = blockText(table)
    if (rest) rows.unshift(rest)
    const kept = rows.filter((r) => r.replace(/[|\s]/g, ''))
    const fragment = document.createDocumentFragment()
    for (const row of kept) {
      const p = document.createElement('p')
      p.textContent = row
      fragment.appendChild(p)
    }
    // (an empty table still stands between the words on either side of it)
    table.replaceWith((kept.length ? fragment : document.createElement('div')) as never)
  }
  return tables.length
}

/** Block elements of HTML that ProseMirror's parser takes for inline ones (it knows div, section, dd…). */
const UNKNOWN_BLOCKS = 'nav, main, details, summary, center, legend, dialog, search, dt'

/** An element replaced by a `tag` holding its content. */
function retag(el: DomElement, tag: 'div' | 'ul'): void {
  const other = el.ownerDocument.createElement(tag)
  other.append(...([...el.childNodes] as never[]))
  el.replaceWith(other as never)
}

/** Read the block elements the parser does not know as divs (their words kept apart), a menu as a list, and a list item outside a list as a div. */
function unknownBlocksAsDivs(root: DomElement): void {
  for (const menu of [...root.querySelectorAll('menu')]) retag(menu, 'ul')
  const strayItems = [...root.querySelectorAll('li')].filter((li) => !/^(UL|OL)$/.test(li.parentElement?.nodeName.toUpperCase() ?? ''))
  for (const el of [...strayItems, ...root.querySelectorAll(UNKNOWN_BLOCKS)]) retag(el, 'div')
}

/** Text blocks of the schema: a block inside one (a div in a heading) becomes its own line of it. */
const TEXTBLOCKS = 'h1, h2, h3, h4, h5, h6, p'

/** Blocks inside a heading or paragraph as lines of it (a line break either side): the schema's text blocks hold no block. */
function blocksInTextblocksAsLines(root: DomElement): void {
  for (const textblock of [...root.querySelectorAll(TEXTBLOCKS)])
    for (const inner of [...textblock.querySelectorAll('*')].filter((el) => BLOCKS.has(el.nodeName.toUpperCase()) && el.nodeName.toUpperCase() !== 'BR' && !TABLE_PARTS.has(el.nodeName.toUpperCase()))) {
      const br = () => root.ownerDocument.createElement('br')
      inner.replaceWith(...([br(), ...inner.childNodes, br()] as never[]))
    }
}

/** What stands straight in a list, outside its items (words, a stray tag), in an item of its own: each run of it one item. */
function strayListContentInItems(root: DomElement): void {
  for (const list of [...root.querySelectorAll('ul, ol')]) {
    let run: DomNode[] = []
    const wrap = () => {
      if (run.some((n) => n.nodeType === 1 || (n.textContent ?? '').trim())) {
        const li = root.ownerDocument.createElement('li')
        ;(run[0] as DomElement).replaceWith(li as never)
        li.append(...(run as never[]))
      }
      run = []
    }
    for (const node of [...list.childNodes]) {
      if (node.nodeName.toUpperCase() === 'LI') wrap()
      else run.push(node)
    }
    wrap()
  }
}

/**
 * A list item that starts with a block other than a paragraph (a heading, a quote, a list) starts with an empty
 * paragraph: the schema's items do, and ProseMirror's parser would otherwise end the list there and run the
 * item's last words into what follows the list.
 */
function itemsStartWithParagraphs(root: DomElement): void {
  for (const li of [...root.querySelectorAll('li')]) {
    const first = [...li.childNodes].find((n) => n.nodeType === 1 || (n.nodeType === 3 && (n.textContent ?? '').trim()))
    const tag = first?.nodeType === 1 ? first.nodeName.toUpperCase() : ''
    if (BLOCKS.has(tag) && tag !== 'P' && tag !== 'BR') (first as DomElement).replaceWith(...([root.ownerDocument.createElement('p'), first] as never[]))
  }
}

/** All of them: tables flattened, unknown blocks as divs, blocks in text blocks as lines, list content in items that start with a paragraph; how many tables there were. */
export function plainBlocks(element: unknown): number {
  const root = element as DomElement
  wordListsAsLists(root)
  const tables = flattenTables(root)
  unknownBlocksAsDivs(root)
  blocksInTextblocksAsLines(root)
  strayListContentInItems(root)
  itemsStartWithParagraphs(root)
  return tables
}

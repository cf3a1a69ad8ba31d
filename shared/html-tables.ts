/**
 * The schema has no table: a table, in a draft imported or in HTML pasted into the editor, becomes one
 * paragraph per row, its cells in order separated by " | " (else ProseMirror would run every cell's words
 * together: "ĐộiĐiểmHà Nội19"). Written against the few DOM calls that linkedom (import) and the
 * browser (paste) both have.
 */

interface TableNode {
  textContent: string | null
  readonly nodeType: number
  readonly nodeName: string
  readonly childNodes: ArrayLike<TableNode> & Iterable<TableNode>
}
interface TableElement extends TableNode {
  readonly ownerDocument: { createElement(tag: 'p'): TableElement; createDocumentFragment(): { appendChild(node: TableElement): unknown } }
  readonly parentElement: TableElement | null
  closest(selector: string): TableElement | null
  querySelectorAll(selector: string): Iterable<TableElement>
  remove(): void
  replaceWith(node: never): void
}

/** Elements that start a line of their own: their words are kept apart from their neighbours'. */
const BLOCKS = new Set(['P', 'DIV', 'BR', 'LI', 'UL', 'OL', 'TABLE', 'TR', 'TD', 'TH', 'CAPTION', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'HR', 'FIGURE', 'FIGCAPTION', 'DL', 'DT', 'DD'])

/** A node's text, a space where a block starts or ends (a cell of two paragraphs is not one glued word). */
function textOf(node: TableNode): string {
  if (node.nodeType === 3) return node.textContent ?? ''
  if (node.nodeType !== 1) return ''
  let text = ''
  for (const child of node.childNodes) text += BLOCKS.has(child.nodeName.toUpperCase()) ? ` ${textOf(child)} ` : textOf(child)
  return text
}

/** Flatten the tables inside `element` (a table inside a table goes with it); how many there were. */
export function flattenTables(element: unknown): number {
  const root = element as TableElement
  const document = root.ownerDocument
  const tables = [...root.querySelectorAll('table')].filter((t) => !t.parentElement?.closest('table'))
  const line = (node: TableNode) => textOf(node).replace(/\s+/g, ' ').trim()
  for (const table of tables) {
    // its own rows (a table inside a cell is that cell's text)
    const trs = [...table.querySelectorAll('tr')].filter((tr) => tr.closest('table') === table)
    // each row's cells (or whatever else stands in the row) in order; then any text outside the rows
    const rows = trs.map((tr) => [...tr.childNodes].map(line).filter(Boolean).join(' | '))
    for (const tr of trs) tr.remove()
    const rest = line(table)
    if (rest) rows.unshift(rest)
    const fragment = document.createDocumentFragment()
    for (const row of rows.filter((r) => r.replace(/[|\s]/g, ''))) {
      const p = document.createElement('p')
      p.textContent = row
      fragment.appendChild(p)
    }
    table.replaceWith(fragment as never)
  }
  return tables.length
}

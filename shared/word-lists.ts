/**
 * Word's lists in its HTML (what it puts on the clipboard, and a page it saves): not <ul> or <ol>, but
 * paragraphs styled `mso-list:l0 level1 lfo1`, each starting with its marker ("·", "o", "§", "1.", "a)")
 * in a span styled `mso-list:Ignore`. Pasted as they are, they become paragraphs that start with a stray
 * "·". Here they become the lists they are, nested by level, numbered when the marker is a number or a
 * letter followed by "." or ")". Written against the DOM calls linkedom (import) and the browser (paste) share.
 */

interface WordNode {
  readonly childNodes: ArrayLike<WordNode>
  textContent: string | null
}
interface WordElement extends WordNode {
  readonly ownerDocument: { createElement(tag: 'ul' | 'ol' | 'li' | 'p'): WordElement }
  readonly previousElementSibling: WordElement | null
  querySelectorAll(selector: string): Iterable<WordElement>
  getAttribute(name: string): string | null
  before(...nodes: never[]): void
  append(...nodes: never[]): void
  remove(): void
}

const LIST_PARAGRAPH = /mso-list:\s*l\d+\s+level(\d+)/i
const MARKER = /mso-list:\s*ignore/i
/** A numbered item's marker: 1. 2) a. iv) (A bullet's is a symbol, or "o" alone.) */
const NUMBERED = /^\(?[0-9a-z]{1,5}[.)]$/i

/** Turn Word's list paragraphs inside `element` into lists. */
export function wordListsAsLists(element: unknown): void {
  const root = element as WordElement
  const doc = root.ownerDocument
  /** The lists open, outermost first, each with its level and its last item. */
  let open: Array<{ list: WordElement; level: number; item: WordElement | null }> = []
  for (const p of [...root.querySelectorAll('p')]) {
    const level = Number(LIST_PARAGRAPH.exec(p.getAttribute('style') ?? '')?.[1] ?? 0)
    if (!level) continue
    const marker = [...p.querySelectorAll('span')].find((span) => MARKER.test(span.getAttribute('style') ?? ''))
    const numbered = NUMBERED.test((marker?.textContent ?? '').replace(/\s+/g, ''))
    marker?.remove()
    // the paragraph goes on the lists open when it comes straight after them
    if (!open.length || p.previousElementSibling !== open[0].list) open = []
    while (open.length && open[open.length - 1].level > level) open.pop()
    const top = open[open.length - 1]
    if (!top || top.level < level) {
      const list = doc.createElement(numbered ? 'ol' : 'ul')
      if (top?.item) top.item.append(list as never)
      else p.before(list as never)
      open.push({ list, level, item: null })
    }
    const current = open[open.length - 1]
    const item = doc.createElement('li')
    const text = doc.createElement('p')
    text.append(...(Array.from(p.childNodes) as never[]))
    item.append(text as never)
    current.list.append(item as never)
    current.item = item
    p.remove()
  }
}

/** Editor commands and queries, tested the way ProseMirror tests its own: documents from builders, `<a>`/`<b>` marking the selection. */
import { builders } from 'prosemirror-test-builder'
import type { Node as PMNode } from 'prosemirror-model'
import { EditorState, NodeSelection, TextSelection, type Command } from 'prosemirror-state'
import { describe, expect, it } from 'vitest'
import { schema } from '../../../shared/schema'
import { clearFormatting, insertHorizontalRule, setLink, toggleBlockquote, toggleHeading, toggleList, toggleStrong } from './commands'
import { commandKeymap, EDITOR_COMMANDS } from './editor-commands'
import { activeLink, isBlockActive, isMarkActive } from './queries'

const b = builders(schema, { p: { nodeType: 'paragraph' }, h2: { nodeType: 'heading', level: 2 }, h3: { nodeType: 'heading', level: 3 }, quote: { nodeType: 'blockquote' }, ul: { nodeType: 'bullet_list' }, ol: { nodeType: 'ordered_list' }, li: { nodeType: 'list_item' }, hr: { nodeType: 'horizontal_rule' }, strong: { markType: 'strong' }, em: { markType: 'em' }, a: { markType: 'link', href: 'https://vov.vn/' } }) as unknown as Record<string, (...content: unknown[]) => PMNode & { tag: Record<string, number> }>
const { doc, p, h2, h3, quote, ul, ol, li, hr, strong, em, a } = b

function stateOf(d: PMNode & { tag: Record<string, number> }): EditorState {
  const { a: from, b: to } = d.tag
  const selection = to === undefined ? (from === undefined ? undefined : TextSelection.create(d, from)) : TextSelection.create(d, from, to)
  return EditorState.create({ doc: d, selection })
}

/** Apply a command: the document after it, or null when it does not apply. */
function apply(command: Command, d: PMNode & { tag: Record<string, number> }): PMNode | null {
  let state = stateOf(d)
  const ok = command(state, (tr) => (state = state.apply(tr)))
  return ok ? state.doc : null
}

describe('marks', () => {
  it('toggles bold on the selection and reports it active', () => {
    expect(apply(toggleStrong, doc(p('một <a>hai<b> ba')))!.eq(doc(p('một ', strong('hai'), ' ba')))).toBe(true)
    expect(apply(toggleStrong, doc(p('một ', strong('<a>hai<b>'), ' ba')))!.eq(doc(p('một hai ba')))).toBe(true)
    expect(isMarkActive(stateOf(doc(p(strong('đậ<a>m')))), schema.marks.strong)).toBe(true)
    expect(isMarkActive(stateOf(doc(p(em('ng<a>hiêng')))), schema.marks.strong)).toBe(false)
  })

  it('clears every mark and turns blocks back into paragraphs', () => {
    expect(apply(clearFormatting, doc(h2('<a>Tít ', strong('đậm'), em(' nghiêng<b>'))))!.eq(doc(p('Tít đậm nghiêng')))).toBe(true)
  })
})

describe('links', () => {
  it('sets a safe link on a selection and refuses an unsafe one or an empty selection', () => {
    expect(apply(setLink('https://vov.vn/'), doc(p('xem <a>tại đây<b>.')))!.eq(doc(p('xem ', a('tại đây'), '.')))).toBe(true)
    expect(apply(setLink('javascript:alert(1)'), doc(p('<a>x<b>')))).toBeNull()
    expect(apply(setLink('https://vov.vn/'), doc(p('x<a>y')))).toBeNull()
  })

  it('removes the whole link around the cursor, and knows the link at the selection', () => {
    expect(apply(setLink(null), doc(p('xem ', a('tại <a>đây'), '.')))!.eq(doc(p('xem tại đây.')))).toBe(true)
    expect(activeLink(stateOf(doc(p(a('li<a>nk')))))).toBe('https://vov.vn/')
    expect(activeLink(stateOf(doc(p('no <a>link'))))).toBeNull()
  })
})

describe('blocks', () => {
  it('toggles a heading level, and back to a paragraph', () => {
    expect(apply(toggleHeading(2), doc(p('Mục<a>')))!.eq(doc(h2('Mục')))).toBe(true)
    expect(apply(toggleHeading(2), doc(h2('Mục<a>')))!.eq(doc(p('Mục')))).toBe(true)
    expect(apply(toggleHeading(3), doc(h2('Mục<a>')))!.eq(doc(h3('Mục')))).toBe(true)
    expect(isBlockActive(stateOf(doc(h3('x<a>'))), schema.nodes.heading, { level: 3 })).toBe(true)
    expect(isBlockActive(stateOf(doc(h3('x<a>'))), schema.nodes.heading, { level: 2 })).toBe(false)
  })

  it('wraps in and lifts out of a quotation', () => {
    expect(apply(toggleBlockquote, doc(p('Lời<a>')))!.eq(doc(quote(p('Lời'))))).toBe(true)
    expect(apply(toggleBlockquote, doc(quote(p('Lời<a>'))))!.eq(doc(p('Lời')))).toBe(true)
  })

  it('wraps in and lifts out of lists', () => {
    expect(apply(toggleList('bullet_list'), doc(p('mục<a>')))!.eq(doc(ul(li(p('mục')))))).toBe(true)
    expect(apply(toggleList('bullet_list'), doc(ul(li(p('mục<a>')))))!.eq(doc(p('mục')))).toBe(true)
    expect(apply(toggleList('ordered_list'), doc(p('một<a>')))!.eq(doc(ol(li(p('một')))))).toBe(true)
  })

  it('inserts a horizontal rule at the cursor', () => {
    const after = apply(insertHorizontalRule, doc(p('trước'), p('<a>')))!
    expect(after.content.child(1).type).toBe(schema.nodes.horizontal_rule)
    expect(doc(hr()).firstChild!.type.name).toBe('horizontal_rule')
    expect(NodeSelection).toBeDefined()
  })
})

describe('the command table in the editor', () => {
  it('binds every editor shortcut of the table, the link and photo ones to their dialogs', () => {
    const asked: string[] = []
    const keys = commandKeymap((id) => void asked.push(id))
    expect(keys['Mod-b']).toBe(EDITOR_COMMANDS.bold.run)
    expect(keys['Shift-Mod-z']).toBe(EDITOR_COMMANDS.redo.run)
    expect(keys['Alt-Mod-2']).toBe(EDITOR_COMMANDS.h2.run)
    expect(keys['Mod-\\']).toBe(EDITOR_COMMANDS.clear.run)
    expect(keys['Backspace']).toBeUndefined()
    expect(keys['Mod-k'](stateOf(doc(p('x'))))).toBe(true)
    expect(keys['Shift-Mod-p'](stateOf(doc(p('x'))))).toBe(true)
    expect(asked).toEqual(['link', 'photo'])
  })
})

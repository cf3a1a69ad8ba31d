/** The editor's plugins: keymaps, history, Markdown-style input rules, drop and gap cursors, paste rules. */
import { baseKeymap, chainCommands, exitCode } from 'prosemirror-commands'
import { dropCursor } from 'prosemirror-dropcursor'
import { gapCursor } from 'prosemirror-gapcursor'
import { history, redo } from 'prosemirror-history'
import { ellipsis, emDash, inputRules, smartQuotes, textblockTypeInputRule, wrappingInputRule } from 'prosemirror-inputrules'
import { keymap } from 'prosemirror-keymap'
import { Fragment, Slice, type Node as PMNode } from 'prosemirror-model'
import { Plugin, type Command } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'
import { liftListItem, sinkListItem, splitListItem } from 'prosemirror-schema-list'
import { schema } from '../../../shared/schema'
import { nfc } from '../../../shared/text'
import { plainBlocks } from '../../../shared/html-blocks'
import { LEGACY_CONVERTERS, legacyEncodingOf, mayBeLegacy } from '../../../shared/proof'
import { loadedSpeller } from '../proof/speller'
import { insertHardBreak } from './commands'
import { commandKeymap, type DialogCommandId } from './editor-commands'

const { nodes } = schema

function rules() {
  return inputRules({
    rules: [
      ...smartQuotes,
      ellipsis,
      emDash,
      textblockTypeInputRule(/^(#{2,4})\s$/, nodes.heading, (m) => ({ level: m[1].length })),
      wrappingInputRule(/^\s*>\s$/, nodes.blockquote),
      wrappingInputRule(/^\s*([-+*])\s$/, nodes.bullet_list),
      wrappingInputRule(/^(\d+)\.\s$/, nodes.ordered_list, (m) => ({ order: +m[1] }), (m, node) => node.childCount + node.attrs.order === +m[1])
    ]
  })
}

/** NFC-normalise every text node of a fragment (pasted or dropped content), converting it from an old encoding if given. */
function nfcFragment(fragment: Fragment, convert: (text: string) => string = (t) => t): Fragment {
  const out: PMNode[] = []
  fragment.forEach((node) => {
    if (node.isText) out.push(schema.text(nfc(convert(node.text!)), node.marks))
    else out.push(node.copy(nfcFragment(node.content, convert)))
  })
  return Fragment.fromArray(out)
}

/** How to convert pasted text typed in the old TCVN3 or VNI fonts (once the dictionary has loaded), if it is. */
function legacyConverter(fragment: Fragment): ((text: string) => string) | undefined {
  const text = fragment.textBetween(0, fragment.size, '\n', ' ')
  const speller = mayBeLegacy(text) ? loadedSpeller() : null
  const encoding = speller && legacyEncodingOf([text], speller)
  return encoding ? LEGACY_CONVERTERS[encoding] : undefined
}

/** Pasted HTML made plain as an imported draft's (parsed in an inert document: nothing in it loads or runs). */
function withPlainBlocks(html: string): string {
  const page = new DOMParser().parseFromString(html, 'text/html')
  plainBlocks(page.body)
  return page.body.innerHTML
}

/**
 * Pasted HTML is parsed through the schema by ProseMirror (nothing outside it survives); we NFC-normalise it,
 * make it plain as an import does (shared/html-blocks: a table row a paragraph, cells separated by " | ";
 * nav, details… as divs), and text from the old TCVN3 or VNI fonts ("ViÖt Nam") comes in as Unicode.
 * Typed text is left alone while typing (IME and Telex/VNI tools must not be disturbed) and normalised by the store on save.
 */
export function pastePlugin(): Plugin {
  return new Plugin({
    props: {
      transformPasted: (slice) => new Slice(nfcFragment(slice.content, legacyConverter(slice.content)), slice.openStart, slice.openEnd),
      transformPastedText: (text) => nfc(text),
      transformPastedHTML: (html) => withPlainBlocks(html.normalize('NFC'))
    }
  })
}

const mac = typeof navigator !== 'undefined' && /Mac|iP(hone|[oa]d)/.test(navigator.platform)

/**
 * Structural keys (lists, line breaks) beside the command table's shortcuts. Backspace and plain keys are
 * left to the browser and ProseMirror's base keymap: Telex/VNI tools (Unikey, EVKey) delete and retype
 * characters with synthetic Backspace presses, so Backspace must only ever delete (an input rule is undone
 * with Ctrl/Cmd+Z instead).
 */
export function structuralKeymap(): Record<string, Command> {
  return {
    // Windows and Linux users also redo with Ctrl+Y
    ...(mac ? {} : { 'Mod-y': redo }),
    'Shift-Enter': chainCommands(exitCode, insertHardBreak),
    'Mod-Enter': chainCommands(exitCode, insertHardBreak),
    Enter: splitListItem(nodes.list_item),
    'Mod-[': liftListItem(nodes.list_item),
    'Mod-]': sinkListItem(nodes.list_item),
    Tab: sinkListItem(nodes.list_item),
    'Shift-Tab': liftListItem(nodes.list_item)
  }
}

/** "Article text…" in an empty body (a decoration: the document itself stays empty). */
export function emptyBodyPlaceholder(text: () => string): Plugin {
  return new Plugin({
    props: {
      decorations(state) {
        const first = state.doc.firstChild
        if (state.doc.childCount !== 1 || !first || first.type.name !== 'paragraph' || first.content.size) return null
        return DecorationSet.create(state.doc, [Decoration.node(0, first.nodeSize, { class: 'empty-body', 'data-placeholder': text() })])
      }
    }
  })
}

/** The editor's plugins; `onDialog` opens what the link and photo shortcuts ask for. */
export function buildPlugins(onDialog: (id: DialogCommandId) => void): Plugin[] {
  return [
    rules(),
    keymap({ ...commandKeymap(onDialog), ...structuralKeymap() }),
    keymap(baseKeymap),
    history({ newGroupDelay: 700 }),
    dropCursor(),
    gapCursor(),
    pastePlugin()
  ]
}

/**
 * Marks laid over the body without touching it (decorations, so IME composition and Telex/VNI retyping are
 * never disturbed): the proofreading problems, underlined, and the find bar's matches, the current one
 * stronger. They follow the text as it is edited until the next check or search replaces them.
 */
import type { Node as PMNode } from 'prosemirror-model'
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state'
import { Mapping } from 'prosemirror-transform'
import { Decoration, DecorationSet } from 'prosemirror-view'

export interface Highlight {
  from: number
  to: number
  /** The CSS class (proof proof-spelling, find-match, find-current). */
  className: string
  title?: string
}

interface HighlightState {
  proof: DecorationSet
  find: DecorationSet
  /** Both, as the view draws them (built when either is replaced, mapped on each edit). */
  all: DecorationSet
  /** The document the problems were last laid on, and the edits since (where its problems are now: see proofRangeNow). */
  proofDoc: PMNode | null
  sinceProof: Mapping
}

export const highlightKey = new PluginKey<HighlightState>('highlights')

const set = (state: EditorState, items: Highlight[]) =>
  DecorationSet.create(
    state.doc,
    items
      .filter((h) => h.from < h.to && h.to <= state.doc.content.size)
      .map((h) => Decoration.inline(h.from, h.to, { class: h.className, ...(h.title ? { title: h.title } : {}) }))
  )

export function highlightsPlugin(): Plugin<HighlightState> {
  return new Plugin<HighlightState>({
    key: highlightKey,
    state: {
      init: () => ({ proof: DecorationSet.empty, find: DecorationSet.empty, all: DecorationSet.empty, proofDoc: null, sinceProof: new Mapping() }),
      apply(tr, value, _old, state) {
        const meta = tr.getMeta(highlightKey) as { proof?: Highlight[]; find?: Highlight[] } | undefined
        if (!meta && !tr.docChanged) return value
        let { proof, find, all, proofDoc, sinceProof } = value
        if (tr.docChanged) {
          proof = proof.map(tr.mapping, tr.doc)
          find = find.map(tr.mapping, tr.doc)
          all = all.map(tr.mapping, tr.doc)
          sinceProof = new Mapping([...sinceProof.maps, ...tr.mapping.maps])
        }
        if (meta?.proof) (proof = set(state, meta.proof)), (proofDoc = state.doc), (sinceProof = new Mapping())
        if (meta?.find) find = set(state, meta.find)
        if (meta) all = DecorationSet.create(state.doc, [...proof.find(), ...find.find()])
        return { proof, find, all, proofDoc, sinceProof }
      }
    },
    props: {
      decorations: (state) => highlightKey.getState(state)!.all
    }
  })
}

/** A transaction that replaces the problems or the matches shown (no change to the document, none to undo). */
export function setHighlights(tr: Transaction, which: 'proof' | 'find', items: Highlight[]): Transaction {
  return tr.setMeta(highlightKey, { [which]: items }).setMeta('addToHistory', false)
}

/**
 * Where a range of `checked` (the document a check found its problems in) is now, after the fixes and the
 * typing since; null when that cannot be known (the problems were not laid on it) or its text is gone.
 */
export function proofRangeNow(state: EditorState, checked: PMNode, from: number, to: number): { from: number; to: number } | null {
  if (state.doc === checked) return { from, to }
  const laid = highlightKey.getState(state)
  if (!laid || laid.proofDoc !== checked) return null
  const start = laid.sinceProof.mapResult(from, 1)
  const end = laid.sinceProof.mapResult(to, -1)
  return start.deleted || end.deleted || end.pos < start.pos ? null : { from: start.pos, to: end.pos }
}

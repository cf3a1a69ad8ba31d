/**
 * Word-level differences of two texts, Vietnamese-aware. Words are syllables, numbers (4.000, 21/2, 7,5)
 * and single punctuation marks; the core comparison is jsdiff's `diffArrays` over those tokens. A change
 * that only touches diacritics or tone-mark placement (hòa→hoà, NFC vs NFD, Da Nang→Đà Nẵng) is marked
 * `diacritics`; a change of a number is marked `number`.
 */
import { diffArrays } from 'diff'
import { fold } from '../text'

export type DiffKind = 'diacritics' | 'number' | 'moved'

export interface DiffOp {
  op: 'equal' | 'insert' | 'delete'
  text: string
  kind?: DiffKind
  /** The change this op belongs to (numbered across the whole comparison), for taking it back or over. */
  change?: number
}

/** Numbers with their separators first (so 4.000 and 21/2 are one word), then letters with their marks, spaces, any other mark. */
const TOKEN = /\d+(?:[.,:/]\d+)*|[\p{L}\p{M}\p{N}]+|\s+|[^\s\p{L}\p{M}\p{N}]/gu

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? []
}

/** Past this many differing tokens the comparison gives up and shows the texts as replaced whole. */
const MAX_EDITS = 20_000

/** What one change (a deleted and an inserted text, either possibly empty) is. */
export function kindOf(removed: string, added: string): DiffKind | undefined {
  if (removed !== added && fold(removed) === fold(added)) return 'diacritics'
  if (/\d/.test(removed) || /\d/.test(added)) return 'number'
  return undefined
}

/**
 * The differences between two texts, as ops in reading order: equal text, and changes, each at most one
 * delete followed by one insert. Changes separated only by a space are shown as one ("xã hội" → "kinh tế"
 * reads better than four alternating words).
 */
export function diffText(before: string, after: string): DiffOp[] {
  if (before === after) return before ? [{ op: 'equal', text: before }] : []
  const a = tokenize(before)
  const b = tokenize(after)
  const parts = diffArrays(a, b, { maxEditLength: MAX_EDITS }) ?? [
    { value: a, removed: true, added: false, count: a.length },
    { value: b, removed: false, added: true, count: b.length }
  ]
  // runs: equal text, or a change (removed + added)
  type Run = { equal: string } | { removed: string; added: string }
  const runs: Run[] = []
  for (const p of parts) {
    const text = p.value.join('')
    const last = runs[runs.length - 1]
    if (!p.added && !p.removed) runs.push({ equal: text })
    else if (last && !('equal' in last)) p.added ? (last.added += text) : (last.removed += text)
    else runs.push(p.added ? { removed: '', added: text } : { removed: text, added: '' })
  }
  // a change, a space, a change → one change
  const merged: Run[] = []
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]
    const prev = merged[merged.length - 1]
    const next = runs[i + 1]
    if ('equal' in run && /^\s+$/.test(run.equal) && prev && !('equal' in prev) && next && !('equal' in next)) {
      prev.removed += run.equal + next.removed
      prev.added += run.equal + next.added
      i++
    } else if (!('equal' in run) && prev && !('equal' in prev)) {
      prev.removed += run.removed
      prev.added += run.added
    } else merged.push('equal' in run ? run : { ...run })
  }
  const ops: DiffOp[] = []
  for (const run of merged) {
    if ('equal' in run) {
      ops.push({ op: 'equal', text: run.equal })
      continue
    }
    const kind = kindOf(run.removed, run.added)
    const extra = kind ? { kind } : {}
    if (run.removed) ops.push({ op: 'delete', text: run.removed, ...extra })
    if (run.added) ops.push({ op: 'insert', text: run.added, ...extra })
  }
  return ops
}

/** Number the changes of `ops` (a delete and the insert right after it are one change), from `next`; returns the next free number. */
export function numberChanges(ops: DiffOp[], next: number): number {
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]
    if (op.op === 'equal') continue
    op.change = next
    if (op.op === 'delete' && ops[i + 1]?.op === 'insert') ops[++i].change = next
    next++
  }
  return next
}

/** The text on one side of ops, with the changes `take` accepts from the new side and the rest from the old. */
export function composeText(ops: readonly DiffOp[], take: (change: number) => boolean): string {
  let out = ''
  for (const op of ops) {
    if (op.op === 'equal') out += op.text
    else if ((op.op === 'insert') === take(op.change ?? -1)) out += op.text
  }
  return out
}

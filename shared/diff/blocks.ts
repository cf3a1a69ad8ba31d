/**
 * The body compared block by block (top-level blocks of the document), then word by word inside a block
 * that changed. A paragraph or heading (or a photo's caption) that kept its kind is compared — and can be
 * taken back — change by change; a list, a quotation or a block whose kind or photo changed is one change.
 * A block found unchanged elsewhere is a move (one change, kind `moved`).
 */
import { diffArrays } from 'diff'
import { schema } from '../schema'
import { diffText, numberChanges, type DiffOp } from './words'

interface JsonNode {
  type: string
  attrs?: Record<string, unknown>
  content?: JsonNode[]
  text?: string
  marks?: unknown[]
}

export interface BlockDiff {
  op: 'equal' | 'insert' | 'delete' | 'change'
  /** The block's node type (paragraph, heading, blockquote, figure, …), the new one when it changed. */
  type: string
  /** Its text (a photo's: its caption), compared word by word. */
  ops: DiffOp[]
  /** When the block is one change as a whole (inserted, deleted, moved, or changed in kind or photo). */
  change?: number
  moved?: boolean
  /** For photos: the photo, credit and alt text on each side. */
  photo?: { before?: PhotoSide; after?: PhotoSide }
  /** The blocks themselves (stored JSON), to build a version from. */
  before?: unknown
  after?: unknown
}
export interface PhotoSide {
  src: string
  credit: string
  alt: string
}

/** A hard break reads as a line break; any other inline leaf (an inline image) as one object character. */
const LEAF = '\uFFFC'
function inlineText(node: JsonNode): string {
  return (node.content ?? []).map((c) => (c.type === 'text' ? (c.text ?? '') : c.type === 'hard_break' ? '\n' : LEAF)).join('')
}
const isTextblock = (n: JsonNode) => !!schema.nodes[n.type]?.isTextblock
/** A block's text: its own inline text, or its textblocks' one per line. */
function blockText(node: JsonNode): string {
  if (isTextblock(node)) return inlineText(node)
  const lines: string[] = []
  const walk = (n: JsonNode) => (isTextblock(n) ? lines.push(inlineText(n)) : n.content?.forEach(walk))
  walk(node)
  return lines.join('\n')
}
function photoOf(node: JsonNode): PhotoSide | undefined {
  if (node.type !== 'figure') return undefined
  const a = node.attrs ?? {}
  return { src: String(a.src ?? ''), credit: String(a.credit ?? ''), alt: String(a.alt ?? '') }
}
const sameAttrs = (a: JsonNode, b: JsonNode) => JSON.stringify(a.attrs ?? {}) === JSON.stringify(b.attrs ?? {})

/** What each character of a textblock carries besides its letter: its marks, or the whole node for an inline leaf. */
function formatting(node: JsonNode): string[] {
  const out: string[] = []
  for (const c of node.content ?? []) {
    const key = c.type === 'text' ? JSON.stringify(c.marks ?? []) : JSON.stringify(c)
    for (let i = 0; i < (c.type === 'text' ? (c.text ?? '').length : 1); i++) out.push(key)
  }
  return out
}
/** Whether the text both blocks share is formatted alike (else the block is one change: taking words apart would mix formatting). */
function sameFormatting(x: JsonNode, y: JsonNode, ops: DiffOp[]): boolean {
  const [fx, fy] = [formatting(x), formatting(y)]
  let [pa, pb] = [0, 0]
  let changes = 0
  for (const op of ops) {
    const n = op.text.length
    if (op.op === 'equal') {
      for (let k = 0; k < n; k++) if (fx[pa + k] !== fy[pb + k]) return false
      pa += n
      pb += n
    } else (changes++, op.op === 'delete' ? (pa += n) : (pb += n))
  }
  return changes > 0
}

/** Compare two bodies (stored JSON); `next` is the first free change number. */
export function diffBlocks(before: unknown, after: unknown, next: number): { blocks: BlockDiff[]; next: number } {
  const a = ((before as JsonNode | null)?.content ?? []) as JsonNode[]
  const b = ((after as JsonNode | null)?.content ?? []) as JsonNode[]
  const keysA = a.map((n) => JSON.stringify(n))
  const keysB = b.map((n) => JSON.stringify(n))
  const parts = diffArrays(keysA, keysB)
  // moves: a removed block found among the added ones, unchanged (and not blank: empty paragraphs are not moved)
  const removedKeys = new Map<string, number>()
  for (const p of parts) if (p.removed) for (const k of p.value) if (blockText(JSON.parse(k) as JsonNode).trim()) removedKeys.set(k, -1)
  const moves = new Map<string, number>()
  for (const p of parts) if (p.added) for (const k of p.value) if (removedKeys.has(k) && !moves.has(k)) moves.set(k, next++)

  const blocks: BlockDiff[] = []
  let ia = 0
  let ib = 0
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]
    if (!p.added && !p.removed) {
      for (let k = 0; k < p.count; k++) {
        const node = b[ib + k]
        blocks.push({ op: 'equal', type: node.type, ops: equalOps(blockText(node)), before: a[ia + k], after: node, photo: samePhoto(node) })
      }
      ia += p.count
      ib += p.count
      continue
    }
    // a removed run and the added run right after it (either may be missing)
    const removed = p.removed ? a.slice(ia, (ia += p.count)) : []
    const addedPart = p.removed && parts[i + 1]?.added ? parts[++i] : p.added ? p : null
    const added = addedPart ? b.slice(ib, (ib += addedPart.count)) : []
    const movedOut = removed.filter((n) => moves.has(JSON.stringify(n)))
    const movedIn = added.filter((n) => moves.has(JSON.stringify(n)))
    const restA = removed.filter((n) => !movedOut.includes(n))
    const restB = added.filter((n) => !movedIn.includes(n))
    // pair what is left, in order; blocks left over are deleted or inserted whole
    const paired = Math.min(restA.length, restB.length)
    const out: BlockDiff[] = []
    for (let k = 0; k < paired; k++) {
      const [x, y] = [restA[k], restB[k]]
      const ops = diffText(blockText(x), blockText(y))
      const photo = photoOf(x) || photoOf(y) ? { before: photoOf(x), after: photoOf(y) } : undefined
      if (x.type === y.type && sameAttrs(x, y) && isTextblock(x) && sameFormatting(x, y, ops)) {
        next = numberChanges(ops, next)
        out.push({ op: 'change', type: y.type, ops, before: x, after: y, photo })
      } else {
        const change = next++
        out.push({ op: 'change', type: y.type, ops: ops.map((o) => (o.op === 'equal' ? o : { ...o, change })), change, before: x, after: y, photo })
      }
    }
    for (const n of removed) {
      if (restA.indexOf(n) >= 0 && restA.indexOf(n) < paired) continue
      const moved = moves.get(JSON.stringify(n))
      out.push(whole('delete', n, moved ?? next++, moved !== undefined))
    }
    for (const n of added) {
      if (restB.indexOf(n) >= 0 && restB.indexOf(n) < paired) continue
      const moved = moves.get(JSON.stringify(n))
      out.push(whole('insert', n, moved ?? next++, moved !== undefined))
    }
    blocks.push(...orderRun(out))
  }
  return { blocks, next }
}

/** Within a run: paired changes first, then deletions, then insertions (as the reader meets them). */
function orderRun(run: BlockDiff[]): BlockDiff[] {
  return [...run.filter((x) => x.op === 'change'), ...run.filter((x) => x.op === 'delete'), ...run.filter((x) => x.op === 'insert')]
}

function equalOps(text: string): DiffOp[] {
  return text ? [{ op: 'equal', text }] : []
}
function samePhoto(node: JsonNode) {
  const p = photoOf(node)
  return p ? { before: p, after: p } : undefined
}
function whole(op: 'insert' | 'delete', node: JsonNode, change: number, moved: boolean): BlockDiff {
  const text = blockText(node)
  const kind = moved ? ({ kind: 'moved' } as const) : {}
  const photo = photoOf(node) ? (op === 'insert' ? { after: photoOf(node) } : { before: photoOf(node) }) : undefined
  return {
    op,
    type: node.type,
    ops: text ? [{ op, text, change, ...kind }] : [],
    change,
    ...(moved ? { moved } : {}),
    photo,
    ...(op === 'insert' ? { after: node } : { before: node })
  }
}

/** The body with the changes `take` accepts from the new side and the others from the old. */
export function composeBlocks(blocks: readonly BlockDiff[], take: (change: number) => boolean): unknown {
  const content: unknown[] = []
  for (const bd of blocks) {
    if (bd.op === 'equal') content.push(bd.after)
    else if (bd.op === 'insert') take(bd.change!) && content.push(bd.after)
    else if (bd.op === 'delete') !take(bd.change!) && content.push(bd.before)
    else if (bd.change !== undefined) content.push(take(bd.change) ? bd.after : bd.before)
    else content.push(composeInline(bd, take))
  }
  return { type: 'doc', content: content.length ? content : [{ type: 'paragraph' }] }
}

/** A textblock changed word by word: each piece of its inline content comes from the side its change is taken from (with its marks). */
function composeInline(bd: BlockDiff, take: (change: number) => boolean): unknown {
  const before = bd.before as JsonNode
  const after = bd.after as JsonNode
  const pieces: JsonNode[] = []
  let pa = 0
  let pb = 0
  for (const op of bd.ops) {
    const n = op.text.length
    if (op.op === 'equal') (pieces.push(...sliceInline(after, pb, pb + n)), (pa += n), (pb += n))
    else if (op.op === 'delete') (!take(op.change!) && pieces.push(...sliceInline(before, pa, pa + n)), (pa += n))
    else (take(op.change!) && pieces.push(...sliceInline(after, pb, pb + n)), (pb += n))
  }
  const content = joinText(pieces)
  const { content: _, ...wrapper } = after
  return content.length ? { ...wrapper, content } : wrapper
}

/** The inline nodes between two offsets of a textblock's text (leaves count as one character). */
function sliceInline(node: JsonNode, from: number, to: number): JsonNode[] {
  const out: JsonNode[] = []
  let pos = 0
  for (const c of node.content ?? []) {
    const len = c.type === 'text' ? (c.text ?? '').length : 1
    const [s, e] = [Math.max(from, pos), Math.min(to, pos + len)]
    if (s < e) out.push(c.type === 'text' ? { ...c, text: c.text!.slice(s - pos, e - pos) } : c)
    pos += len
  }
  return out
}

function joinText(nodes: JsonNode[]): JsonNode[] {
  const out: JsonNode[] = []
  for (const n of nodes) {
    const last = out[out.length - 1]
    if (n.type === 'text' && last?.type === 'text' && JSON.stringify(last.marks ?? []) === JSON.stringify(n.marks ?? [])) out[out.length - 1] = { ...last, text: last.text! + n.text! }
    else out.push(n)
  }
  return out
}

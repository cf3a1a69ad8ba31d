/**
 * Two versions of an article compared field by field: the text fields word by word, tags as a set, the
 * body block by block (see blocks.ts), the other fields as whole values. Every change has a number, so a
 * version can be built that takes some changes from the newer side and leaves the rest (composeArticle):
 * taking back one change of a revision, or merging a sync conflict change by change.
 */
import { EDITABLE_FIELDS, type ArticleFields } from '../article'
import { composeBlocks, diffBlocks, type BlockDiff } from './blocks'
import { composeText, diffText, numberChanges, type DiffKind, type DiffOp } from './words'

export type DiffField = keyof ArticleFields

export interface FieldDiff {
  field: DiffField
  ops: DiffOp[]
  /** The body's blocks (only for `body`). */
  blocks?: BlockDiff[]
}

export interface ArticleDiff {
  /** The fields that differ, in the order of the article's fields (every field with `unchanged`). */
  fields: FieldDiff[]
  /** How many changes there are (numbered 0 … count − 1). */
  count: number
  before: ArticleFields
  after: ArticleFields
}

/** Fields compared word by word. */
const TEXT_FIELDS = new Set<DiffField>(['title', 'sapo', 'category', 'author', 'source', 'notes'])

/** Compare two versions (`before` the older, or the one changes are taken into). */
export function diffArticles(before: ArticleFields, after: ArticleFields, { unchanged = false } = {}): ArticleDiff {
  let next = 0
  const fields: FieldDiff[] = []
  for (const field of EDITABLE_FIELDS) {
    const [x, y] = [before[field], after[field]]
    if (field === 'body') {
      const r = diffBlocks(x, y, next)
      next = r.next
      if (unchanged || r.blocks.some((bd) => bd.op !== 'equal')) fields.push({ field, ops: flatten(r.blocks), blocks: r.blocks })
      continue
    }
    let ops: DiffOp[]
    if (TEXT_FIELDS.has(field)) ops = diffText(String(x ?? ''), String(y ?? ''))
    else if (field === 'related') ops = diffText((x as string[]).join('\n'), (y as string[]).join('\n'))
    else if (field === 'tags') ops = diffTags(x as string[], y as string[])
    else ops = String(x ?? '') === String(y ?? '') ? equal(String(x ?? '')) : [...side('delete', String(x ?? '')), ...side('insert', String(y ?? ''))]
    if (field === 'tags') for (const op of ops) op.op !== 'equal' && (op.change = next++)
    else next = numberChanges(ops, next)
    if (unchanged || ops.some((o) => o.op !== 'equal')) fields.push({ field, ops })
  }
  return { fields, count: next, before, after }
}

const equal = (text: string): DiffOp[] => (text ? [{ op: 'equal', text }] : [])
const side = (op: 'insert' | 'delete', text: string): DiffOp[] => (text ? [{ op, text }] : [])

/** Tags as a set: kept (in the new order), removed, added. A tag whose spelling changed only in its marks counts as kept by normaliseTags, so it is compared exactly here. */
function diffTags(before: string[], after: string[]): DiffOp[] {
  const had = new Set(before)
  const has = new Set(after)
  return [
    ...after.map((t): DiffOp => (had.has(t) ? { op: 'equal', text: t } : { op: 'insert', text: t })),
    ...before.filter((t) => !has.has(t)).map((t): DiffOp => ({ op: 'delete', text: t }))
  ]
}

/** The body's ops in reading order, blocks separated by a blank line. */
function flatten(blocks: readonly BlockDiff[]): DiffOp[] {
  const out: DiffOp[] = []
  blocks.forEach((bd, i) => {
    if (i > 0) out.push({ op: 'equal', text: '\n\n' })
    out.push(...bd.ops)
  })
  return out
}

/** The article with the changes `take` accepts from `after` and the others from `before`. */
export function composeArticle(diff: ArticleDiff, take: (change: number) => boolean): ArticleFields {
  const out = { ...diff.after } as Record<DiffField, unknown>
  for (const fd of diff.fields) {
    const f = fd.field
    if (f === 'body') out.body = composeBlocks(fd.blocks!, take)
    else if (f === 'tags') out.tags = fd.ops.filter((o) => (o.op === 'equal' ? true : (o.op === 'insert') === take(o.change!))).map((o) => o.text)
    else if (f === 'related') out.related = composeText(fd.ops, take).split('\n').filter(Boolean)
    else if (TEXT_FIELDS.has(f)) out[f] = composeText(fd.ops, take)
    else {
      const changed = fd.ops.find((o) => o.change !== undefined)
      out[f] = changed && !take(changed.change!) ? diff.before[f] : diff.after[f]
    }
  }
  return out as ArticleFields
}

/** Each change once: its field, what it removed and added, and its kind (for summaries such as an update note). */
export interface ChangeSummary {
  change: number
  field: DiffField
  removed: string
  added: string
  kind?: DiffKind
}
export function changesOf(diff: ArticleDiff): ChangeSummary[] {
  const byId = new Map<number, ChangeSummary>()
  for (const fd of diff.fields) {
    for (const op of fd.ops) {
      if (op.change === undefined || op.op === 'equal') continue
      const c = byId.get(op.change) ?? { change: op.change, field: fd.field, removed: '', added: '', ...(op.kind ? { kind: op.kind } : {}) }
      if (op.op === 'delete') c.removed += (c.removed ? ' ' : '') + op.text
      else c.added += (c.added ? ' ' : '') + op.text
      byId.set(op.change, c)
    }
    // a block changed only in its kind, formatting or photo has no changed words, and is a change all the same
    for (const b of fd.blocks ?? []) if (b.change !== undefined && !byId.has(b.change)) byId.set(b.change, { change: b.change, field: fd.field, removed: '', added: '' })
  }
  return [...byId.values()].sort((a, b) => a.change - b.change)
}

/** `newsdesk diff`: which versions to compare, and the difference as a terminal shows it. */
import type { ArticleFields } from '../../shared/article'
import { editableFields } from '../../shared/article'
import { EXPORT_FORMATS, REVISION_ID, type ExportFormat } from '../../shared/contract'
import type { ArticleDiff, DiffOp } from '../../shared/diff'
import { NotFoundError, ValidationError } from '../services/errors'
import type { ArticleStore } from '../services/store'

const FORMATS: readonly ExportFormat[] = EXPORT_FORMATS

/**
 * A version named on the command line: `current`, `previous` (the newest revision), a revision id as
 * `newsdesk revisions` lists it, or `exported` / `exported:FORMAT` (the article as last exported).
 */
export async function versionOf(store: ArticleStore, id: string, spec: string): Promise<{ name: string; article: ArticleFields }> {
  if (spec === 'current') return { name: 'current', article: editableFields(await store.get(id)) }
  if (spec === 'previous') {
    const newest = (await store.revisionsOf(id))[0]
    if (!newest) throw new NotFoundError(`Article ${id} has no earlier version`)
    return { name: newest.id, article: editableFields(await store.readRevision(id, newest.id)) }
  }
  const exported = /^exported(?::(.+))?$/.exec(spec)
  if (exported) {
    const format = exported[1] as ExportFormat | undefined
    if (format !== undefined && !FORMATS.includes(format)) throw new ValidationError(`--from exported:${format.slice(0, 20)}: the format must be ${FORMATS.join(', ')}`)
    return { name: spec, article: editableFields(await store.exportedVersion(id, format)) }
  }
  if (!REVISION_ID.test(spec)) throw new ValidationError(`"${spec.slice(0, 60)}" is not a version: give a revision (newsdesk revisions ${id}), current, previous or exported`)
  return { name: spec, article: editableFields(await store.readRevision(id, spec)) }
}

const ANSI = { del: '\x1b[31;9m', ins: '\x1b[32m', number: '\x1b[1;4m', dim: '\x1b[2m', off: '\x1b[0m' }

/** Ops as one line of text: on a terminal deletions red and struck, insertions green, numbers bold; else git's word-diff marks `[-…-]{+…+}`. */
function opsLine(ops: readonly DiffOp[], colour: boolean): string {
  return ops
    .map((o) => {
      if (o.op === 'equal') return o.text
      const strong = o.kind === 'number'
      if (!colour) return o.op === 'delete' ? `[-${o.text}-]` : `{+${o.text}+}`
      return (strong ? ANSI.number : '') + (o.op === 'delete' ? ANSI.del : ANSI.ins) + o.text + ANSI.off
    })
    .join('')
}

/** The difference for reading: each changed field, and for the body each changed paragraph (moves and photo changes said). */
export function printDiff(from: string, to: string, diff: ArticleDiff, colour: boolean): string {
  const head = (text: string) => (colour ? `${ANSI.dim}── ${text}${ANSI.off}` : `── ${text}`)
  const out = [`${from} → ${to}`]
  if (!diff.fields.length) return out.concat('(no difference)').join('\n') + '\n'
  for (const f of diff.fields) {
    out.push(head(f.field))
    if (!f.blocks) {
      out.push(opsLine(f.ops, colour))
      continue
    }
    f.blocks.forEach((b, i) => {
      if (b.op === 'equal') return
      const what = b.moved ? (b.op === 'delete' ? ' (moved from here)' : ' (moved here)') : b.op === 'change' && b.photo && b.photo.before?.src !== b.photo.after?.src ? ' (photo changed)' : b.op === 'change' && b.photo && b.photo.before?.credit !== b.photo.after?.credit ? ` (credit: ${b.photo.before?.credit ?? ''} → ${b.photo.after?.credit ?? ''})` : ''
      out.push(`¶${i + 1}${what} ${opsLine(b.ops, colour)}`)
    })
  }
  return out.join('\n') + '\n'
}

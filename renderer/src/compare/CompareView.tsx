/**
 * Two versions of an article, compared (shared/diff): inline, in the article's own typography, with
 * deletions struck and insertions marked, or side by side with the blocks aligned. Numbers that changed are
 * marked strongly and listed first; tone-mark-only changes can be hidden. Each change can carry one action
 * (take it back, take it from the file) — the dialogs around say which.
 */
import { Fragment, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { changesOf, type ArticleDiff, type BlockDiff, type DiffOp, type FieldDiff } from '../../../shared/diff'
import { mediaUrl } from '../editor/photos'

export interface ChangeAction {
  /** The button's label for this change (e.g. "Take back"); its state when it is a toggle. */
  label: string
  pressed?: (change: number) => boolean
  run: (change: number) => void
}

interface Props {
  /** Best computed with `unchanged: true`, so that the title, lead and every paragraph show. */
  diff: ArticleDiff
  /** The two sides' names ("Version of 10:32", "Now"). */
  names: { before: string; after: string }
  action?: ChangeAction
}

type Side = 'both' | 'before' | 'after'

export function CompareView({ diff, names, action }: Props) {
  const { t } = useTranslation()
  const [layout, setLayout] = useState<'inline' | 'side'>('inline')
  const [hideDiacritics, setHideDiacritics] = useState(false)
  const changes = changesOf(diff)
  const numbers = changes.filter((c) => c.kind === 'number')
  const diacritics = changes.filter((c) => c.kind === 'diacritics').length
  const shown = { hideDiacritics, action }
  // the title and lead always (they say which article this is), other fields when they changed
  const fields = diff.fields.filter((f) => f.field !== 'body' && (f.field === 'title' || f.field === 'sapo' || f.ops.some((o) => o.op !== 'equal')))
  const body = diff.fields.find((f) => f.field === 'body')
  return (
    <div className={`compare-view layout-${layout}`} data-testid="compare-view">
      <div className="compare-toolbar">
        <span data-testid="compare-summary">
          {changes.length === 0 ? t('compare.none') : t('compare.changes', { count: changes.length })}
          {diacritics > 0 && ` · ${t('compare.diacriticsCount', { count: diacritics })}`}
        </span>
        <span className="spacer" />
        <label className="inline-check">
          <input type="checkbox" checked={hideDiacritics} onChange={(e) => setHideDiacritics(e.target.checked)} disabled={!diacritics} />
          {t('compare.hideDiacritics')}
        </label>
        <div role="radiogroup" aria-label={t('compare.layout')} className="segmented">
          {(['inline', 'side'] as const).map((l) => (
            <button key={l} type="button" role="radio" aria-checked={layout === l} onClick={() => setLayout(l)}>
              {t(`compare.${l}`)}
            </button>
          ))}
        </div>
      </div>
      {numbers.length > 0 && (
        <p className="compare-numbers" data-testid="compare-numbers">
          <strong>{t('compare.numbers')}</strong>{' '}
          {numbers.map((c, i) => (
            <Fragment key={c.change}>
              {i > 0 && '; '}
              {c.removed && <del>{c.removed}</del>}
              {c.removed && c.added && ' → '}
              {c.added && <ins>{c.added}</ins>}
            </Fragment>
          ))}
        </p>
      )}
      <div className="compare-scroll">
        {layout === 'side' && (
          <div className="compare-row compare-heads">
            <h3>{names.before}</h3>
            <h3>{names.after}</h3>
          </div>
        )}
        {fields.map((f) => (
          <FieldRow key={f.field} field={f} layout={layout} shown={shown} />
        ))}
        {body?.blocks?.map((b, i) => (
          <BlockRow key={i} block={b} layout={layout} shown={shown} />
        ))}
      </div>
    </div>
  )
}

interface Shown {
  hideDiacritics: boolean
  action?: ChangeAction
}

const FIELD_LABEL: Record<string, string> = {
  title: 'editor.title',
  sapo: 'editor.sapo',
  category: 'meta.category',
  tags: 'meta.tags',
  author: 'meta.author',
  source: 'meta.source',
  date: 'meta.date',
  status: 'meta.status',
  related: 'related.title',
  language: 'compare.language',
  notes: 'meta.notes',
  featuredImage: 'compare.featuredImage'
}

function FieldRow({ field, layout, shown }: { field: FieldDiff; layout: 'inline' | 'side'; shown: Shown }) {
  const { t } = useTranslation()
  const cls = `compare-field field-${field.field}`
  const label = <span className="compare-label">{t(FIELD_LABEL[field.field] ?? field.field)}</span>
  const content = (side: Side) => (field.field === 'tags' ? <Tags ops={field.ops} side={side} shown={shown} /> : <Ops ops={field.ops} side={side} shown={shown} />)
  if (layout === 'inline')
    return (
      <div className={cls}>
        {label}
        <div className="compare-text">{content('both')}</div>
      </div>
    )
  return (
    <div className="compare-row">
      <div className={cls}>
        {label}
        <div className="compare-text">{content('before')}</div>
      </div>
      <div className={cls}>
        {label}
        <div className="compare-text">{content('after')}</div>
      </div>
    </div>
  )
}

function Tags({ ops, side, shown }: { ops: DiffOp[]; side: Side; shown: Shown }) {
  return (
    <span className="compare-tags">
      {ops.map((o, i) => {
        if ((side === 'before' && o.op === 'insert') || (side === 'after' && o.op === 'delete')) return null
        const chip = o.op === 'equal' ? <span className="tag">{o.text}</span> : o.op === 'insert' ? <ins className="tag">{o.text}</ins> : <del className="tag">{o.text}</del>
        return (
          <span key={i}>
            {chip}
            {o.change !== undefined && side !== 'before' && <ActionButton change={o.change} text={o.text} shown={shown} />}
          </span>
        )
      })}
    </span>
  )
}

/** Ops as text: equal text plain, deletions struck, insertions marked; a change's action after its last op. */
function Ops({ ops, side, shown, withActions = true }: { ops: DiffOp[]; side: Side; shown: Shown; withActions?: boolean }) {
  const out: ReactNode[] = []
  ops.forEach((o, i) => {
    const hidden = shown.hideDiacritics && o.kind === 'diacritics'
    if (o.op === 'equal') out.push(o.text)
    else if (o.op === 'delete') {
      if (side === 'after' || (hidden && side === 'both')) return
      out.push(side === 'before' && hidden ? o.text : <del key={i} className={o.kind ? `kind-${o.kind}` : undefined}>{o.text}</del>)
    } else {
      if (side === 'before') return
      out.push(hidden ? o.text : <ins key={i} className={o.kind ? `kind-${o.kind}` : undefined}>{o.text}</ins>)
    }
    const last = o.change !== undefined && ops[i + 1]?.change !== o.change
    if (withActions && last && side !== 'before' && !hidden) out.push(<ActionButton key={`a${i}`} change={o.change!} text={o.text} shown={shown} />)
  })
  return <>{out}</>
}

function ActionButton({ change, text, shown }: { change: number; text: string; shown: Shown }) {
  const action = shown.action
  if (!action) return null
  const pressed = action.pressed?.(change)
  return (
    <button
      type="button"
      className="change-action"
      aria-pressed={pressed}
      title={action.label}
      aria-label={`${action.label}: ${text.slice(0, 60)}`}
      data-change={change}
      onClick={() => action.run(change)}
    >
      {pressed ? '✓' : '↶'}
    </button>
  )
}

const ELEMENT: Record<string, string> = { paragraph: 'p', blockquote: 'blockquote', bullet_list: 'div', ordered_list: 'div', horizontal_rule: 'hr', figure: 'figure' }
function elementOf(block: BlockDiff, side: 'before' | 'after'): string {
  const node = (side === 'after' ? (block.after ?? block.before) : (block.before ?? block.after)) as { attrs?: { level?: number } } | undefined
  return block.type === 'heading' ? `h${node?.attrs?.level ?? 2}` : (ELEMENT[block.type] ?? 'p')
}

function BlockRow({ block, layout, shown }: { block: BlockDiff; layout: 'inline' | 'side'; shown: Shown }) {
  if (layout === 'inline') return <Block block={block} side="both" shown={shown} />
  return (
    <div className="compare-row">
      {block.op === 'insert' ? <div className="block-gap" /> : <Block block={block} side="before" shown={shown} />}
      {block.op === 'delete' ? <div className="block-gap" /> : <Block block={block} side="after" shown={shown} />}
    </div>
  )
}

function Block({ block, side, shown }: { block: BlockDiff; side: Side; shown: Shown }) {
  const { t } = useTranslation()
  const Tag = elementOf(block, side === 'before' ? 'before' : 'after') as 'p'
  const whole = block.change !== undefined
  const cls = ['compare-block', `block-${block.op}`, block.moved ? 'block-moved' : '', whole && block.op === 'change' && block.ops.every((o) => o.op === 'equal') ? 'block-format' : ''].filter(Boolean).join(' ')
  const photoChanged = block.op === 'change' && block.photo?.before && block.photo.after
  const note = block.moved
    ? t(block.op === 'delete' ? 'compare.movedFrom' : 'compare.movedTo')
    : photoChanged && block.photo!.before!.src !== block.photo!.after!.src
      ? t('compare.photoReplaced')
      : photoChanged && (block.photo!.before!.credit !== block.photo!.after!.credit || block.photo!.before!.alt !== block.photo!.after!.alt)
        ? t('compare.photoDetails')
        : cls.includes('block-format')
          ? t('compare.formatting')
          : null
  if (block.type === 'horizontal_rule') return <hr className={cls} />
  const photo = block.photo
  const before = photo?.before
  const after = photo?.after
  return (
    <div className={cls}>
      {note && <span className="block-note">{note}</span>}
      {photo && (
        <div className="compare-photos">
          {side !== 'after' && before && (side === 'before' || before.src !== after?.src) && <img src={mediaUrl(before.src)} alt={before.alt} className={after && before.src !== after.src ? 'photo-old' : undefined} />}
          {side !== 'before' && after && <img src={mediaUrl(after.src)} alt={after.alt} />}
        </div>
      )}
      <Tag className={block.type === 'figure' ? 'figcaption' : undefined}>
        <Ops ops={block.ops} side={side} shown={shown} withActions={!whole} />
      </Tag>
      {photo && (before?.credit || after?.credit) && <Credit before={before?.credit ?? ''} after={after?.credit ?? ''} side={side} />}
      {whole && side !== 'before' && block.ops.length + (photo ? 1 : 0) > 0 && <ActionButton change={block.change!} text={block.ops.map((o) => o.text).join('')} shown={shown} />}
    </div>
  )
}

function Credit({ before, after, side }: { before: string; after: string; side: Side }) {
  const { t } = useTranslation()
  const value = before === after ? before : null
  return (
    <p className="compare-credit">
      {t('compare.credit')}{' '}
      {value ?? (
        <>
          {side !== 'after' && before && <del>{before}</del>} {side !== 'before' && after && <ins>{after}</ins>}
        </>
      )}
    </p>
  )
}

/** Formatting toolbar with active states; every button is labelled and reachable by keyboard. */
import { redo, redoDepth, undo, undoDepth } from 'prosemirror-history'
import type { Command, EditorState } from 'prosemirror-state'
import { useTranslation } from 'react-i18next'
import { schema } from '../../../shared/schema'
import {
  clearFormatting,
  insertHorizontalRule,
  toggleBlockquote,
  toggleEm,
  toggleHeading,
  toggleList,
  toggleStrike,
  toggleStrong,
  toggleUnderline
} from './commands'
import { activeLink, isBlockActive, isMarkActive } from './queries'

interface Props {
  state: EditorState | null
  run: (command: Command) => void
  onLink: () => void
  disabled?: boolean
}

export function Toolbar({ state, run, onLink, disabled }: Props) {
  const { t } = useTranslation()
  const { marks, nodes } = schema
  const button = (key: string, label: string, text: string, command: Command | null, active = false, onClick?: () => void) => (
    <button
      key={key}
      type="button"
      className={active ? 'tool active' : 'tool'}
      aria-pressed={active}
      title={label}
      disabled={disabled || !state || (command !== null && !command(state))}
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => (onClick ? onClick() : command && run(command))}
      data-tool={key}
    >
      <span aria-hidden="true">{text}</span>
      <span className="sr-only">{label}</span>
    </button>
  )
  const s = state
  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      {button('bold', t('toolbar.bold'), 'B', toggleStrong, !!s && isMarkActive(s, marks.strong))}
      {button('italic', t('toolbar.italic'), 'I', toggleEm, !!s && isMarkActive(s, marks.em))}
      {button('underline', t('toolbar.underline'), 'U', toggleUnderline, !!s && isMarkActive(s, marks.underline))}
      {button('strike', t('toolbar.strike'), 'S', toggleStrike, !!s && isMarkActive(s, marks.strike))}
      {button('link', t('toolbar.link'), '↗', null, !!s && activeLink(s) !== null, onLink)}
      <span className="sep" />
      {button('h2', t('toolbar.h2'), 'H2', toggleHeading(2), !!s && isBlockActive(s, nodes.heading, { level: 2 }))}
      {button('h3', t('toolbar.h3'), 'H3', toggleHeading(3), !!s && isBlockActive(s, nodes.heading, { level: 3 }))}
      {button('quote', t('toolbar.quote'), '❝', toggleBlockquote, !!s && isBlockActive(s, nodes.blockquote))}
      {button('bullet', t('toolbar.bullet'), '•', toggleList('bullet_list'), !!s && isBlockActive(s, nodes.bullet_list))}
      {button('ordered', t('toolbar.ordered'), '1.', toggleList('ordered_list'), !!s && isBlockActive(s, nodes.ordered_list))}
      {button('rule', t('toolbar.rule'), '―', insertHorizontalRule)}
      <span className="sep" />
      {button('undo', t('toolbar.undo'), '↶', undo, false)}
      {button('redo', t('toolbar.redo'), '↷', redo, false)}
      {button('clear', t('toolbar.clear'), 'T̸', clearFormatting)}
      <span className="sr-only" aria-live="polite">
        {s ? `${undoDepth(s)}/${redoDepth(s)}` : ''}
      </span>
    </div>
  )
}

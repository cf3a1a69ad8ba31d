/** Formatting toolbar with active states, built from the command table; every button is labelled with its shortcut. */
import { redoDepth, undoDepth } from 'prosemirror-history'
import type { Command, EditorState } from 'prosemirror-state'
import { useTranslation } from 'react-i18next'
import { EDITOR_COMMANDS, TOOLBAR, type DialogCommandId } from './editor-commands'
import { useCommandLabel } from '../commands/labels'

interface Props {
  state: EditorState | null
  run: (command: Command) => void
  onDialog: (id: DialogCommandId) => void
  disabled?: boolean
}

export function Toolbar({ state, run, onDialog, disabled }: Props) {
  const { t } = useTranslation()
  const label = useCommandLabel()
  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      {TOOLBAR.map((id, i) => {
        if (id === '|') return <span key={`sep-${i}`} className="sep" />
        const { run: command, active, glyph } = EDITOR_COMMANDS[id]
        const on = !!state && !!active?.(state)
        const text = label(id)
        return (
          <button
            key={id}
            type="button"
            className={on ? 'tool active' : 'tool'}
            aria-pressed={on}
            title={text}
            disabled={disabled || !state || (command !== null && !command(state))}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => (command ? run(command) : onDialog(id as DialogCommandId))}
            data-tool={id}
          >
            <span aria-hidden="true">{glyph}</span>
            <span className="sr-only">{text}</span>
          </button>
        )
      })}
      <span className="sr-only" aria-live="polite">
        {state ? `${undoDepth(state)}/${redoDepth(state)}` : ''}
      </span>
    </div>
  )
}

/**
 * Keys and menu choices, one path each: the page's keydown handler and main's menu clicks both end in the
 * command table. App commands run on the desk; editor commands run on the open article's body.
 */
import { useEffect } from 'react'
import { COMMANDS, matchesAccelerator, type AppCommandId, type EditorCommandId } from '../../../shared/commands'
import { api } from '../api'
import { useDesk } from '../app/desk-store'
import { isMac } from './labels'

const APP_COMMANDS = COMMANDS.filter((c): c is Extract<(typeof COMMANDS)[number], { scope: 'app' }> => c.scope === 'app')

/** The app command a keydown gives, if any. */
export function appCommandOf(e: KeyboardEvent): AppCommandId | null {
  return APP_COMMANDS.find((c) => matchesAccelerator(e, c.accelerator, isMac))?.id ?? null
}

/** Wire the page's shortcuts and main's 'command' events; `runEditor` runs an editor command on the open body. */
export function useCommands(runEditor: (id: EditorCommandId) => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const command = appCommandOf(e)
      if (!command) return
      e.preventDefault()
      useDesk.getState().run(command)
    }
    // leaving the window saves what is pending; quitting goes through the 'quit' command (main waits for it)
    const flush = () => void useDesk.getState().flushEditor()
    window.addEventListener('keydown', onKey)
    window.addEventListener('blur', flush)
    window.addEventListener('beforeunload', flush)
    const off = api.on('command', (command) => {
      const desk = useDesk.getState()
      if (command === 'quit') void desk.quit()
      else if (APP_COMMANDS.some((c) => c.id === command)) desk.run(command as AppCommandId)
      else runEditor(command as EditorCommandId)
    })
    return () => {
      window.removeEventListener('keydown', onKey)
      window.removeEventListener('blur', flush)
      window.removeEventListener('beforeunload', flush)
      off()
    }
  }, [runEditor])
}

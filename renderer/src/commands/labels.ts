/** A command's name as the UI shows it: translated, with its shortcut for this platform ("Đậm (Ctrl+B)"). */
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { commandSpec, shortcutLabel, type CommandId } from '../../../shared/commands'

export const isMac = typeof navigator !== 'undefined' && /Mac|iP(hone|[oa]d)/.test(navigator.platform)

export function useCommandLabel(): (id: CommandId) => string {
  const { t } = useTranslation()
  return useCallback(
    (id: CommandId) => {
      const spec = commandSpec(id)
      const name = t(spec.label)
      return spec.accelerator ? `${name} (${shortcutLabel(spec.accelerator, isMac)})` : name
    },
    [t]
  )
}

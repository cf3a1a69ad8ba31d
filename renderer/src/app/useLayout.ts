/** Pane widths and collapsed panes, remembered between sessions. */
import { useCallback, useState } from 'react'

export interface Layout {
  listWidth: number
  sideWidth: number
  listCollapsed: boolean
  sideCollapsed: boolean
}

const KEY = 'newsdesk.layout'
const DEFAULT: Layout = { listWidth: 320, sideWidth: 380, listCollapsed: false, sideCollapsed: false }

function load(): Layout {
  try {
    return { ...DEFAULT, ...JSON.parse(localStorage.getItem(KEY) ?? '{}') }
  } catch {
    return DEFAULT
  }
}

export function useLayout() {
  const [layout, setLayout] = useState<Layout>(load)
  const update = useCallback((patch: Partial<Layout>) => {
    setLayout((prev) => {
      const next = { ...prev, ...patch }
      next.listWidth = Math.max(200, Math.min(640, next.listWidth))
      next.sideWidth = Math.max(260, Math.min(900, next.sideWidth))
      localStorage.setItem(KEY, JSON.stringify(next))
      return next
    })
  }, [])
  return [layout, update] as const
}

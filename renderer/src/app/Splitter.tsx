/** A draggable, keyboard-operable divider between two panes. */
import { useTranslation } from 'react-i18next'

interface Props {
  value: number
  /** +1 when dragging right makes the pane wider, -1 when it makes it narrower. */
  direction: 1 | -1
  onChange: (value: number) => void
  label: string
  area: string
}

export function Splitter({ value, direction, onChange, label, area }: Props) {
  const { t } = useTranslation()
  return (
    <div
      className="splitter"
      style={{ gridArea: area }}
      role="separator"
      aria-orientation="vertical"
      aria-label={`${label} — ${t('layout.resize')}`}
      aria-valuenow={value}
      tabIndex={0}
      onKeyDown={(e) => {
        if (e.key === 'ArrowLeft') onChange(value - 16 * direction)
        if (e.key === 'ArrowRight') onChange(value + 16 * direction)
      }}
      onPointerDown={(e) => {
        const start = e.clientX
        const el = e.currentTarget
        el.setPointerCapture(e.pointerId)
        const move = (ev: PointerEvent) => onChange(value + (ev.clientX - start) * direction)
        const up = () => {
          el.removeEventListener('pointermove', move)
          el.removeEventListener('pointerup', up)
        }
        el.addEventListener('pointermove', move)
        el.addEventListener('pointerup', up)
      }}
    />
  )
}

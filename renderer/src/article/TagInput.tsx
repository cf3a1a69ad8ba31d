/** Tags as chips: Enter or comma adds, Backspace on an empty field removes the last, duplicates refused (folded). */
import { useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { fold } from '../../../shared/text'

interface Props {
  tags: string[]
  suggestions: string[]
  onChange: (tags: string[]) => void
  disabled?: boolean
}

export function TagInput({ tags, suggestions, onChange, disabled }: Props) {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  const [active, setActive] = useState(-1)
  const id = useId()
  const listId = `${id}-suggestions`

  const matches = useMemo(() => {
    const q = fold(text.trim())
    if (!q) return []
    const have = new Set(tags.map(fold))
    return suggestions.filter((s) => !have.has(fold(s)) && fold(s).includes(q)).slice(0, 8)
  }, [text, suggestions, tags])

  /** Add several tags at once (a pasted "a, b, c"): one change, so none of them is lost. */
  const addAll = (raws: string[]) => {
    const next = [...tags]
    let duplicate: string | null = null
    for (const raw of raws) {
      const tag = raw.normalize('NFC').replace(/\s+/g, ' ').trim()
      if (!tag) continue
      if (next.some((x) => fold(x) === fold(tag))) duplicate = tag
      else next.push(tag)
    }
    setMessage(duplicate ? t('meta.duplicateTag', { tag: duplicate }) : null)
    if (next.length !== tags.length) onChange(next)
    setText('')
  }
  const add = (raw: string) => addAll([raw])

  return (
    <div className="tag-input">
      <ul className="chips" aria-label={t('meta.tags')}>
        {tags.map((tag) => (
          <li key={tag} className="chip">
            {tag}
            <button type="button" disabled={disabled} aria-label={t('meta.removeTag', { tag })} onClick={() => onChange(tags.filter((x) => x !== tag))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        id={id + '-field'}
        aria-label={t('meta.tags')}
        data-testid="tag-field"
        role="combobox"
        aria-expanded={matches.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
        value={text}
        disabled={disabled}
        placeholder={t('meta.tagsPlaceholder')}
        onChange={(e) => {
          setActive(-1)
          const v = e.target.value
          if (/[,;\n]/.test(v)) {
            const parts = v.split(/[,;\n]/)
            const rest = parts.pop()!
            addAll(parts)
            setText(rest)
          } else setText(v)
        }}
        onPaste={(e) => {
          // a pasted list ("a, b, c") becomes that many tags at once
          const pasted = e.clipboardData.getData('text/plain')
          if (!/[,;\n]/.test(pasted)) return
          e.preventDefault()
          addAll((text + pasted).split(/[,;\n]/))
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && matches.length) {
            e.preventDefault()
            setActive((a) => (a + 1) % matches.length)
          } else if (e.key === 'ArrowUp' && matches.length) {
            e.preventDefault()
            setActive((a) => (a <= 0 ? matches.length - 1 : a - 1))
          } else if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
            e.preventDefault()
            add(active >= 0 && matches[active] ? matches[active] : text)
            setActive(-1)
          } else if (e.key === 'Backspace' && text === '' && tags.length > 0) {
            onChange(tags.slice(0, -1))
          }
        }}
        onBlur={() => text.trim() && add(text)}
      />
      {matches.length > 0 && (
        <ul id={listId} role="listbox" className="suggestions" aria-label={t('meta.tags')}>
          {matches.map((m, i) => (
            <li
              key={m}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault()
                add(m)
              }}
            >
              {m}
            </li>
          ))}
        </ul>
      )}
      {message && (
        <p className="field-error" role="alert">
          {message}
        </p>
      )}
    </div>
  )
}

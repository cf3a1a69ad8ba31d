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
  const id = useId()
  const listId = `${id}-suggestions`

  const matches = useMemo(() => {
    const q = fold(text.trim())
    if (!q) return []
    const have = new Set(tags.map(fold))
    return suggestions.filter((s) => !have.has(fold(s)) && fold(s).includes(q)).slice(0, 8)
  }, [text, suggestions, tags])

  const add = (raw: string) => {
    const tag = raw.normalize('NFC').replace(/\s+/g, ' ').trim()
    if (!tag) return
    if (tags.some((x) => fold(x) === fold(tag))) {
      setMessage(t('meta.duplicateTag', { tag }))
      return
    }
    setMessage(null)
    onChange([...tags, tag])
    setText('')
  }

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
        list={listId}
        value={text}
        disabled={disabled}
        placeholder={t('meta.tagsPlaceholder')}
        onChange={(e) => {
          const v = e.target.value
          if (v.includes(',')) {
            v.split(',').slice(0, -1).forEach(add)
            setText(v.slice(v.lastIndexOf(',') + 1))
          } else setText(v)
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
            e.preventDefault()
            add(text)
          } else if (e.key === 'Backspace' && text === '' && tags.length > 0) {
            onChange(tags.slice(0, -1))
          }
        }}
        onBlur={() => text.trim() && add(text)}
      />
      <datalist id={listId}>
        {matches.map((m) => (
          <option key={m} value={m} />
        ))}
      </datalist>
      {message && (
        <p className="field-error" role="alert">
          {message}
        </p>
      )}
    </div>
  )
}

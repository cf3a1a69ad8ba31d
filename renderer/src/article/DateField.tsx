/**
 * The article's date as journalists type it (`20/2/2023`, `20022023`, "hôm nay"…), shown in the UI
 * language's format; a date that cannot be (31/02, year 22023) is refused with the reason, and the date
 * stays what it was until a valid one is given.
 */
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDate, parseDateInput, type UiLanguage } from '../../../shared/dates'

interface Props {
  value: string
  disabled?: boolean
  onChange: (iso: string) => void
}

export function DateField({ value, disabled, onChange }: Props) {
  const { t, i18n } = useTranslation()
  const language: UiLanguage = i18n.language === 'vi' ? 'vi' : 'en'
  const [text, setText] = useState(() => formatDate(value, language))
  const [error, setError] = useState<string | null>(null)
  // another article, or the language, changes what is shown
  useEffect(() => {
    setText(formatDate(value, language))
    setError(null)
  }, [value, language])

  const commit = () => {
    const parsed = parseDateInput(text)
    if (!parsed.ok) return setError(t(`meta.dateError.${parsed.reason}`))
    setError(null)
    setText(formatDate(parsed.iso, language))
    if (parsed.iso !== value) onChange(parsed.iso)
  }

  return (
    <>
      <input
        id="meta-date"
        type="text"
        inputMode="numeric"
        value={text}
        disabled={disabled}
        placeholder={t('meta.datePlaceholder')}
        aria-invalid={!!error}
        aria-describedby={error ? 'meta-date-error' : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') (e.preventDefault(), commit())
        }}
      />
      {error && (
        <p id="meta-date-error" className="field-error" role="alert">
          {error}
        </p>
      )}
    </>
  )
}

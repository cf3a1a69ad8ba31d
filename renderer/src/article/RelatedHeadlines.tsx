/**
 * The related headlines ("Tin liên quan") under the sapo: each one editable in place, removable, and a new
 * one added with Enter (several at once when pasted one per line). Drafts bring them; export prints them
 * after the article.
 */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'

interface Props {
  value: string[]
  disabled?: boolean
  onChange: (related: string[]) => void
}

export function RelatedHeadlines({ value, disabled, onChange }: Props) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState('')
  const set = (i: number, text: string) => onChange(value.map((r, k) => (k === i ? text : r)))
  /** Each line a headline (a list copied from a CMS or a page comes in whole). */
  const addLines = (text: string) => {
    const lines = text.split(/\r?\n|\r/).map((l) => l.trim()).filter(Boolean)
    if (lines.length) onChange([...value, ...lines])
    setDraft('')
  }
  const add = () => addLines(draft)
  return (
    <section className="related" aria-label={t('related.title')}>
      <h3>{t('related.title')}</h3>
      <ul>
        {value.map((r, i) => (
          <li key={i}>
            <input value={r} disabled={disabled} aria-label={t('related.item', { n: i + 1 })} onChange={(e) => set(i, e.target.value)} />
            <button type="button" disabled={disabled} aria-label={t('related.remove', { title: r })} onClick={() => onChange(value.filter((_, k) => k !== i))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        className="related-new"
        value={draft}
        disabled={disabled}
        placeholder={t('related.add')}
        aria-label={t('related.add')}
        onChange={(e) => setDraft(e.target.value)}
        onPaste={(e) => {
          // several lines pasted: that many headlines (an input would run them into one)
          const pasted = e.clipboardData.getData('text/plain')
          if (!/[\r\n]/.test(pasted.trim())) return
          e.preventDefault()
          addLines(draft + pasted)
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.nativeEvent.isComposing) (e.preventDefault(), add())
        }}
        onBlur={add}
      />
    </section>
  )
}

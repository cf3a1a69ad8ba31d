/** Category, tags, author, source, date, status and the article's language, with inline validation in the UI's language. */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DateField } from './DateField'
import { readinessProblems, STATUSES, type ArticleFields } from '../../../shared/article'
import type { Suggestions } from '../../../shared/contract'
import { TagInput } from './TagInput'

export type MetaFields = Pick<ArticleFields, 'title' | 'sapo' | 'category' | 'tags' | 'author' | 'source' | 'date' | 'status' | 'notes' | 'featuredImage' | 'related' | 'language'>

/** The languages offered for an article (a draft may bring another, kept and shown by its tag). */
const LANGUAGES = ['vi', 'en'] as const

interface Props {
  fields: MetaFields
  /** The journalist has left the title field empty (only then is "a title is needed" said). */
  titleLeftEmpty?: boolean
  suggestions: Suggestions
  disabled?: boolean
  onChange: (patch: Partial<MetaFields>) => void
  onAddCategory: (name: string) => void
}

export function MetadataForm({ fields, titleLeftEmpty, suggestions, disabled, onChange, onAddCategory }: Props) {
  const { t } = useTranslation()
  const [adding, setAdding] = useState(false)
  const [newCategory, setNewCategory] = useState('')
  // Marking an article ready is refused until it has what a ready article needs; the reasons show inline.
  const [wantReady, setWantReady] = useState(false)
  const problems = fields.status === 'ready' || wantReady ? readinessProblems(fields) : titleLeftEmpty && !fields.title.trim() ? (['title'] as const) : []
  const problem = (key: string) => (problems as readonly string[]).includes(key)
  const categories = suggestions.categories.includes(fields.category) || !fields.category ? suggestions.categories : [fields.category, ...suggestions.categories]

  return (
    <form className="meta-form" aria-label={t('meta.heading')} onSubmit={(e) => e.preventDefault()}>
      <h2>{t('meta.heading')}</h2>
      {problem('title') && (
        <p className="field-error" role="alert">
          {t('meta.required.title')}
        </p>
      )}
      <label htmlFor="meta-category">{t('meta.category')}</label>
      <div className="row">
        <select
          id="meta-category"
          value={fields.category}
          disabled={disabled}
          aria-invalid={problem('category')}
          onChange={(e) => (e.target.value === '\u0000add' ? setAdding(true) : onChange({ category: e.target.value }))}
        >
          <option value="">{t('meta.chooseCategory')}</option>
          {categories.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
          <option value={'\u0000add'}>{t('meta.addCategory')}</option>
        </select>
      </div>
      {adding && (
        <div className="row">
          <input
            aria-label={t('meta.newCategory')}
            placeholder={t('meta.newCategory')}
            autoFocus
            value={newCategory}
            onChange={(e) => setNewCategory(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && newCategory.trim()) {
                e.preventDefault()
                onAddCategory(newCategory.trim())
                onChange({ category: newCategory.trim().normalize('NFC') })
                setAdding(false)
                setNewCategory('')
                document.getElementById('meta-category')?.focus()
              } else if (e.key === 'Escape') {
                // Esc gives up, and the focus goes back to the list of categories
                e.preventDefault()
                setAdding(false)
                document.getElementById('meta-category')?.focus()
              }
            }}
          />
        </div>
      )}
      {problem('category') && <p className="field-error">{t('meta.required.category')}</p>}

      <label>{t('meta.tags')}</label>
      <TagInput tags={fields.tags} suggestions={suggestions.tags} disabled={disabled} onChange={(tags) => onChange({ tags })} />

      <label htmlFor="meta-author">{t('meta.author')}</label>
      <input id="meta-author" list="authors" value={fields.author} disabled={disabled} aria-invalid={problem('byline')} onChange={(e) => onChange({ author: e.target.value })} />
      <datalist id="authors">
        {suggestions.authors.slice(0, 50).map((a) => (
          <option key={a} value={a} />
        ))}
      </datalist>

      <label htmlFor="meta-source">{t('meta.source')}</label>
      <input id="meta-source" list="sources" value={fields.source} disabled={disabled} aria-invalid={problem('byline')} onChange={(e) => onChange({ source: e.target.value })} />
      <datalist id="sources">
        {suggestions.sources.slice(0, 50).map((a) => (
          <option key={a} value={a} />
        ))}
      </datalist>
      {problem('byline') && <p className="field-error">{t('meta.required.byline')}</p>}

      <label htmlFor="meta-date">{t('meta.date')}</label>
      <DateField value={fields.date} disabled={disabled} onChange={(date) => onChange({ date })} />

      <label htmlFor="meta-status">{t('meta.status')}</label>
      <select id="meta-status" value={fields.status} disabled={disabled} onChange={(e) => {
          const status = e.target.value as MetaFields['status']
          setWantReady(status === 'ready')
          if (status === 'ready' && readinessProblems(fields).length > 0) return
          onChange({ status })
        }}>
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`status.${s}`)}
          </option>
        ))}
      </select>
      {problem('sapo') && <p className="field-error">{t('meta.required.sapo')}</p>}

      <label htmlFor="meta-language">{t('meta.language')}</label>
      <select id="meta-language" value={fields.language} disabled={disabled} onChange={(e) => onChange({ language: e.target.value })}>
        {(LANGUAGES as readonly string[]).includes(fields.language) ? null : <option value={fields.language}>{fields.language}</option>}
        {LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {t(`meta.languages.${l}`)}
          </option>
        ))}
      </select>

      <label htmlFor="meta-notes">{t('meta.notes')}</label>
      <textarea id="meta-notes" rows={3} value={fields.notes} disabled={disabled} placeholder={t('meta.notesHint')} onChange={(e) => onChange({ notes: e.target.value })} />
    </form>
  )
}

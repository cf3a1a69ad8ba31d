/**
 * The title and sapo of an article being made: on screen the moment "new article" is asked for, with the
 * focus on the title, so that what the journalist types goes into the new article while the store creates
 * it (and never into the article that was open, or onto the button that was pressed). Enter in the title
 * goes on to the sapo, as in the editor, which takes both over once the article has loaded.
 */
import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'
import { useDesk, type PendingArticleFields } from '../app/desk-store'

/** The two fields, as the editor shows them. */
const FIELDS = [
  { name: 'title', rows: 1, next: 'article-sapo' },
  { name: 'sapo', rows: 3, next: null }
] as const

export function PendingArticle() {
  const { t } = useTranslation()
  const pending = useDesk((s) => s.pending) ?? { title: '', sapo: '', focus: 'title' as const }
  const update = (patch: Partial<PendingArticleFields>) => useDesk.setState((s) => ({ pending: s.pending && { ...s.pending, ...patch } }))
  return (
    <>
      <main className="editor-pane" aria-busy="true">
        <div className="page">
          {FIELDS.map(({ name, rows, next }) => (
            <Fragment key={name}>
              <label htmlFor={`article-${name}`} className="sr-only">{t(`editor.${name}`)}</label>
              <textarea
                id={`article-${name}`}
                className={`${name}-field`}
                rows={rows}
                autoFocus={pending.focus === name}
                value={pending[name]}
                placeholder={t(`editor.${name}Placeholder`)}
                // a title is one line; the sapo keeps what is typed
                onChange={(e) => update({ [name]: name === 'title' ? e.target.value.replace(/\n/g, ' ') : e.target.value })}
                onFocus={(e) => {
                  e.currentTarget.setSelectionRange(e.currentTarget.value.length, e.currentTarget.value.length)
                  update({ focus: name })
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && next) (e.preventDefault(), document.getElementById(next)?.focus())
                }}
              />
            </Fragment>
          ))}
        </div>
      </main>
      <aside className="side-pane" />
      <footer className="status-bar" />
    </>
  )
}

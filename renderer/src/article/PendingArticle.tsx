/**
 * The title and sapo of an article being made: on screen the moment "new article" is asked for, with the
 * focus on the title, so that what the journalist types goes into the new article while the store creates
 * it (and never into the article that was open, or onto the button that was pressed). Enter in the title
 * goes on to the sapo, as in the editor, which takes both over once the article has loaded.
 */
import { useTranslation } from 'react-i18next'
import { useDesk, type PendingArticleFields } from '../app/desk-store'

export function PendingArticle() {
  const { t } = useTranslation()
  const pending = useDesk((s) => s.pending) ?? { title: '', sapo: '', focus: 'title' as const }
  const update = (patch: Partial<PendingArticleFields>) => useDesk.setState((s) => ({ pending: s.pending && { ...s.pending, ...patch } }))
  const caretAtEnd = (el: HTMLTextAreaElement) => el.setSelectionRange(el.value.length, el.value.length)
  return (
    <>
      <main className="editor-pane" aria-busy="true">
        <div className="page">
          <label htmlFor="article-title" className="sr-only">{t('editor.title')}</label>
          <textarea
            id="article-title"
            className="title-field"
            rows={1}
            autoFocus={pending.focus === 'title'}
            value={pending.title}
            placeholder={t('editor.titlePlaceholder')}
            onChange={(e) => update({ title: e.target.value.replace(/\n/g, ' ') })}
            onFocus={(e) => (caretAtEnd(e.currentTarget), update({ focus: 'title' }))}
            onKeyDown={(e) => {
              if (e.key === 'Enter') (e.preventDefault(), document.getElementById('article-sapo')?.focus())
            }}
          />
          <label htmlFor="article-sapo" className="sr-only">{t('editor.sapo')}</label>
          <textarea
            id="article-sapo"
            className="sapo-field"
            rows={3}
            autoFocus={pending.focus === 'sapo'}
            value={pending.sapo}
            placeholder={t('editor.sapoPlaceholder')}
            onChange={(e) => update({ sapo: e.target.value })}
            onFocus={(e) => (caretAtEnd(e.currentTarget), update({ focus: 'sapo' }))}
          />
        </div>
      </main>
      <aside className="side-pane" />
      <footer className="status-bar" />
    </>
  )
}

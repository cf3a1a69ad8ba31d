/**
 * "Soát bài": the open article's problems by field, each with its fixes — a suggestion in one click, every
 * problem of that kind at once, the word into the personal dictionary, or ignore it in this article.
 */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useDesk } from '../app/desk-store'
import { suggestionsFor } from './useProofreading'
import { PROOF_FIELDS, type Problem, type ProofRule } from '../../../shared/proof'

interface Props {
  problems: Problem[]
  open: boolean
  onToggle: (open: boolean) => void
  onFix: (p: Problem, replacement: string) => void
  onFixAll: (rule: ProofRule) => void
  onAddWord: (word: string) => void
  onIgnore: (p: Problem) => void
  onShow: (p: Problem) => void
}

const FIELDS = [...PROOF_FIELDS, 'category'] as const

/** Spelling problems given their suggestions at once (each asks the dictionary for ~10 ms); the others on a click. */
const SUGGEST_FIRST = 8
/** Problems listed per field (a page of foreign text is hundreds; the count says how many there are). */
const MAX_LISTED = 200

export function ProofPanel({ problems, open, onToggle, onFix, onFixAll, onAddWord, onIgnore, onShow }: Props) {
  const { t } = useTranslation()
  const toneStyle = useDesk((s) => s.proofSettings.toneStyle)
  const [asked, setAsked] = useState<ReadonlySet<string>>(new Set())
  const spellingOrder = problems.filter((p) => p.rule === 'spelling')
  const suggestions = (p: Problem) => (p.rule !== 'spelling' ? p.suggestions : open && (spellingOrder.indexOf(p) < SUGGEST_FIRST || asked.has(p.text)) ? suggestionsFor(p, toneStyle) : null)
  const fixable = (rule: ProofRule) => problems.filter((p) => p.rule === rule && p.suggestions.length).length
  return (
    <details className="proof-panel" open={open} onToggle={(e) => onToggle((e.target as HTMLDetailsElement).open)} data-testid="proof-panel">
      <summary>{t('proof.title', { count: problems.length })}</summary>
      {!open ? null : problems.length === 0 ? (
        <p className="muted">{t('proof.none')}</p>
      ) : (
        FIELDS.filter((f) => problems.some((p) => p.field === f)).map((field) => (
          <section key={field} aria-label={t(`proof.field.${field}`)}>
            <h4>{t(`proof.field.${field}`)}</h4>
            <ul>
              {problems
                .filter((p) => p.field === field)
                .slice(0, MAX_LISTED)
                .map((p, i) => (
                  <li key={`${p.rule}-${p.from}-${i}`} className={`proof-item proof-${p.rule}`}>
                    <button type="button" className="link-button proof-where" onClick={() => onShow(p)} title={t('proof.show')}>
                      <span className="proof-rule">{t(`proof.rule.${p.rule}`)}</span> {p.text && <q>{p.text.length > 40 ? p.text.slice(0, 40) + '…' : p.text}</q>}
                    </button>
                    <span className="proof-message">{p.message}</span>
                    <span className="proof-actions">
                      {suggestions(p) === null && (
                        <button type="button" onClick={() => setAsked(new Set([...asked, p.text]))}>
                          {t('proof.suggest')}
                        </button>
                      )}
                      {(suggestions(p) ?? []).slice(0, 3).map((s) => (
                        <button key={s} type="button" className="proof-fix" onClick={() => onFix(p, s)} aria-label={t('proof.fixTo', { text: s })}>
                          {s.length > 30 ? s.slice(0, 30) + '…' : s}
                        </button>
                      ))}
                      {p.suggestions.length > 0 && fixable(p.rule) > 1 && (
                        <button type="button" onClick={() => onFixAll(p.rule)}>
                          {t('proof.fixAll', { count: fixable(p.rule) })}
                        </button>
                      )}
                      {p.rule === 'spelling' && (
                        <button type="button" onClick={() => onAddWord(p.text)}>
                          {t('proof.addWord')}
                        </button>
                      )}
                      {p.text && (
                        <button type="button" onClick={() => onIgnore(p)}>
                          {t('proof.ignore')}
                        </button>
                      )}
                    </span>
                  </li>
                ))}
            </ul>
          </section>
        ))
      )}
    </details>
  )
}

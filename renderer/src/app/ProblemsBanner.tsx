/** Damaged files found by the store: moved aside, never lost, and said so. */
import { useTranslation } from 'react-i18next'
import type { StoreProblem } from '../../../shared/contract'

export function ProblemsBanner({ problems, onDismiss }: { problems: StoreProblem[]; onDismiss: () => void }) {
  const { t } = useTranslation()
  if (problems.length === 0) return null
  return (
    <div className="problems" role="alert" data-testid="problems">
      <strong>{t('problems.title')}</strong>
      <ul>
        {problems.map((p) => (
          <li key={p.movedTo}>
            <code>{p.file}</code>: {p.problem} → <code>{p.movedTo}</code>
          </li>
        ))}
      </ul>
      <button type="button" onClick={onDismiss}>{t('problems.dismiss')}</button>
    </div>
  )
}

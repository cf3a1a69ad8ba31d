/** The header: list and side panes, articles/trash, new article, export controls, language, settings. */
import { useTranslation } from 'react-i18next'
import { api } from '../api'
import { useCommandLabel } from '../commands/labels'
import { pickLanguage, setLanguage, type UiLanguage } from '../i18n'
import { useDesk } from './desk-store'
import { reportError } from './errors'
import { FormatPicker } from './ExportPanel'
import type { Layout } from './useLayout'

export async function applyLanguage(lang: 'auto' | UiLanguage): Promise<void> {
  await setLanguage(pickLanguage(lang, (await api.appInfo()).locale))
}

export function Header({ layout, setLayout }: { layout: Layout; setLayout: (patch: Partial<Layout>) => void }) {
  const { t, i18n } = useTranslation()
  const label = useCommandLabel()
  const desk = useDesk()
  const trash = !!desk.query.trash
  const changeLanguage = (lang: UiLanguage) => void api.updateSettings({ language: lang }).then(() => applyLanguage(lang)).catch(reportError)
  return (
    <header className="app-header">
      <button type="button" className="icon" aria-label={t('layout.collapseList')} aria-pressed={!layout.listCollapsed} onClick={() => setLayout({ listCollapsed: !layout.listCollapsed })}>
        ☰
      </button>
      <h1>{t('app.name')}</h1>
      <div className="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={!trash} onClick={() => desk.showTrash(false)}>
          {t('list.articles')}
        </button>
        <button type="button" role="tab" aria-selected={trash} onClick={() => desk.showTrash(true)}>
          {t('list.trash')}
        </button>
      </div>
      <button type="button" className="primary" onClick={() => desk.run('new-article')} title={label('new-article')}>
        + {t('list.new')}
      </button>
      {trash && (
        <button type="button" className="danger" onClick={() => void desk.emptyTrash()}>
          {t('trash.empty')}
        </button>
      )}
      <div className="spacer" />
      {desk.exportProgress && (
        <div className="export-progress" role="status">
          <label htmlFor="export-progress">{t('export.progress', desk.exportProgress)}</label>
          <progress id="export-progress" max={desk.exportProgress.total} value={desk.exportProgress.done} />
          <button type="button" onClick={desk.stopExport}>
            {t('export.stop')}
          </button>
        </div>
      )}
      <FormatPicker value={desk.exportFormat} onChange={desk.setExportFormat} keepRemoteImages={desk.keepRemoteImages} onKeepRemoteImages={desk.setKeepRemoteImages} embedPhotos={desk.embedPhotos} onEmbedPhotos={desk.setEmbedPhotos} />
      <button type="button" onClick={() => desk.run('export')} disabled={!desk.selectedId} title={label('export')}>
        {t('export.one')}
      </button>
      <button type="button" onClick={() => void desk.exportList()}>
        {desk.checked.size ? t('export.checked', { count: desk.checked.size }) : t('export.list')}
      </button>
      {desk.checked.size > 0 && (
        <button type="button" onClick={desk.clearChecked}>
          {t('list.uncheck')}
        </button>
      )}
      <label className="lang">
        <span className="sr-only">{t('settings.language')}</span>
        <select aria-label={t('settings.language')} value={i18n.language} onChange={(e) => changeLanguage(e.target.value as UiLanguage)}>
          <option value="vi">{t('settings.vi')}</option>
          <option value="en">{t('settings.en')}</option>
        </select>
      </label>
      <button type="button" className="icon" aria-label={t('settings.open')} title={t('settings.open')} onClick={() => desk.openSettings(true)}>
        ⚙
      </button>
      <button type="button" className="icon" aria-label={t('layout.collapseSide')} aria-pressed={!layout.sideCollapsed} onClick={() => setLayout({ sideCollapsed: !layout.sideCollapsed })}>
        ◨
      </button>
    </header>
  )
}

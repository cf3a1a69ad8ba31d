/** Settings: interface language, theme, default source for new articles, the category list, photos (size limit, clean-up), copy for the CMS, proofreading. */
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Settings } from '../../../shared/settings'
import { api } from '../api'
import { reportError } from './errors'
import { applyTheme, savedTheme, type Theme } from './theme'
import { Modal } from './Modal'

interface Props {
  onClose: () => void
  onSaved: (settings: Settings) => void
}

export function SettingsDialog({ onClose, onSaved }: Props) {
  const { t } = useTranslation()
  const [settings, setSettings] = useState<Settings | null>(null)
  const [categories, setCategories] = useState('')
  const [dictionary, setDictionary] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [cleaned, setCleaned] = useState<string | null>(null)
  const [theme, setTheme] = useState<Theme>(savedTheme)
  useEffect(() => {
    void api.settings().then((s) => {
      setSettings(s)
      setCategories(s.categories.join('\n'))
      setDictionary(s.proof.personalDictionary.join('\n'))
    }, reportError)
  }, [])
  if (!settings) return null

  const save = async (e: React.FormEvent) => {
    e.preventDefault()
    try {
      const saved = await api.updateSettings({
        language: settings.language,
        defaultSource: settings.defaultSource,
        maxPhotoMB: settings.maxPhotoMB,
        copyHeading: settings.copyHeading,
        copyCredits: settings.copyCredits,
        proof: { ...settings.proof, personalDictionary: dictionary.split('\n').map((w) => w.trim()).filter(Boolean) },
        categories: categories.split('\n').map((c) => c.trim()).filter(Boolean)
      })
      applyTheme(theme)
      onSaved(saved)
    } catch (err) {
      setError((err as Error).message)
    }
  }

  return (
    <Modal onClose={onClose} labelledBy="settings-title">
      <form className="dialog" onSubmit={save}>
        <h2 id="settings-title">{t('settings.title')}</h2>
        <label htmlFor="settings-language">{t('settings.language')}</label>
        <select id="settings-language" value={settings.language} onChange={(e) => setSettings({ ...settings, language: e.target.value as Settings['language'] })}>
          <option value="auto">{t('settings.auto')}</option>
          <option value="vi">{t('settings.vi')}</option>
          <option value="en">{t('settings.en')}</option>
        </select>
        <label htmlFor="settings-theme">{t('settings.theme')}</label>
        <select id="settings-theme" value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
          <option value="system">{t('settings.themeSystem')}</option>
          <option value="light">{t('settings.themeLight')}</option>
          <option value="dark">{t('settings.themeDark')}</option>
        </select>
        <label htmlFor="settings-source">{t('settings.defaultSource')}</label>
        <input id="settings-source" value={settings.defaultSource} onChange={(e) => setSettings({ ...settings, defaultSource: e.target.value })} />
        <label htmlFor="settings-categories">{t('settings.categories')}</label>
        <textarea id="settings-categories" rows={8} value={categories} onChange={(e) => setCategories(e.target.value)} />
        <label htmlFor="settings-max-photo">{t('settings.maxPhotoMB')}</label>
        <input
          id="settings-max-photo"
          type="number"
          min={1}
          max={500}
          value={settings.maxPhotoMB}
          onChange={(e) => setSettings({ ...settings, maxPhotoMB: Math.max(1, Math.min(500, Math.round(Number(e.target.value) || 1))) })}
        />
        <fieldset className="settings-group">
          <legend>{t('settings.copyTitle')}</legend>
          <label className="inline-check">
            <input type="checkbox" checked={settings.copyHeading} onChange={(e) => setSettings({ ...settings, copyHeading: e.target.checked })} />
            {t('settings.copyHeading')}
          </label>
          <label className="inline-check">
            <input type="checkbox" checked={settings.copyCredits} onChange={(e) => setSettings({ ...settings, copyCredits: e.target.checked })} />
            {t('settings.copyCredits')}
          </label>
        </fieldset>
        <fieldset className="settings-group proof-settings">
          <legend>{t('settings.proofTitle')}</legend>
          {(
            [
              ['titleMaxChars', 'settings.titleMax', 10, 1000],
              ['sapoMaxWords', 'settings.sapoMax', 5, 1000],
              ['bodyMinWords', 'settings.bodyMin', 0, 100000],
              ['bodyMaxWords', 'settings.bodyMax', 10, 100000]
            ] as const
          ).map(([key, label, min, max]) => (
            <label key={key} className="settings-number">
              {t(label)}
              <input type="number" min={min} max={max} value={settings.proof[key]} onChange={(e) => setSettings({ ...settings, proof: { ...settings.proof, [key]: Math.max(min, Math.min(max, Math.round(Number(e.target.value) || min))) } })} />
            </label>
          ))}
          {(
            [
              ['toneStyle', 'settings.toneStyle', [['new', 'settings.toneNew'], ['old', 'settings.toneOld']]],
              ['quoteStyle', 'settings.quoteStyle', [['curly', 'settings.quoteCurly'], ['straight', 'settings.quoteStraight']]]
            ] as const
          ).map(([key, label, choices]) => (
            <label key={key} className="settings-number">
              {t(label)}
              <select value={settings.proof[key]} onChange={(e) => setSettings({ ...settings, proof: { ...settings.proof, [key]: e.target.value } })}>
                {choices.map(([value, name]) => (
                  <option key={value} value={value}>
                    {t(name)}
                  </option>
                ))}
              </select>
            </label>
          ))}
          <label htmlFor="settings-dictionary">{t('settings.dictionary')}</label>
          <textarea id="settings-dictionary" rows={4} value={dictionary} onChange={(e) => setDictionary(e.target.value)} />
        </fieldset>
        <div className="settings-row">
          <button
            type="button"
            onClick={async () => {
              try {
                // what would go is said first; only a yes removes it
                const found = await api.cleanMedia(true)
                if (!found.removed.length) return setCleaned(t('settings.cleanNone'))
                const size = (found.bytes / 2 ** 20).toFixed(1)
                if (!window.confirm(t('settings.cleanConfirm', { count: found.removed.length, size }))) return
                const done = await api.cleanMedia(false)
                setCleaned(t('settings.cleanDone', { count: done.removed.length, size: (done.bytes / 2 ** 20).toFixed(1) }))
              } catch (err) {
                reportError(err)
              }
            }}
          >
            {t('settings.cleanMedia')}
          </button>
          {cleaned && <span role="status">{cleaned}</span>}
        </div>
        {error && <p className="field-error" role="alert">{error}</p>}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>{t('link.cancel')}</button>
          <button type="submit" className="primary">{t('settings.save')}</button>
        </div>
      </form>
    </Modal>
  )
}

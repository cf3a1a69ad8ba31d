/** UI strings come from locale files; Vietnamese when the system speaks it, English otherwise. */
import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import en from '../../shared/locales/en.json'
import vi from '../../shared/locales/vi.json'

export type UiLanguage = 'vi' | 'en'

export function pickLanguage(setting: 'auto' | UiLanguage, systemLocale: string): UiLanguage {
  if (setting !== 'auto') return setting
  return systemLocale.toLowerCase().startsWith('vi') ? 'vi' : 'en'
}

export async function initI18n(language: UiLanguage): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false }
  })
  document.documentElement.lang = language
  return i18next
}

export async function setLanguage(language: UiLanguage): Promise<void> {
  await i18next.changeLanguage(language)
  document.documentElement.lang = language
}

import { createRoot } from 'react-dom/client'
import { api } from './api'
import { App } from './App'
import { initI18n, pickLanguage } from './i18n'
import { applyTheme, savedTheme } from './app/theme'
import './styles.css'

applyTheme(savedTheme())

const [info, settings] = await Promise.all([api.appInfo(), api.settings()])
await initI18n(pickLanguage(settings.language, info.locale))
createRoot(document.getElementById('root')!).render(<App />)
document.body.dataset.ready = 'true'

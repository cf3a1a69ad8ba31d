import { createRoot } from 'react-dom/client'
import { api } from './api'
import { App } from './App'
import { useDesk } from './app/desk-store'
import { initI18n, pickLanguage } from './i18n'
import { applyTheme, savedTheme } from './app/theme'
import './styles.css'

applyTheme(savedTheme())

const [info, settings] = await Promise.all([api.appInfo(), api.settings()])
await initI18n(pickLanguage(settings.language, info.locale))
useDesk.setState({ proofSettings: settings.proof })
createRoot(document.getElementById('root')!).render(<App />)
document.body.dataset.ready = 'true'

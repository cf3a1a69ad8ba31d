/** The window's theme: the system's, or light or dark as chosen in the settings (kept on this computer). */
export type Theme = 'system' | 'light' | 'dark'
const KEY = 'newsdesk.theme'

export function savedTheme(): Theme {
  try {
    const value = localStorage.getItem(KEY)
    return value === 'light' || value === 'dark' ? value : 'system'
  } catch {
    return 'system'
  }
}

/** Show the theme (styles.css: data-theme sets the color scheme) and remember it. */
export function applyTheme(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset.theme
  else document.documentElement.dataset.theme = theme
  try {
    localStorage.setItem(KEY, theme)
  } catch {
    // not remembered, still shown
  }
}

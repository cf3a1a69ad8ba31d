/** The bridge, as the preload (or the browser test harness) exposes it. */
import type { WindowApi } from '../../shared/contract'

declare global {
  interface Window {
    api: WindowApi
  }
}

export const api: WindowApi = window.api

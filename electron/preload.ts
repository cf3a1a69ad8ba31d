/** Builds `window.api` from the contract's channel list: a few lines, no raw ipcRenderer, no process. */
import { contextBridge, ipcRenderer } from 'electron'
import { API_EVENTS, API_METHODS, channelOf, eventChannelOf, unwrap, type WindowApi } from '../shared/contract'

const api: Record<string, unknown> = Object.fromEntries(
  API_METHODS.map((m) => [m, (...args: unknown[]) => ipcRenderer.invoke(channelOf(m), ...args).then(unwrap)])
)
api.on = (event: string, listener: (payload: unknown) => void) => {
  if (!(API_EVENTS as readonly string[]).includes(event)) throw new Error(`Unknown event ${event}`)
  const wrapped = (_e: unknown, payload: unknown) => listener(payload)
  ipcRenderer.on(eventChannelOf(event as (typeof API_EVENTS)[number]), wrapped)
  return () => ipcRenderer.removeListener(eventChannelOf(event as (typeof API_EVENTS)[number]), wrapped)
}
contextBridge.exposeInMainWorld('api', api as unknown as WindowApi)

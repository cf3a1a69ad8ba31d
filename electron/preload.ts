/** Builds `window.api` (shared/window-api.ts) over ipcRenderer: no raw ipcRenderer, no process, nothing else. */
import { contextBridge, ipcRenderer } from 'electron'
import { BRIDGE_NAMES_CHANNEL, buildWindowApi, channelOf, eventChannelOf, type BridgeNames } from '../shared/window-api'

const names = ipcRenderer.sendSync(BRIDGE_NAMES_CHANNEL) as BridgeNames
const api = buildWindowApi(
  names,
  (method, args) => ipcRenderer.invoke(channelOf(method), ...args),
  (event, listener) => {
    const wrapped = (_e: unknown, payload: unknown) => listener(payload)
    ipcRenderer.on(eventChannelOf(event), wrapped)
    return () => ipcRenderer.removeListener(eventChannelOf(event), wrapped)
  }
)
contextBridge.exposeInMainWorld('api', api)

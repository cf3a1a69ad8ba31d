/** Registers one ipcMain handler per bridge method: sender check, input validation, typed envelope. */
import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron'
import { API_EVENTS, API_METHODS, type Envelope, type NewsdeskApi } from '../shared/contract'
import { BRIDGE_NAMES_CHANNEL, channelOf, type BridgeNames } from '../shared/window-api'
import { senderProblem } from './security'
import { dispatch } from './services/bridge'

export function registerIpc(api: NewsdeskApi, appUrl: () => string): void {
  // the preload's one synchronous question: which methods and events there are (only the app is answered)
  ipcMain.on(BRIDGE_NAMES_CHANNEL, (event: IpcMainEvent) => {
    const names: BridgeNames = { methods: API_METHODS, events: API_EVENTS }
    event.returnValue = senderProblem(event.senderFrame, appUrl()) ? { methods: [], events: [] } : names
  })
  for (const method of API_METHODS) {
    ipcMain.handle(channelOf(method), async (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<Envelope<unknown>> => {
      const problem = senderProblem(event.senderFrame, appUrl())
      if (problem) return { ok: false, error: { code: 'forbidden', message: `${method} refused: ${problem}` } }
      return dispatch(api, method, args)
    })
  }
}

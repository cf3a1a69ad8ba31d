/** Registers one ipcMain handler per bridge method: sender check, input validation, typed envelope. */
import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { API_METHODS, channelOf, type Envelope, type NewsdeskApi } from '../shared/contract'
import { senderProblem } from './security'
import { dispatch } from './services/bridge/dispatch'

export function registerIpc(api: NewsdeskApi, appUrl: () => string): void {
  for (const method of API_METHODS) {
    ipcMain.handle(channelOf(method), async (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<Envelope<unknown>> => {
      const problem = senderProblem(event.senderFrame, appUrl())
      if (problem) return { ok: false, error: { code: 'forbidden', message: `${method} refused: ${problem}` } }
      return dispatch(api, method, args)
    })
  }
}

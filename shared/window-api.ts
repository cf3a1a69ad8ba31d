/**
 * `window.api`, built the same way by the preload (over ipcRenderer) and by the browser-test harness (over a
 * Playwright binding): one function per bridge method, each answer unwrapped from its envelope, plus `on`
 * for main's events. `buildWindowApi` uses nothing from outside its own body, so the harness can inject
 * its source into a page.
 */

/** The ipc channel of a bridge method, and of an event main sends. */
export const channelOf = (method: string) => `newsdesk:${method}`
export const eventChannelOf = (event: string) => `newsdesk-event:${event}`
/** The one synchronous channel: the preload asks main for the method and event names at start. */
export const BRIDGE_NAMES_CHANNEL = 'newsdesk:bridge-names'

export interface BridgeNames {
  methods: readonly string[]
  events: readonly string[]
}

type RawEnvelope = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } }

export function buildWindowApi(
  names: BridgeNames,
  invoke: (method: string, args: unknown[]) => Promise<RawEnvelope>,
  listen: (event: string, listener: (payload: unknown) => void) => () => void
): Record<string, unknown> {
  const api: Record<string, unknown> = {}
  for (const method of names.methods) {
    api[method] = async (...args: unknown[]) => {
      const envelope = await invoke(method, args)
      if (envelope.ok) return envelope.value
      // an error carries its code (invalid-input, not-found, …) for the renderer to act on
      throw Object.assign(new Error(envelope.error.message), { code: envelope.error.code })
    }
  }
  api.on = (event: string, listener: (payload: unknown) => void) => {
    if (!names.events.includes(event)) throw new Error(`Unknown event ${event}`)
    return listen(event, listener)
  }
  return api
}

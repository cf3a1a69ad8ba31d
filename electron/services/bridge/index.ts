/** The bridge room's entry: the handlers behind window.api, and dispatch (validation and error envelopes). */
export { createHandlers, type Services, type ShellHooks } from './api-handlers'
export { dispatch } from './dispatch'

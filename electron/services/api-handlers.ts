/** The bridge's handlers over a store: plain Node, shared by the Electron shell, the browser tests and scripts. */
import type { AppInfo, NewsdeskApi } from '../../shared/contract'
import type { ArticleStore } from './article-store'

export interface ShellHooks {
  /** Called when the renderer has flushed its edits before quitting. */
  quitReady?: () => void
}

export function createHandlers(store: ArticleStore, info: Omit<AppInfo, 'storeDir'>, hooks: ShellHooks = {}): NewsdeskApi {
  return {
    appInfo: async () => ({ ...info, storeDir: store.dir }),
    list: (query) => store.list(query),
    get: (id) => store.get(id),
    create: (patch) => store.create(patch),
    save: (id, patch) => store.save(id, patch),
    delete: (id) => store.delete(id),
    restore: (id) => store.restore(id),
    emptyTrash: () => store.emptyTrash(),
    revisions: (id) => store.revisionsOf(id),
    restoreRevision: (id, revisionId) => store.restoreRevision(id, revisionId),
    stats: async () => store.stats(),
    suggestions: async () => store.suggestions(),
    settings: async () => store.settings,
    updateSettings: (patch) => store.updateSettings(patch),
    problems: async () => [...store.problems],
    quitReady: async () => hooks.quitReady?.()
  }
}

/** The sync room's entry: one pass over a drafts folder, the watching service, its state, conflicts. */
export { syncFolder, type SyncOptions } from './engine'
export { SyncService, type SyncServiceOptions } from './sync-service'
export { SyncState } from './sync-state'
export { resolveConflict, type ConflictChoice } from './conflicts'

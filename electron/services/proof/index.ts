/** Proofreading and replacing in plain Node (the CLI, the bridge): the shared engine with the dictionary read from disk. */
export { nodeSpeller } from './speller'
export { replaceInStore, type StoreReplaceResult } from './replace'

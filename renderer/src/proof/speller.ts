/** The Vietnamese dictionary in the renderer: loaded once, when proofreading first needs it (not with the app). */
import type { Speller } from '../../../shared/proof'
import { createSpeller } from '../../../shared/proof/speller'

let loading: Promise<Speller> | undefined
let loaded: Speller | null = null

export function loadSpeller(): Promise<Speller> {
  loading ??= Promise.all([import('../../../node_modules/dictionary-vi/index.aff?raw'), import('../../../node_modules/dictionary-vi/index.dic?raw')]).then(
    ([aff, dic]) => (loaded = createSpeller(aff.default, dic.default))
  )
  return loading
}

/** The dictionary if it has loaded (a paste does not wait for it). */
export function loadedSpeller(): Speller | null {
  void loadSpeller()
  return loaded
}

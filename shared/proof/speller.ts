/** The spelling dictionary: Hunspell's Vietnamese dictionary (`dictionary-vi`, GPL-3.0) read by nspell. */
import nspell from 'nspell'
import type { Speller } from './types'

export function createSpeller(aff: string | Uint8Array, dic: string | Uint8Array): Speller {
  const spell = nspell(aff as never, dic as never)
  return { correct: (w) => spell.correct(w), suggest: (w) => spell.suggest(w) }
}

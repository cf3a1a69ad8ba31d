/** The Vietnamese spelling dictionary for Node (the CLI, the tests): dictionary-vi's files read once. */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { createSpeller } from '../../../shared/proof/speller'
import type { Speller } from '../../../shared/proof'

let speller: Promise<Speller> | undefined

export function nodeSpeller(): Promise<Speller> {
  speller ??= (async () => {
    const dir = path.dirname(createRequire(import.meta.url).resolve('dictionary-vi'))
    const [aff, dic] = await Promise.all([readFile(path.join(dir, 'index.aff')), readFile(path.join(dir, 'index.dic'))])
    return createSpeller(aff, dic)
  })()
  return speller
}

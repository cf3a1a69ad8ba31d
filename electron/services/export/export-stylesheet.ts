/**
 * The export stylesheet (resources/export.css) for Node: found by walking up from this module, so the same
 * code reads it from the sources (CLI, tests: electron/services/export/) and from the build (out/main/).
 * The renderer imports the same file with `?raw`.
 */
import { existsSync, readFileSync } from 'node:fs'

function findStylesheet(): URL {
  for (let up = '../'; up.length <= 15; up += '../') {
    const url = new URL(`${up}resources/export.css`, import.meta.url)
    if (existsSync(url)) return url
  }
  throw new Error('resources/export.css not found above ' + import.meta.url)
}

let cached: string | undefined
export function exportStylesheet(): string {
  cached ??= readFileSync(findStylesheet(), 'utf8')
  return cached
}

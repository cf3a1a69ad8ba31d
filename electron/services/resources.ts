/**
 * Files of resources/ for Node (the export stylesheet, the sample article's photo): found by walking up
 * from this module, so the same code reads them from the sources (CLI, tests) and from the build
 * (out/main/, out/cli/). The renderer imports the stylesheet with `?raw`.
 */
import { existsSync, readFileSync } from 'node:fs'

export function resourceUrl(name: string): URL {
  for (let up = './'; up.length <= 20; up = up === './' ? '../' : up + '../') {
    const url = new URL(`${up}resources/${name}`, import.meta.url)
    if (existsSync(url)) return url
  }
  throw new Error(`resources/${name} not found above ${import.meta.url}`)
}

let cached: string | undefined
export function exportStylesheet(): string {
  cached ??= readFileSync(resourceUrl('export.css'), 'utf8')
  return cached
}

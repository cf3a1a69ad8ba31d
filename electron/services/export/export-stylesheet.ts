/**
 * The export stylesheet (resources/export.css) for Node. This module sits two folders below the project
 * root, as does the app's bundle (out/main), so the same relative URL finds the file from the sources
 * (CLI, tests) and from the build. The renderer imports the same file with `?raw`.
 */
import { readFileSync } from 'node:fs'

let cached: string | undefined
export function exportStylesheet(): string {
  cached ??= readFileSync(new URL('../../resources/export.css', import.meta.url), 'utf8')
  return cached
}

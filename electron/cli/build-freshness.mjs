// Whether the built CLI (out/cli) is as new as what it is built from. Tests (`*.test.ts`, test-support/)
// are not built into it: editing one must not send every `newsdesk` command through tsx until a rebuild.
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'

/** The folders the CLI is built from: electron/, shared/, and resources/ whose JSON it bundles. */
const SOURCE_DIRS = ['electron', 'shared', 'resources']

/** Is this file (a path below the project) one the build reads? */
function isSource(file) {
  return /\.(ts|json)$/.test(file) && !file.endsWith('.test.ts') && !file.split(/[\\/]/).includes('test-support')
}

/** The newest modification time of the CLI's sources below `root`. */
export function newestSource(root) {
  let newest = 0
  for (const dir of SOURCE_DIRS) {
    if (!existsSync(path.join(root, dir))) continue
    for (const e of readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })) {
      const file = path.join(e.parentPath, e.name)
      if (e.isFile() && isSource(path.relative(root, file))) newest = Math.max(newest, statSync(file).mtimeMs)
    }
  }
  return newest
}

/** Is the built file there and no older than any source? */
export function builtIsFresh(root, built) {
  return existsSync(built) && statSync(built).mtimeMs >= newestSource(root)
}

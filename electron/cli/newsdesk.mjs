#!/usr/bin/env node
// The `newsdesk` command. It runs the built CLI (out/cli, made by `npm install` and `npm run build`);
// when that is missing or older than the sources (while developing), it runs the TypeScript through tsx.
import { existsSync, readdirSync, statSync } from 'node:fs'
import module from 'node:module'
import { fileURLToPath } from 'node:url'

// Node 22 keeps the compiled code of the CLI's modules between runs (about 15 ms of each command)
module.enableCompileCache?.()

const root = fileURLToPath(new URL('../..', import.meta.url))
const built = new URL('../../out/cli/cli.mjs', import.meta.url)

/** The newest modification time of the CLI's sources (electron/, shared/, and resources/ whose JSON it bundles). */
function newestSource() {
  let newest = 0
  for (const dir of ['electron', 'shared', 'resources']) {
    for (const e of readdirSync(root + dir, { withFileTypes: true, recursive: true })) {
      if (e.isFile() && /\.(ts|json)$/.test(e.name)) newest = Math.max(newest, statSync(`${e.parentPath}/${e.name}`).mtimeMs)
    }
  }
  return newest
}

const fresh = existsSync(built) && statSync(built).mtimeMs >= newestSource()
const { main } = fresh ? await import(built.href) : await (await import('tsx/esm/api')).tsImport('./cli.ts', import.meta.url)
process.exitCode = await main(process.argv.slice(2))

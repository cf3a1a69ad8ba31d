#!/usr/bin/env node
// The `newsdesk` command. It runs the built CLI (out/cli, made by `npm install` and `npm run build`);
// when that is missing or older than the sources (while developing), it runs the TypeScript through tsx.
import module from 'node:module'
import { fileURLToPath } from 'node:url'
import { builtIsFresh } from './build-freshness.mjs'

// Node 22 keeps the compiled code of the CLI's modules between runs (about 15 ms of each command)
module.enableCompileCache?.()

const root = fileURLToPath(new URL('../..', import.meta.url))
const built = new URL('../../out/cli/cli.mjs', import.meta.url)

const fresh = builtIsFresh(root, fileURLToPath(built))
const { main } = fresh ? await import(built.href) : await (await import('tsx/esm/api')).tsImport('./cli.ts', import.meta.url)
process.exitCode = await main(process.argv.slice(2))

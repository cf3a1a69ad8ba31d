#!/usr/bin/env node
// The `newsdesk` command: runs the TypeScript CLI through tsx, so a fresh clone needs no build step.
import { tsImport } from 'tsx/esm/api'

const { main } = await tsImport('./cli.ts', import.meta.url)
process.exitCode = await main(process.argv.slice(2))

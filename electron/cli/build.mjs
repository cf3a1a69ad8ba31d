// Builds the `newsdesk` CLI to out/cli/ (esbuild: our TypeScript bundled, packages left in node_modules,
// the services in chunks loaded when a command needs them). Run by `npm run build` and by `prepare`, so
// `npm install` leaves a CLI that starts without compiling anything.
import { build } from 'esbuild'
import { rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))
// chunk names change with their content: no stale chunk is left beside the new ones
rmSync(root + 'out/cli', { recursive: true, force: true })
await build({
  absWorkingDir: root,
  // the export worker beside the chunks, where render-pool looks for it
  entryPoints: { cli: 'electron/cli/cli.ts', 'render-worker': 'electron/services/export/render-worker.ts' },
  outdir: 'out/cli',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning'
})

// Builds the `newsdesk` CLI to out/cli/ (esbuild: our TypeScript bundled, the services in chunks loaded
// when a command needs them). Run by `npm run build` and by `prepare`, so `npm install` leaves a CLI that
// starts without compiling anything.
import { build } from 'esbuild'
import { readFileSync, rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))
// The small packages every store command loads go into the chunks (one file parsed instead of zod's
// hundred modules resolved one by one: ~25 ms a command); the others stay in node_modules, loaded when
// a command needs them (some read their own data files beside their code). prosemirror-markdown comes
// with prosemirror-model: two copies of the model would not know each other's nodes.
const BUNDLED = new Set(['zod', 'lowdb', 'diff', 'yaml', 'prosemirror-model', 'prosemirror-markdown', 'markdown-it'])
const { dependencies } = JSON.parse(readFileSync(root + 'package.json', 'utf8'))
const external = Object.keys(dependencies).filter((name) => !BUNDLED.has(name)).flatMap((name) => [name, name + '/*'])
// chunk names change with their content: no stale chunk is left beside the new ones
rmSync(root + 'out/cli', { recursive: true, force: true })
await build({
  absWorkingDir: root,
  // the export worker and the .doc reader beside the chunks, where export-workers and doc.ts look for them
  entryPoints: { cli: 'electron/cli/cli.ts', 'export-worker': 'electron/services/export/export-worker.ts', 'doc-reader': 'electron/services/import/doc-reader.ts' },
  outdir: 'out/cli',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  // bundled CommonJS (yaml) asks for Node's modules with require: give ES modules one
  banner: { js: "import { createRequire as __newsdeskRequire } from 'node:module'; const require = __newsdeskRequire(import.meta.url);" },
  logLevel: 'warning'
})

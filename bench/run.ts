/**
 * `npm run bench [-- --only PREFIX]`: prints one JSON object per line, {"bench", "value", "unit"}.
 * Progress goes to stderr, so stdout holds only results.
 */
import { parseArgs } from 'node:util'

export type Report = (bench: string, value: number, unit: string) => void

interface Suite {
  prefix: string
  run: (report: Report) => Promise<void>
}

const suites: Suite[] = [
  { prefix: 'store', run: async (r) => (await import('./store.bench')).default(r) },
  { prefix: 'desk', run: async (r) => (await import('./desk.bench')).default(r) },
  { prefix: 'export', run: async (r) => (await import('./export.bench')).default(r) },
  { prefix: 'media', run: async (r) => (await import('./media.bench')).default(r) },
  { prefix: 'sync', run: async (r) => (await import('./sync.bench')).default(r) },
  { prefix: 'cli', run: async (r) => (await import('./cli.bench')).default(r) },
  { prefix: 'diff', run: async (r) => (await import('./diff.bench')).default(r) },
  { prefix: 'copy', run: async (r) => (await import('./copy.bench')).default(r) },
  { prefix: 'proof', run: async (r) => (await import('./proof.bench')).default(r) }
]

const { values } = parseArgs({ options: { only: { type: 'string' } } })
const only = values.only ?? ''
for (const suite of suites) {
  if (!suite.prefix.startsWith(only) && !only.startsWith(suite.prefix)) continue
  // a whole suite asked for prints all its lines (the cli suite also measures export against Hugo)
  const report: Report = (bench, value, unit) => {
    if (bench.startsWith(only) || suite.prefix.startsWith(only)) process.stdout.write(JSON.stringify({ bench, value, unit }) + '\n')
  }
  process.stderr.write(`bench: ${suite.prefix}…\n`)
  await suite.run(report)
}

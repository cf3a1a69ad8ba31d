/** CLI benchmarks: whole `newsdesk` processes (median of 5) on the 20,000-article store, as a user runs them. */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { promisify } from 'node:util'
import { generatedStore, median, round } from './fixtures'
import type { Report } from './run'

const run = promisify(execFile)

async function timed(args: string[], times = 5): Promise<number> {
  const ms: number[] = []
  for (let i = 0; i < times; i++) {
    const started = performance.now()
    await run(process.execPath, ['electron/cli/newsdesk.mjs', ...args], { maxBuffer: 1 << 28 })
    ms.push(performance.now() - started)
  }
  return median(ms)
}

export default async function cliBench(report: Report): Promise<void> {
  // the built CLI, as `npm install` leaves it
  if (!existsSync('out/cli/cli.mjs')) await run(process.execPath, ['electron/cli/build.mjs'])
  const store = await generatedStore(20_000)
  const { stdout } = await run(process.execPath, ['electron/cli/newsdesk.mjs', '--store', store, '--json', 'list', '--category', 'Thể thao', '--sort', 'title'], { maxBuffer: 1 << 28 })
  const id = JSON.parse(stdout).items[0].id as string
  // the first search after the store's search file is written (the app writes it at its first open)
  await run(process.execPath, ['electron/cli/newsdesk.mjs', '--store', store, '--json', 'list', '--query', 'dang vien'], { maxBuffer: 1 << 28 })
  report('cli.help_ms', round(await timed(['--help'])), 'ms')
  report('cli.show_20k_ms', round(await timed(['--store', store, '--json', 'show', id])), 'ms')
  report('cli.list_query_20k_ms', round(await timed(['--store', store, '--json', 'list', '--query', 'dang vien', '--category', 'Thể thao'])), 'ms')
  report('cli.stats_20k_ms', round(await timed(['--store', store, '--json', 'stats'])), 'ms')
}

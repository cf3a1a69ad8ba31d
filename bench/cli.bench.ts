/** CLI benchmarks: whole `newsdesk` processes (median of 5) on the 20,000-article store, as a user runs them. */
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { generatedStore, median, round } from './fixtures'
import type { Report } from './run'

const run = promisify(execFile)

/** One run of a whole process, timed (`before` runs untimed first). */
async function timedOnce(file: string, args: string[], before: () => Promise<void> = async () => {}): Promise<number> {
  await before()
  const started = performance.now()
  await run(file, args, { maxBuffer: 1 << 28 })
  return performance.now() - started
}

/** Median time of a whole process, run `times` times. */
async function timedProcess(file: string, args: string[], times = 5, before?: () => Promise<void>): Promise<number> {
  const ms: number[] = []
  for (let i = 0; i < times; i++) ms.push(await timedOnce(file, args, before))
  return median(ms)
}
const timed = (args: string[], times = 5, before?: () => Promise<void>) => timedProcess(process.execPath, ['electron/cli/newsdesk.mjs', ...args], times, before)

/** Is Debian's hugo installed (`apt-get install hugo`)? */
async function hugoAvailable(): Promise<boolean> {
  return run('hugo', ['version']).then(
    () => true,
    () => false
  )
}

/**
 * `newsdesk export --all` of 1,000 articles, and Hugo building the same 1,000 articles (their Markdown
 * export as content, a minimal single-page layout) in the same run, as whole processes: the two take
 * turns, five times each, so that a disk changing speed during the run weighs on both alike.
 */
async function exportVsHugo(report: Report): Promise<void> {
  const store = await generatedStore(1000)
  const work = await mkdtemp(path.join(os.tmpdir(), 'nd-bench-export-'))
  try {
    const out = path.join(work, 'out')
    const exportArgs = ['electron/cli/newsdesk.mjs', '--store', store, 'export', '--all', '--out', out]
    const clearOut = () => rm(out, { recursive: true, force: true })
    if (!(await hugoAvailable())) {
      report('cli.export_1000_ms', round(await timedProcess(process.execPath, exportArgs, 5, clearOut)), 'ms')
      process.stderr.write('bench: hugo is not installed (apt-get install hugo): export.vs_hugo_ratio left out\n')
      return
    }
    const site = path.join(work, 'site')
    await mkdir(path.join(site, 'layouts', '_default'), { recursive: true })
    await writeFile(path.join(site, 'config.toml'), 'baseURL = "http://example.org/"\ntitle = "bench"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n')
    const page = '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><article><h1>{{ .Title }}</h1>{{ .Content }}</article></body></html>\n'
    const list = '<!DOCTYPE html><html><body>{{ range .Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</body></html>\n'
    await writeFile(path.join(site, 'layouts', '_default', 'single.html'), page)
    await writeFile(path.join(site, 'layouts', '_default', 'list.html'), list)
    await writeFile(path.join(site, 'layouts', 'index.html'), list)
    const content = path.join(site, 'content', 'posts')
    await run(process.execPath, ['electron/cli/newsdesk.mjs', '--store', store, 'export', '--all', '--format', 'md', '--out', content])
    await rm(path.join(content, 'index.html'), { force: true })
    const clearPublic = () => rm(path.join(site, 'public'), { recursive: true, force: true })
    const exportMs: number[] = []
    const hugoMs: number[] = []
    for (let i = 0; i < 5; i++) {
      exportMs.push(await timedOnce(process.execPath, exportArgs, clearOut))
      hugoMs.push(await timedOnce('hugo', ['--quiet', '-s', site], clearPublic))
    }
    report('cli.export_1000_ms', round(median(exportMs)), 'ms')
    report('export.hugo_1000_ms', round(median(hugoMs)), 'ms')
    report('export.vs_hugo_ratio', round(median(exportMs) / median(hugoMs)), 'ratio')
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

export default async function cliBench(report: Report): Promise<void> {
  // the built CLI, as `npm install` leaves it, from the sources as they are (with a build older than the
  // sources, the launcher would run them through tsx, and that is what would be timed)
  await run(process.execPath, ['electron/cli/build.mjs'])
  const store = await generatedStore(20_000)
  const { stdout } = await run(process.execPath, ['electron/cli/newsdesk.mjs', '--store', store, '--json', 'list', '--category', 'Thể thao', '--sort', 'title'], { maxBuffer: 1 << 28 })
  const id = JSON.parse(stdout).items[0].id as string
  // the first search after the store's search file is written (the app writes it at its first open)
  await run(process.execPath, ['electron/cli/newsdesk.mjs', '--store', store, '--json', 'list', '--query', 'dang vien'], { maxBuffer: 1 << 28 })
  report('cli.help_ms', round(await timed(['--help'])), 'ms')
  report('cli.show_20k_ms', round(await timed(['--store', store, '--json', 'show', id])), 'ms')
  report('cli.list_query_20k_ms', round(await timed(['--store', store, '--json', 'list', '--query', 'dang vien', '--category', 'Thể thao'])), 'ms')
  report('cli.stats_20k_ms', round(await timed(['--store', store, '--json', 'stats'])), 'ms')
  await exportVsHugo(report)
}

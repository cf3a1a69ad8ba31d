/**
 * What `npm run build` leaves: the CLI's chunks and the app's main bundle each find their export worker
 * beside them, a batch large enough to use it writes the same bytes as the sources do, and the CLI loads
 * no more than its commands use.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { Worker } from 'node:worker_threads'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportArticles, renderText } from '../electron/services/export'
import { ArticleStore } from '../electron/services/store'
import { editableFields } from '../shared/article'
import { goldenArticles } from '../electron/services/test-support/articles'

const run = promisify(execFile)
let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'nd-e2e-built-export-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('the build', () => {
  it("leaves zod's translations out of the CLI (import * as z: the bundler keeps only what is used)", async () => {
    const chunks = (await readdir('out/cli')).filter((f) => f.endsWith('.mjs'))
    const locales = new Set<string>()
    for (const chunk of chunks) for (const m of (await readFile(path.join('out/cli', chunk), 'utf8')).matchAll(/^\/\/ node_modules\/zod\/v4\/locales\/(\S+)/gm)) locales.add(m[1])
    expect([...locales]).toEqual(['en.js'])
  })

  it("loads no Markdown or YAML library for the CLI's export until a Markdown export asks for them", async () => {
    const chunks = (await readdir('out/cli')).filter((f) => f.endsWith('.mjs'))
    /** A chunk and every chunk it imports statically (what loading it evaluates). */
    const closure = async (start: string, seen = new Set<string>()): Promise<Set<string>> => {
      if (seen.has(start)) return seen
      seen.add(start)
      for (const m of (await readFile(path.join('out/cli', start), 'utf8')).matchAll(/(?:from|import) "\.\/([\w-]+\.mjs)"/g)) await closure(m[1], seen)
      return seen
    }
    const libraries = async (files: Set<string>) => {
      const found = new Set<string>()
      // bundled in (esbuild's // node_modules/… headers) or left in node_modules (a bare import)
      for (const f of files) for (const m of (await readFile(path.join('out/cli', f), 'utf8')).matchAll(/^\/\/ node_modules\/(yaml|markdown-it|prosemirror-markdown)\/|(?:from|import) "(yaml|markdown-it|prosemirror-markdown)[/"]/gm)) found.add(m[1] ?? m[2])
      return [...found].sort()
    }
    const exportChunk = chunks.find((f) => f.startsWith('export-') && f !== 'export-worker.mjs')!
    expect(await libraries(await closure(exportChunk))).toEqual([])
    // they are there, in the chunk the Markdown export imports (prosemirror-markdown with its own markdown-it)
    expect(await libraries(await closure(chunks.find((f) => f.startsWith('markdown-'))!))).toEqual(['prosemirror-markdown', 'yaml'])
  })


  it.each(['out/cli/export-worker.mjs', 'out/main/export-worker.js'])('%s renders and writes a batch', async (script) => {
    expect(existsSync(script)).toBe(true)
    const worker = new Worker(path.resolve(script))
    try {
      const out = path.join(dir, path.basename(path.dirname(script)))
      await rm(out, { recursive: true, force: true })
      await mkdir(out)
      const sample = goldenArticles.sample
      const done = new Promise<{ seq: number; errors: unknown[] }>((resolve) => worker.once('message', resolve))
      worker.postMessage({ seq: 1, jobs: [{ file: path.join(out, 'a.html'), article: sample, format: 'html', choices: {} }, { file: path.join(out, 'b.txt'), data: 'chữ' }] })
      expect(await done).toEqual({ seq: 1, errors: [undefined, undefined] })
      expect(await readFile(path.join(out, 'a.html'), 'utf8')).toBe(await renderText(sample, 'html'))
      expect(await readFile(path.join(out, 'b.txt'), 'utf8')).toBe('chữ')
    } finally {
      await worker.terminate()
    }
  })

  it('newsdesk export --all of 70 articles writes what the sources write in one thread, through its worker or without', async () => {
    const storeDir = path.join(dir, 'store')
    const store = await ArticleStore.open(storeDir)
    const base = Object.values(goldenArticles)
    await store.createMany(Array.from({ length: 70 }, (_, i) => ({ patch: { ...editableFields(base[i % base.length]), title: `${base[i % base.length].title} ${i}` } })))
    const ids = (await store.list({ limit: 100 })).items.map((m) => m.id)
    const expected = path.join(dir, 'expected')
    await exportArticles(ids, (id) => store.get(id), { dir: expected, format: 'html', workers: 0, media: store.media, onExisting: () => 'skip' })
    await store.close()

    const names = (await readdir(expected)).sort()
    expect(names).toHaveLength(ids.length + 2) // and index.html, media/
    const cli = path.resolve('out/cli/cli.mjs')
    const runner = path.join(dir, 'runner.mjs')
    await writeFile(runner, `import { main } from ${JSON.stringify(pathToFileURL(cli).href)}\nprocess.exitCode = await main(process.argv.slice(2))\n`)
    const runs = {
      // as the newsdesk command runs it
      worker: [runner],
      // a worker cannot start with the flags of this process (--input-type): the exporter's thread writes
      'worker refused': ['--input-type=module', '-e', 'const { main } = await import(process.argv[1]); process.exitCode = await main(process.argv.slice(2))', cli]
    }
    for (const [how, args] of Object.entries(runs)) {
      const out = path.join(dir, how)
      const { stderr } = await run(process.execPath, [...args, '--store', storeDir, 'export', '--all', '--out', out])
      expect(stderr, how).toBe('')
      expect((await readdir(out)).sort(), how).toEqual(names)
      for (const name of names.filter((n) => n.endsWith('.html'))) expect(await readFile(path.join(out, name), 'utf8'), name).toBe(await readFile(path.join(expected, name), 'utf8'))
    }
  })
})

import { spawn } from 'node:child_process'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { rng } from '../../../bench/corpus'
import { jsonText } from '../../../shared/doc'
import { ArticleStore } from './article-store'
import { tempDir } from '../test-support/temp-dir'

const ROUNDS = 20
const writer = path.resolve('electron/services/test-support/crash-writer.ts')

function runUntilKilled(dir: string, round: number, log: string, delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, dir, String(round), log], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (d) => (stderr += d))
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) setTimeout(() => child.kill('SIGKILL'), delayMs)
    })
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`writer exited by itself: ${stderr}`))))
  })
}

describe('crash safety', () => {
  it(`survives SIGKILL at ${ROUNDS} seeded random moments with every article equal to a saved version`, async () => {
    const { dir, cleanup } = await tempDir('nd-crash-')
    try {
      const log = path.join(dir, '..', path.basename(dir) + '.intents')
      const seed = await ArticleStore.open(dir, { sample: false })
      const initial = await Promise.all(['một', 'hai', 'ba'].map((t) => seed.create({ title: t })))
      await seed.close()
      const saved = new Map(initial.map((a) => [a.id, new Set([a.title])]))
      const random = rng(20261127)
      for (let round = 0; round < ROUNDS; round++) {
        await runUntilKilled(dir, round, log, Math.floor(random() * 400))
        for (const line of (await fs.readFile(log, 'utf8').catch(() => '')).split('\n').filter(Boolean)) {
          const { id, title } = JSON.parse(line)
          saved.get(id)!.add(title)
        }
        const store = await ArticleStore.open(dir, { sample: false })
        for (const folder of ['articles', 'trash']) {
          for (const name of await fs.readdir(path.join(dir, folder))) {
            expect(name, 'a stray file after recovery').toMatch(/^[0-9a-f-]{36}\.json$/)
            JSON.parse(await fs.readFile(path.join(dir, folder, name), 'utf8'))
          }
        }
        await store.indexed
        expect(store.problems).toEqual([])
        const items = [...(await store.list()).items, ...(await store.list({ trash: true })).items]
        expect(items.map((m) => m.id).sort()).toEqual([...saved.keys()].sort())
        for (const meta of items) {
          const article = await store.get(meta.id)
          expect(saved.get(meta.id)!.has(article.title), `round ${round}: ${article.title}`).toBe(true)
          expect(meta.title).toBe(article.title)
          if (article.title.includes('-')) expect(jsonText(article.body)).toContain(`${article.title}: đoạn 0`)
        }
        await store.close()
      }
      await fs.rm(log, { force: true })
    } finally {
      await cleanup()
    }
  }, 120_000)

  it('a `newsdesk sync` killed (SIGKILL) part-way through 300 new drafts, then run again, leaves each draft exactly once', async () => {
    const { dir, cleanup } = await tempDir('nd-crash-sync-')
    try {
      const drafts = path.join(dir, 'drafts')
      const storeDir = path.join(dir, 'store')
      await fs.mkdir(drafts)
      const old = new Date(Date.now() - 3_600_000)
      for (let i = 0; i < 300; i++) {
        const file = path.join(drafts, `tin-${String(i).padStart(3, '0')}.txt`)
        await fs.writeFile(file, [`Tin số ${i}`, 'VOV.VN - Mở đầu.', `Đoạn riêng của tin ${i}.`].join('\n'))
        await fs.utimes(file, old, old)
      }
      const bin = path.resolve('electron/cli/newsdesk.mjs')
      const run = (kill: boolean) =>
        new Promise<string>((resolve, reject) => {
          const child = spawn(process.execPath, [bin, '--store', storeDir, '--json', 'sync', drafts], { stdio: ['ignore', 'pipe', 'pipe'] })
          let out = ''
          child.stdout.on('data', (d) => (out += d))
          let timer: NodeJS.Timeout | undefined
          if (kill) {
            // kill once about a hundred article files are on disk
            timer = setInterval(async () => {
              const n = (await fs.readdir(path.join(storeDir, 'articles')).catch(() => [])).length
              if (n >= 100) child.kill('SIGKILL')
            }, 5)
          }
          child.on('exit', (code, signal) => {
            clearInterval(timer)
            if (kill ? signal === 'SIGKILL' : code === 0) resolve(out)
            else reject(new Error(`sync ended with ${code ?? signal}`))
          })
        })
      await run(true)
      const afterKill = (await fs.readdir(path.join(storeDir, 'articles'))).filter((n) => n.endsWith('.json')).length
      // killed part-way: some drafts made, not all
      expect(afterKill).toBeGreaterThan(50)
      expect(afterKill).toBeLessThan(301)
      const report = JSON.parse(await run(false))
      expect(report.errors).toEqual([])
      const store = await ArticleStore.open(storeDir, { sample: false })
      try {
        // the drafts, and the sample article the CLI's first open made in the brand-new store
        const items = (await store.list()).items.filter((m) => m.title.startsWith('Tin số'))
        expect((await store.list()).total).toBe(301)
        expect(items).toHaveLength(300)
        expect(new Set(items.map((m) => m.title)).size).toBe(300)
        for (const m of items) expect(jsonText((await store.get(m.id)).body)).toContain(`Đoạn riêng của ${m.title.replace('Tin số', 'tin')}.`)
      } finally {
        await store.close()
      }
    } finally {
      await cleanup()
    }
  }, 120_000)
})

/**
 * Export workers: they write the files of a batch (and render them first when given articles) while the
 * exporter's thread reads the next articles and names their files, so that the disk's work and the
 * processor's overlap. The worker script sits next to this module in every build
 * (electron/…/export-worker.ts through tsx in tests and development, out/cli/ and out/main/ once built);
 * where it is missing, `startExportWorkers` answers null and the exporter writes in its own thread, with the
 * same bytes.
 */
import { existsSync } from 'node:fs'
import { Worker } from 'node:worker_threads'
import type { ExportBatch, ExportBatchDone } from './export-worker'
import type { WriteJob } from './write-job'

export interface ExportWorkers {
  readonly size: number
  /** Whether a worker has finished a batch yet (until then they are still starting). */
  readonly started: boolean
  /** Write these files; per job, why it failed or undefined. Rejects with the worker's error if it stopped. */
  write(jobs: WriteJob[]): Promise<Array<string | undefined>>
  close(): Promise<void>
}

function workerUrl(): URL | null {
  const ext = /\.[cm]?[jt]s$/.exec(new URL(import.meta.url).pathname)?.[0] ?? '.js'
  const url = new URL(`./export-worker${ext}`, import.meta.url)
  return existsSync(url) ? url : null
}

export function startExportWorkers(size: number): ExportWorkers | null {
  const url = workerUrl()
  if (!url) return null
  // TypeScript sources (tests, development) run through tsx, as the rest of the process does
  const start = (): Worker =>
    url.pathname.endsWith('.ts')
      ? new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}) })`, { eval: true })
      : new Worker(url)
  type Pending = { worker: Worker; resolve: (errors: Array<string | undefined>) => void; reject: (err: Error) => void }
  const pending = new Map<number, Pending>()
  /** Live workers and how many batches each holds. */
  const load = new Map<Worker, number>()
  let seq = 0
  let started = false
  let lastError: Error | null = null
  for (let i = 0; i < size; i++) {
    const worker = start()
    worker.on('message', (done: ExportBatchDone) => {
      started = true
      load.set(worker, load.get(worker)! - 1)
      const p = pending.get(done.seq)
      pending.delete(done.seq)
      p?.resolve(done.errors)
    })
    worker.on('error', (err) => (lastError = err))
    // a worker gone (crashed, out of memory) fails what it held; the others carry on
    worker.on('exit', () => {
      load.delete(worker)
      for (const [s, p] of pending) {
        if (p.worker !== worker) continue
        pending.delete(s)
        p.reject(lastError ?? new Error('the export worker stopped'))
      }
    })
    load.set(worker, 0)
  }
  return {
    size,
    get started() {
      return started
    },
    write(jobs) {
      if (load.size === 0) return Promise.reject(lastError ?? new Error('no export worker is running'))
      // the least busy worker takes it
      const [worker] = [...load].reduce((a, b) => (b[1] < a[1] ? b : a))
      load.set(worker, load.get(worker)! + 1)
      return new Promise((resolve, reject) => {
        pending.set(++seq, { worker, resolve, reject })
        worker.postMessage({ seq, jobs } satisfies ExportBatch)
      })
    },
    async close() {
      await Promise.all([...load.keys()].map((w) => w.terminate()))
    }
  }
}

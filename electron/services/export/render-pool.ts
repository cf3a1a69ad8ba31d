/**
 * Export workers: each renders the articles it is sent and writes their files, while the
 * exporter's thread reads the next articles and names their files. The worker script sits next to this
 * module in every build (electron/…/render-worker.ts through tsx in tests and development, out/cli/ and
 * out/main/ once built); where it is missing, `startRenderPool` answers null and the exporter renders in
 * its own thread, with the same bytes.
 */
import { existsSync } from 'node:fs'
import { Worker } from 'node:worker_threads'
import type { RenderDone, RenderJob } from './render-worker'

export interface RenderPool {
  /** Render and write one article; rejects with the worker's error. */
  run(job: Omit<RenderJob, 'seq'>): Promise<void>
  close(): Promise<void>
}

function workerUrl(): URL | null {
  const ext = /\.[cm]?[jt]s$/.exec(new URL(import.meta.url).pathname)?.[0] ?? '.js'
  const url = new URL(`./render-worker${ext}`, import.meta.url)
  return existsSync(url) ? url : null
}

export function startRenderPool(size: number): RenderPool | null {
  const url = workerUrl()
  if (!url) return null
  // TypeScript sources (tests, development) run through tsx, as the rest of the process does
  const start = (): Worker =>
    url.pathname.endsWith('.ts')
      ? new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}) })`, { eval: true })
      : new Worker(url)
  const pending = new Map<number, { worker: Worker; resolve: () => void; reject: (err: Error) => void }>()
  /** Live workers and how many jobs each holds. */
  const load = new Map<Worker, number>()
  let seq = 0
  let lastError: Error | null = null
  for (let i = 0; i < size; i++) {
    const worker = start()
    worker.on('message', (done: RenderDone) => {
      load.set(worker, load.get(worker)! - 1)
      const p = pending.get(done.seq)
      pending.delete(done.seq)
      if (done.error === undefined) p?.resolve()
      else p?.reject(new Error(done.error))
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
    run(job) {
      if (load.size === 0) return Promise.reject(lastError ?? new Error('no export worker is running'))
      // the least busy worker takes it
      const [worker] = [...load].reduce((a, b) => (b[1] < a[1] ? b : a))
      load.set(worker, load.get(worker)! + 1)
      return new Promise<void>((resolve, reject) => {
        pending.set(++seq, { worker, resolve, reject })
        worker.postMessage({ ...job, seq } satisfies RenderJob)
      })
    },
    async close() {
      await Promise.all([...load.keys()].map((w) => w.terminate()))
    }
  }
}

/** An export worker: writes the batches of files it is sent (see write-job); never reads the store. */
import { parentPort } from 'node:worker_threads'
import type { renderAs } from './render-as'
import { writeJob, type WriteJob } from './write-job'

export interface ExportBatch {
  seq: number
  jobs: WriteJob[]
}
export interface ExportBatchDone {
  seq: number
  /** Per job, in order: why it failed, or undefined once written. */
  errors: Array<string | undefined>
}

/** The renderer, loaded with the first article to render: a worker that only writes starts in a few ms. */
let render: typeof renderAs | undefined
parentPort!.on('message', async ({ seq, jobs }: ExportBatch) => {
  if (!render && jobs.some((job) => 'article' in job)) render = (await import('./render-as')).renderAs
  parentPort!.postMessage({ seq, errors: jobs.map((job) => writeJob(job, render)) } satisfies ExportBatchDone)
})

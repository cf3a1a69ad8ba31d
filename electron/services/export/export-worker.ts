/** An export worker: writes the batches of files it is sent (see write-job); never reads the store. */
import { parentPort } from 'node:worker_threads'
import type { TextFormat, TextRenderer } from './render-as'
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

/** The renderers, each loaded with the first article to render in its format: a worker that only writes starts in a few ms. */
const renderers = new Map<TextFormat, TextRenderer>()
parentPort!.on('message', async ({ seq, jobs }: ExportBatch) => {
  for (const job of jobs) if ('article' in job && !renderers.has(job.format)) renderers.set(job.format, await (await import('./render-as')).textRenderer(job.format))
  parentPort!.postMessage({ seq, errors: jobs.map((job) => writeJob(job, 'article' in job ? renderers.get(job.format) : undefined)) } satisfies ExportBatchDone)
})

/**
 * An export worker: renders the articles it is sent and writes each file atomically (the folder's fsync is
 * the exporter's, once at the end). Started by render-pool; never reads the store.
 */
import { parentPort } from 'node:worker_threads'
import type { Article } from '../../../shared/article'
import type { ExportFormat } from '../../../shared/contract'
import { writeFileAtomicSync } from '../store/durable-file'
import { renderAs, type BinaryFormat, type RenderChoices } from './render-as'

export interface RenderJob {
  seq: number
  article: Article
  /** Text formats only: Word and PDF are rendered by the exporter's thread, with their photos' bytes. */
  format: Exclude<ExportFormat, BinaryFormat>
  choices: RenderChoices
  file: string
}
export interface RenderDone {
  seq: number
  error?: string
}

parentPort!.on('message', (job: RenderJob) => {
  let error: string | undefined
  try {
    writeFileAtomicSync(job.file, renderAs(job.article, job.format, job.choices))
  } catch (err) {
    error = err instanceof Error ? err.message : String(err)
  }
  parentPort!.postMessage({ seq: job.seq, error } satisfies RenderDone)
})

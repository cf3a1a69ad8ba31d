/**
 * One exported file to write: its bytes, or an article to render in a text format first. The exporter's
 * thread and the export workers write it the same way, atomically (the folder's fsync is the exporter's,
 * once at the end).
 */
import type { Article } from '../../../shared/article'
import { writeFileAtomicSync } from '../store/durable-file'
import type { RenderChoices, TextFormat, TextRenderer } from './render-as'

export type WriteJob = { file: string } & ({ data: string | Uint8Array } | { article: Article; format: TextFormat; choices: RenderChoices })

/** Write a job's file, an article rendered first by `render` (its format's renderer); why it failed, or undefined once written. */
export function writeJob(job: WriteJob, render?: TextRenderer): string | undefined {
  try {
    if ('data' in job) writeFileAtomicSync(job.file, job.data)
    else if (render) writeFileAtomicSync(job.file, render(job.article, job.choices))
    else throw new Error('no renderer for an article to write')
    return undefined
  } catch (err) {
    return err instanceof Error ? err.message : String(err)
  }
}

/**
 * The journal that keeps the store's index honest between snapshots: before an article's files change,
 * its id is appended (and fsynced) to `journal`; on open, every id there is re-read from its file. A
 * snapshot writes index.json and drops the journal lines it covers. So a save costs one short line, not
 * a rewrite of the whole index.
 */
import { promises as fs } from 'node:fs'
import { writeFileDurable } from './durable-file'

const SNAPSHOT_DELAY_MS = 5_000
const SNAPSHOT_AFTER_CHANGES = 500
const ID_LINE = /^[0-9a-f-]{36}$/

export class IndexJournal {
  /** Ids whose files are being changed right now (they stay journaled through a snapshot). */
  private readonly inFlight = new Map<string, number>()
  /** Ids journaled since the last snapshot, in order. */
  private log: string[] = []
  private queue: Promise<unknown> = Promise.resolve()
  private snapshots: Promise<unknown> = Promise.resolve()
  private timer: NodeJS.Timeout | undefined
  private stopped = false

  constructor(
    private readonly file: string,
    /** Writes the index snapshot (index.json). */
    private readonly writeIndex: () => Promise<void>
  ) {}

  /** Ids journaled before the last run ended (to re-read on open). */
  async read(): Promise<string[]> {
    try {
      return (await fs.readFile(this.file, 'utf8')).split('\n').filter((l) => ID_LINE.test(l))
    } catch {
      return []
    }
  }

  /** Journal ids durably before their files change. */
  async begin(...ids: string[]): Promise<void> {
    for (const id of ids) this.inFlight.set(id, (this.inFlight.get(id) ?? 0) + 1)
    try {
      await this.enqueue(async () => {
        const handle = await fs.open(this.file, 'a')
        try {
          await handle.write(ids.map((id) => id + '\n').join(''))
          await handle.sync()
        } finally {
          await handle.close()
        }
        for (const id of ids) this.log.push(id)
      })
    } catch (err) {
      this.end(...ids)
      throw err
    }
  }

  /** The files of these ids are written (or the attempt is over); a snapshot follows soon. */
  end(...ids: string[]): void {
    for (const id of ids) {
      const n = (this.inFlight.get(id) ?? 1) - 1
      if (n <= 0) this.inFlight.delete(id)
      else this.inFlight.set(id, n)
    }
    if (this.stopped) return
    clearTimeout(this.timer)
    if (this.log.length >= SNAPSHOT_AFTER_CHANGES) void this.snapshot().catch(() => {})
    else {
      this.timer = setTimeout(() => void this.snapshot().catch(() => {}), SNAPSHOT_DELAY_MS)
      this.timer.unref()
    }
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task)
    this.queue = next.catch(() => {})
    return next
  }

  /** Write index.json and drop the journal lines it now covers (ids still being written stay). */
  snapshot(): Promise<void> {
    clearTimeout(this.timer)
    const run = async () => {
      const keep = new Set(this.inFlight.keys())
      const mark = this.log.length
      await this.writeIndex()
      await this.enqueue(async () => {
        const rest = [...keep, ...this.log.slice(mark)]
        this.log = rest
        await writeFileDurable(this.file, rest.map((id) => id + '\n').join(''))
      })
    }
    const next = this.snapshots.then(run, run)
    this.snapshots = next.catch(() => {})
    return next
  }

  /** A last snapshot if anything changed since the previous one; no more are scheduled. */
  async close(): Promise<void> {
    this.stopped = true
    clearTimeout(this.timer)
    await this.snapshots
    if (this.log.length > 0 || this.inFlight.size > 0) await this.snapshot()
  }
}

/**
 * What was last exported, per article and format: the article exactly as exported
 * (`exports/<id>.<format>.json`) and, in `exports/log.json`, when. "Changed since exported" compares with it.
 * A snapshot is a hard link of the article's file when that file still holds what was exported (the store
 * replaces files, never rewrites them, so the link keeps that version: no copy), else a copy. Snapshots are
 * put in place atomically but not each fsynced (a batch of thousands would wait on the disk for each):
 * after a power cut, the worst is an older snapshot; the log is written durably. An article exported again
 * unchanged keeps its linked snapshot as it is.
 */
import { promises as fs, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import type { Article } from '../../../shared/article'
import type { ExportFormat } from '../../../shared/contract'
import { mapAtOnce } from '../at-once'
import { fsyncDir, isLeftoverTemp, jsonProblem, tempPathFor, writeFileAtomic, writeFileDurable } from './durable-file'

/**
 * How many names a file has (0 when there is none, or it cannot be seen). A blocking call: a stat is cheaper
 * than the thread pool's round trip (1,000 articles exported again: ~20 ms less), and 20,000 take ~60 ms.
 */
function linkCount(file: string): number {
  try {
    return statSync(file, { throwIfNoEntry: false })?.nlink ?? 0
  } catch {
    return 0
  }
}

/** When each format of each article was last exported, and the version exported (its updatedAt). */
type Log = Record<string, Partial<Record<ExportFormat, { at: string; updatedAt: string }>>>

export class ExportSnapshots {
  private log: Log | null = null
  /** Entries removed from the log and not yet written. */
  private forgotten = false

  constructor(private readonly dir: string) {}

  private snapshotFile(id: string, format: ExportFormat): string {
    return path.join(this.dir, `${id}.${format}.json`)
  }
  private get logFile(): string {
    return path.join(this.dir, 'log.json')
  }

  private async load(): Promise<Log> {
    if (this.log) return this.log
    const text = await fs.readFile(this.logFile, 'utf8').catch(() => '{}')
    const parsed = jsonProblem(text)
    // a damaged log only forgets when things were exported (the snapshots stay)
    this.log = 'value' in parsed && parsed.value && typeof parsed.value === 'object' ? Object.assign(Object.create(null) as Log, parsed.value) : (Object.create(null) as Log)
    return this.log
  }

  /**
   * Remember these articles as exported in `format` at `at`. `link(article, path)` hard-links the article's
   * file to `path` when it still holds that version, and says whether it did.
   */
  async record(exported: readonly Article[], format: ExportFormat, at: string, link: (article: Article, path: string) => Promise<boolean> = async () => false): Promise<void> {
    if (!exported.length) return
    await fs.mkdir(this.dir, { recursive: true })
    const log = await this.load()
    const put = async (article: Article) => {
      const target = this.snapshotFile(article.id, format)
      // exported again unchanged: the snapshot already is that version, linked (a copy is written again)
      if (log[article.id]?.[format]?.updatedAt === article.updatedAt && linkCount(target) > 1) return
      const temp = tempPathFor(target)
      if (await link(article, temp).catch(() => false)) {
        await fs.rename(temp, target)
        // a rename onto another name of the same file does nothing and leaves the temp name (POSIX): so it
        // is when the snapshot already was this file but the log did not say so (a lost log, an export
        // stopped before writing it)
        rmSync(temp, { force: true })
      } else await writeFileAtomic(target, JSON.stringify(article), { sync: false })
    }
    // several at once: each waits on the disk, not on the processor
    await mapAtOnce(exported, 16, put)
    for (const article of exported) log[article.id] = { ...log[article.id], [format]: { at, updatedAt: article.updatedAt } }
    await fsyncDir(this.dir)
    this.forgotten = false
    await writeFileDurable(this.logFile, JSON.stringify(log))
  }

  /** The formats an article was exported in, newest first, with the version (updatedAt) each exported. */
  async of(id: string): Promise<Array<{ format: ExportFormat; at: string; updatedAt: string }>> {
    const entry = (await this.load())[id] ?? {}
    return (Object.entries(entry) as Array<[ExportFormat, { at: string; updatedAt: string }]>).map(([format, e]) => ({ format, ...e })).sort((a, b) => b.at.localeCompare(a.at))
  }

  /** The snapshot's JSON text (throws ENOENT when there is none). */
  read(id: string, format: ExportFormat): Promise<string> {
    return fs.readFile(this.snapshotFile(id, format), 'utf8')
  }

  /** Forget an article's exports (it is deleted for good); the caller writes the log once after (flush). */
  async removeAll(id: string): Promise<void> {
    const log = await this.load()
    const formats = Object.keys(log[id] ?? {}) as ExportFormat[]
    if (!formats.length) return
    for (const f of formats) await fs.rm(this.snapshotFile(id, f), { force: true })
    delete log[id]
    this.forgotten = true
  }

  /** Remove the temp files a process stopped in the middle of a record left (only with the store's lock held). */
  async sweep(): Promise<void> {
    const names = await fs.readdir(this.dir).catch(() => [])
    for (const name of names) if (isLeftoverTemp(name)) await fs.rm(path.join(this.dir, name), { force: true })
  }

  /** Write the log if exports were forgotten since it was last written (once for a whole emptied trash). */
  async flush(): Promise<void> {
    if (!this.forgotten || !this.log) return
    this.forgotten = false
    await writeFileDurable(this.logFile, JSON.stringify(this.log))
  }
}

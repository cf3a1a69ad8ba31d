/**
 * Revisions: the previous version of an article is kept, as a hard link to the old file
 * (free: no copy), at most one per COALESCE_MS window unless forced, at most MAX_REVISIONS.
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { REVISION_ID, type RevisionInfo, type RevisionReason } from '../../../shared/contract'
import { fsyncDir } from './durable-file'

export const MAX_REVISIONS = 50
export const COALESCE_MS = 60_000

const stamp = (iso: string) => iso.replace(/[-:.]/g, '')
const unstamp = (s: string) =>
  s.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z.*$/, '$1-$2-$3T$4:$5:$6.$7Z')

export class Revisions {
  /** Time of the newest kept revision per article (loaded lazily). */
  private readonly newest = new Map<string, number>()

  constructor(private readonly dir: string) {}

  private folder(id: string): string {
    return path.join(this.dir, id)
  }

  async list(id: string): Promise<Array<Pick<RevisionInfo, 'id' | 'savedAt' | 'reason'>>> {
    let names: string[]
    try {
      names = await fs.readdir(this.folder(id))
    } catch {
      return []
    }
    return names
      .filter((n) => n.endsWith('.json') && REVISION_ID.test(n.slice(0, -5)))
      .sort()
      .reverse()
      .map((n) => ({ id: n.slice(0, -5), savedAt: unstamp(n), reason: (/\.([a-z-]+)\.json$/.exec(n)?.[1] ?? 'edit') as RevisionReason }))
  }

  read(id: string, revisionId: string): Promise<string> {
    if (!REVISION_ID.test(revisionId)) throw new RangeError(`No revision ${revisionId}`)
    return fs.readFile(path.join(this.folder(id), revisionId + '.json'), 'utf8')
  }

  /**
   * Keep the current file `articleFile` (saved at `savedAt`) as a revision before it is replaced by work of
   * kind `reason`. Returns false when coalesced away (only edits are: every other reason keeps one).
   */
  async keep(id: string, articleFile: string, savedAt: string, now: number, reason: RevisionReason = 'edit'): Promise<boolean> {
    if (!this.newest.has(id)) {
      const latest = (await this.list(id))[0]
      this.newest.set(id, latest ? Date.parse(latest.savedAt) : -Infinity)
    }
    if (reason === 'edit' && now - (this.newest.get(id) ?? -Infinity) < COALESCE_MS) return false
    const folder = this.folder(id)
    await fs.mkdir(folder, { recursive: true })
    const suffix = reason === 'edit' ? '' : '.' + reason
    let target = path.join(folder, stamp(savedAt) + suffix + '.json')
    for (let i = 1; ; i++) {
      try {
        await fs.link(articleFile, target)
        break
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code
        if (code === 'ENOENT') return false
        if (code === 'EEXIST') {
          target = path.join(folder, `${stamp(savedAt)}-${i}${suffix}.json`)
          continue
        }
        if (code === 'EPERM' || code === 'EXDEV' || code === 'ENOTSUP') {
          await fs.copyFile(articleFile, target)
          break
        }
        throw err
      }
    }
    await fsyncDir(folder)
    this.newest.set(id, now)
    await this.prune(id)
    return true
  }

  private async prune(id: string): Promise<void> {
    const all = await this.list(id)
    for (const old of all.slice(MAX_REVISIONS)) await fs.rm(path.join(this.folder(id), old.id + '.json'), { force: true })
  }

  async removeAll(id: string): Promise<void> {
    this.newest.delete(id)
    await fs.rm(this.folder(id), { recursive: true, force: true })
  }
}

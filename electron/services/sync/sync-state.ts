/** The sync's durable memory, per drafts-folder file: what was last seen on disk and in the article. */
import { createHash } from 'node:crypto'
import path from 'node:path'
import { Low } from 'lowdb'
import * as z from 'zod'
import { EDITABLE_FIELDS, type Article, type ArticlePatch } from '../../../shared/article'
import { nfc } from '../../../shared/text'
import { DurableJsonFile } from '../store/json-file-adapter'
import { moveAside } from '../store/durable-file'
import { CorruptFileError } from '../errors'

export const FileStateSchema = z.object({
  /** Relative path as on disk (forward slashes). */
  file: z.string(),
  size: z.number(),
  mtimeMs: z.number(),
  hash: z.string(),
  articleId: z.string(),
  /** contentHash of the article as last synced (imported or updated from the file). */
  articleHash: z.string(),
  missing: z.boolean().default(false)
})
export type FileState = z.output<typeof FileStateSchema>

/** Per drafts folder (absolute path), per file (pathKey). */
const SyncDataSchema = z.object({ version: z.literal(2), folders: z.record(z.string(), z.record(z.string(), FileStateSchema)) })
type SyncData = z.output<typeof SyncDataSchema>

/** Two names that differ only in Unicode normalisation (NFC vs NFD, as macOS writes them) are one file. */
export function pathKey(rel: string): string {
  return nfc(rel.replace(/\\/g, '/'))
}

export function bytesHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** Fields added after sync.json files were first written. */
const LATER_FIELDS = new Set<string>(['notes', 'featuredImage'])

/** A hash of what a journalist edits in an article (not its timestamps or sync bookkeeping). */
export function contentHash(a: Article): string {
  // fields added later (notes, featured image) are left out when empty, so the hashes in older sync.json files still match
  return createHash('sha256').update(JSON.stringify(EDITABLE_FIELDS.filter((k) => !LATER_FIELDS.has(k) || a[k]).map((k) => a[k]))).digest('hex')
}

/** JSON with every object's keys in order: the same text gives the same string whatever order its keys came in. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]])) : v
  )
}

/**
 * Does the article already hold these fields (so taking them would change nothing)? Compared as content: a
 * body written with its keys in another order (the sample article's, a hand-made file's) is the same text.
 */
export function hasText(a: Article, fields: ArticlePatch): boolean {
  const text = (x: Record<string, unknown>) => canonicalJson(EDITABLE_FIELDS.map((k) => x[k] ?? null))
  return text(a) === text({ ...a, ...fields })
}

export class SyncState {
  private constructor(private readonly db: Low<SyncData>) {}

  /** Open `sync.json` in the store folder; a damaged one is moved aside (reported through `onProblem`) and started afresh. */
  static async open(storeDir: string, onProblem: (file: string, problem: string, movedTo: string) => void): Promise<SyncState> {
    const file = path.join(storeDir, 'sync.json')
    const db = new Low<SyncData>(
      new DurableJsonFile<SyncData>(file, (v) => (SyncDataSchema.safeParse(v).success ? null : 'sync state does not match its schema')),
      { version: 2, folders: {} }
    )
    try {
      await db.read()
      db.data = SyncDataSchema.parse(db.data)
    } catch (err) {
      if (!(err instanceof CorruptFileError)) throw err
      onProblem(file, err.problem, await moveAside(file))
      db.data = { version: 2, folders: {} }
    }
    return new SyncState(db)
  }

  /** The files remembered for a folder (an empty record for a folder not synced before), to read and change. */
  filesOf(folder: string): Record<string, FileState> {
    return (this.db.data.folders[path.resolve(folder)] ??= {})
  }

  save(): Promise<void> {
    return this.db.write()
  }
}

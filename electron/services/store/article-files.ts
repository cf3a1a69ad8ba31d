/**
 * The store's article files: where they live (`articles/<id>.json`, `trash/<id>.json`), which ids a folder
 * holds, and reading one with its checks (a regular file, not too large, valid JSON of an article with
 * that id). What to do with a damaged file is the store's business.
 */
import { promises as fs, lstatSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Article } from '../../../shared/article'
import { parseArticle } from './article-record'
import { fileTypeProblem, TEMP_PREFIX } from './durable-file'

/** Article files above this size are not read (moved aside): a valid article is far smaller (MAX_BODY_CHARS). */
export const MAX_ARTICLE_FILE_BYTES = 64 * 1024 * 1024

const UUID_FILE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.json$/

/** An article read, or why its file cannot be trusted; null when there is no such file. */
export type FileRead = { article: Article } | { problem: string } | null

export class ArticleFiles {
  readonly articlesDir: string
  readonly trashDir: string

  constructor(readonly dir: string) {
    this.articlesDir = path.join(dir, 'articles')
    this.trashDir = path.join(dir, 'trash')
  }

  fileOf(id: string, trashed = false): string {
    return path.join(trashed ? this.trashDir : this.articlesDir, id + '.json')
  }

  async createFolders(): Promise<void> {
    await Promise.all([this.articlesDir, this.trashDir].map((d) => fs.mkdir(d, { recursive: true })))
  }

  /**
   * The ids that have a file in the live folder and in the trash (a missing folder holds none), each folder
   * listed once. With `removeTemp` (only while holding the lock), temp files left by a writer that died
   * mid-write are removed on the way.
   */
  async scan(removeTemp: boolean): Promise<{ live: Set<string>; trashed: Set<string> }> {
    const list = async (dir: string) => {
      let names: string[]
      try {
        names = await fs.readdir(dir)
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return new Set<string>()
        throw err
      }
      if (removeTemp) for (const name of names) if (name.startsWith(TEMP_PREFIX)) await fs.rm(path.join(dir, name), { force: true })
      return new Set(names.filter((n) => UUID_FILE.test(n)).map((n) => n.slice(0, -5)))
    }
    if (removeTemp) await list(this.dir)
    const [live, trashed] = await Promise.all([list(this.articlesDir), list(this.trashDir)])
    return { live, trashed }
  }

  /**
   * Read an article file. The reading itself blocks, briefly: an article file is a few kilobytes (a larger
   * one than MAX_ARTICLE_FILE_BYTES is refused unread) and batches read thousands (an export, search
   * catching up), for which each read through the thread pool cost about three times the processor time.
   */
  async read(id: string, trashed = false): Promise<FileRead> {
    try {
      return this.readNow(id, trashed)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw err
    }
  }

  /**
   * The same, for the background pass. Any error reading is "no such file": whoever moved it keeps the
   * index right.
   */
  readSync(id: string): FileRead {
    try {
      return this.readNow(id, false)
    } catch {
      return null
    }
  }

  private readNow(id: string, trashed: boolean): FileRead {
    const file = this.fileOf(id, trashed)
    const problem = fileTypeProblem(lstatSync(file), MAX_ARTICLE_FILE_BYTES)
    return problem ? { problem } : parseArticle(readFileSync(file, 'utf8'), id)
  }
}

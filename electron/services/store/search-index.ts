/**
 * Full-text search over articles: FlexSearch with our own folding (diacritics, đ→d, case),
 * so `dang vien` finds `đảng viên`. Updated incrementally on save and delete.
 *
 * Updating a large FlexSearch index costs milliseconds (removing an article touches every posting list it
 * is in), so changes are queued and applied off the save path: a little after the last change, or at once
 * before any search, which therefore always sees every change.
 */
import { Index } from 'flexsearch'
import { foldedWords } from '../../../shared/text'

const APPLY_AFTER_MS = 200
const MAX_QUEUED = 500

export class SearchIndex {
  private readonly index = new Index({
    tokenize: 'strict',
    encode: foldedWords,
    resolution: 1,
    fastupdate: true
  } as ConstructorParameters<typeof Index>[0])

  /** Articles in the index once the queue is applied. */
  private readonly ids = new Set<string>()
  /** Articles in FlexSearch now. */
  private readonly indexed = new Set<string>()
  /** Changes not applied yet: new text, or null for removal. */
  private readonly queue = new Map<string, string | null>()
  private timer: NodeJS.Timeout | undefined

  set(id: string, text: string): void {
    this.ids.add(id)
    this.enqueue(id, text)
  }

  remove(id: string): void {
    if (!this.ids.delete(id)) return
    this.enqueue(id, null)
  }

  has(id: string): boolean {
    return this.ids.has(id)
  }

  get size(): number {
    return this.ids.size
  }

  /** Ids of the articles holding every word of the query. */
  search(query: string): Set<string> {
    this.apply()
    if (foldedWords(query).length === 0) return new Set(this.ids)
    return new Set(this.index.search(query, { limit: this.ids.size || 1 }) as string[])
  }

  private enqueue(id: string, text: string | null): void {
    this.queue.set(id, text)
    clearTimeout(this.timer)
    if (this.queue.size >= MAX_QUEUED) return this.apply()
    this.timer = setTimeout(() => this.apply(), APPLY_AFTER_MS)
    this.timer.unref?.()
  }

  /** Apply every queued change now. */
  apply(): void {
    clearTimeout(this.timer)
    for (const [id, text] of this.queue) {
      if (text === null) {
        if (this.indexed.delete(id)) this.index.remove(id)
      } else if (this.indexed.has(id)) this.index.update(id, text)
      else {
        this.index.add(id, text)
        this.indexed.add(id)
      }
    }
    this.queue.clear()
  }
}

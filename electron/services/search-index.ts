/**
 * Full-text search over articles: FlexSearch with our own folding (diacritics, đ→d, case),
 * so `dang vien` finds `đảng viên`. Updated incrementally on save and delete.
 */
import { Index } from 'flexsearch'
import { foldedWords } from '../../shared/text'

export class SearchIndex {
  private readonly index = new Index({
    tokenize: 'strict',
    encode: foldedWords,
    resolution: 1,
    fastupdate: true
  } as ConstructorParameters<typeof Index>[0])

  private readonly ids = new Set<string>()

  set(id: string, text: string): void {
    if (this.ids.has(id)) this.index.update(id, text)
    else this.index.add(id, text)
    this.ids.add(id)
  }

  remove(id: string): void {
    if (!this.ids.delete(id)) return
    this.index.remove(id)
  }

  has(id: string): boolean {
    return this.ids.has(id)
  }

  get size(): number {
    return this.ids.size
  }

  /** Ids of the articles holding every word of the query. */
  search(query: string): Set<string> {
    if (foldedWords(query).length === 0) return new Set(this.ids)
    return new Set(this.index.search(query, { limit: this.ids.size || 1 }) as string[])
  }
}

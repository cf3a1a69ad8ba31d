/**
 * Full-text search over articles with our own folding (diacritics, đ→d, case), so `dang vien` finds
 * `đảng viên`; every word of a query must be in the article (whole words).
 *
 * Two layers. The base is an inverted index kept on disk (`search.bin`: a JSON header with the articles and
 * the words, then one Uint32 list of article numbers per word) and read at open in milliseconds, so the
 * first search after opening a 20,000-article store does not wait for every file to be read. The overlay
 * holds the articles saved (or found stale) since the base was written; an article in the overlay or
 * removed is hidden from the base. `save` folds the overlay into a new base, written durably.
 */
import { promises as fs } from 'node:fs'
import { foldedWords } from '../../../shared/text'
import { writeFileDurable } from './durable-file'

/** The format's mark and version: 2 since the words either side of a line break are two (an older file is indexed again). */
const MAGIC = 'NDSI2\n'

interface Base {
  /** Article ids by number, and the updatedAt each was indexed at. */
  ids: string[]
  updated: string[]
  /** Word → [offset, count] in `postings`. */
  words: Map<string, [number, number]>
  postings: Uint32Array
  numberOf: Map<string, number>
}

export class SearchIndex {
  private base: Base | null = null
  /** Base entries not to be used: the article changed, was removed, or is in the overlay. */
  private readonly hidden = new Set<string>()
  /**
   * Articles indexed since the base: id → the numbers of its words (ascending, each once) and the updatedAt
   * they were read at. Numbers, not a Set of strings per article: a whole store indexed again holds
   * 20,000 of them, and sets of strings that size were most of the memory and garbage-collection time.
   */
  private readonly overlay = new Map<string, { words: Uint32Array; updated: string }>()
  /** The overlay's words by number. */
  private vocabulary = new Map<string, number>()
  private wordOf: string[] = []
  /** For each word number, the last `set` that met it (each word is kept once without a Set per article). */
  private seenAt = new Uint32Array(1024)
  private sets = 0

  set(id: string, text: string, updated = ''): void {
    this.hidden.add(id)
    this.overlay.set(id, { words: this.numbersOf(text), updated })
  }

  private numbersOf(text: string): Uint32Array {
    if (++this.sets === 0xffffffff) {
      this.seenAt.fill(0)
      this.sets = 1
    }
    const out: number[] = []
    for (const w of foldedWords(text)) {
      let n = this.vocabulary.get(w)
      if (n === undefined) {
        n = this.wordOf.push(w) - 1
        this.vocabulary.set(w, n)
        if (n >= this.seenAt.length) {
          const grown = new Uint32Array(this.seenAt.length * 2)
          grown.set(this.seenAt)
          this.seenAt = grown
        }
      }
      if (this.seenAt[n] === this.sets) continue
      this.seenAt[n] = this.sets
      out.push(n)
    }
    return Uint32Array.from(out).sort()
  }

  remove(id: string): void {
    this.hidden.add(id)
    this.overlay.delete(id)
  }

  has(id: string): boolean {
    return this.overlay.has(id) || (!!this.base?.numberOf.has(id) && !this.hidden.has(id))
  }

  private *allIds(): Iterable<string> {
    yield* this.overlay.keys()
    for (const id of this.base?.ids ?? []) if (!this.hidden.has(id)) yield id
  }

  get size(): number {
    let n = this.overlay.size
    for (const id of this.base?.ids ?? []) if (!this.hidden.has(id)) n++
    return n
  }

  /** How many articles were indexed since the base was written (what `save` would fold in). */
  get pending(): number {
    return this.hidden.size
  }

  /** Ids of the articles holding every word of the query. */
  search(query: string): Set<string> {
    const words = [...new Set(foldedWords(query))]
    if (words.length === 0) return new Set(this.allIds())
    const out = new Set<string>()
    const numbers = words.map((w) => this.vocabulary.get(w))
    if (numbers.every((n): n is number => n !== undefined)) for (const [id, entry] of this.overlay) if (numbers.every((n) => holds(entry.words, n))) out.add(id)
    const base = this.base
    if (!base) return out
    const lists: Uint32Array[] = []
    for (const w of words) {
      const at = base.words.get(w)
      if (!at) return out
      lists.push(base.postings.subarray(at[0], at[0] + at[1]))
    }
    lists.sort((a, b) => a.length - b.length)
    const rest = lists.slice(1).map((l) => new Set(l))
    for (const n of lists[0]) {
      if (!rest.every((s) => s.has(n))) continue
      const id = base.ids[n]
      if (id !== undefined && !this.hidden.has(id)) out.add(id)
    }
    return out
  }

  /**
   * Read the base from `file`. Returns false (and keeps no base) when it is missing or damaged: every
   * article must then be indexed again.
   */
  async load(file: string): Promise<boolean> {
    let bytes: Buffer
    try {
      bytes = await fs.readFile(file)
    } catch {
      return false
    }
    try {
      if (bytes.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) return false
      const headerLength = bytes.readUInt32LE(MAGIC.length)
      const headerStart = MAGIC.length + 4
      const header = JSON.parse(bytes.subarray(headerStart, headerStart + headerLength).toString('utf8')) as { ids: string[]; updated: string[]; words: Array<[string, number, number]> }
      const start = headerStart + headerLength
      const count = (bytes.length - start) / 4
      if (!Number.isInteger(count) || header.ids.length !== header.updated.length) return false
      // the writer pads the header so that the postings start on a 4-byte boundary: read them in place
      const aligned = (bytes.byteOffset + start) % 4 === 0
      const postings = aligned ? new Uint32Array(bytes.buffer, bytes.byteOffset + start, count) : new Uint32Array(count)
      if (!aligned) Buffer.from(postings.buffer).set(bytes.subarray(start))
      const words = new Map<string, [number, number]>()
      for (const [w, offset, n] of header.words) {
        // each list is in ascending order, so its last number is its largest: it must name an article of
        // the header (a number damaged inside a list is skipped where it is read)
        if (!(n > 0) || offset + n > count || postings[offset + n - 1] >= header.ids.length) return false
        words.set(w, [offset, n])
      }
      this.base = { ids: header.ids, updated: header.updated, words, postings, numberOf: new Map(header.ids.map((id, i) => [id, i])) }
      this.hidden.clear()
      this.overlay.clear()
      return true
    } catch {
      return false
    }
  }

  /**
   * Against the index's metadata: hide base entries of articles that are gone or were saved since (by
   * updatedAt), and return the live ids the base does not cover (to be read and `set`).
   */
  reconcile(live: ReadonlyMap<string, string>): string[] {
    const base = this.base
    const missing: string[] = []
    if (base) {
      base.ids.forEach((id, n) => {
        if (live.get(id) !== base.updated[n]) this.hidden.add(id)
      })
    }
    for (const id of live.keys()) if (!this.has(id)) missing.push(id)
    return missing
  }

  /** Fold the overlay into a new base and write it durably to `file`. */
  async save(file: string): Promise<void> {
    // what this base will cover, as it is now (saves may come in while the file is written)
    const folded = new Map([...this.hidden].map((id) => [id, this.overlay.get(id)]))
    const ids: string[] = []
    const updated: string[] = []
    const lists = new Map<string, number[]>()
    const base = this.base
    const add = (id: string, when: string, words: Iterable<string>) => {
      const n = ids.push(id) - 1
      updated.push(when)
      for (const w of words) {
        const list = lists.get(w)
        if (list) list.push(n)
        else lists.set(w, [n])
      }
    }
    if (base) {
      // the base's words per kept article, in one pass over the postings
      const wordsOf = new Map<number, string[]>()
      for (const [w, [offset, count]] of base.words) {
        for (let i = offset; i < offset + count; i++) {
          const n = base.postings[i]
          if (this.hidden.has(base.ids[n])) continue
          const list = wordsOf.get(n)
          if (list) list.push(w)
          else wordsOf.set(n, [w])
        }
      }
      base.ids.forEach((id, n) => {
        if (!this.hidden.has(id)) add(id, base.updated[n], wordsOf.get(n) ?? [])
      })
    }
    for (const [id, entry] of this.overlay) add(id, entry.updated, Array.from(entry.words, (n) => this.wordOf[n]))
    const words: Array<[string, number, number]> = []
    let total = 0
    for (const [w, list] of lists) {
      words.push([w, total, list.length])
      total += list.length
    }
    const postings = new Uint32Array(total)
    let at = 0
    for (const list of lists.values()) {
      postings.set(list, at)
      at += list.length
    }
    const json = Buffer.from(JSON.stringify({ ids, updated, words }), 'utf8')
    // spaces after the JSON put the postings on a 4-byte boundary (they can then be read in place)
    const header = Buffer.concat([json, Buffer.alloc((4 - ((MAGIC.length + 4 + json.length) % 4)) % 4, ' ')])
    const length = Buffer.alloc(4)
    length.writeUInt32LE(header.length)
    await writeFileDurable(file, Buffer.concat([Buffer.from(MAGIC, 'latin1'), length, header, Buffer.from(postings.buffer)]))
    this.base = { ids, updated, words: new Map(words.map(([w, o, n]) => [w, [o, n]])), postings, numberOf: new Map(ids.map((id, i) => [id, i])) }
    // what changed during the write stays in the overlay, hiding the new base's entry
    for (const [id, entry] of folded) {
      if (this.overlay.get(id) !== entry) continue
      this.hidden.delete(id)
      this.overlay.delete(id)
    }
    // nothing left to number: the words met so far are forgotten
    if (this.overlay.size === 0) {
      this.vocabulary = new Map()
      this.wordOf = []
      this.seenAt = new Uint32Array(1024)
    }
  }
}

/** Whether an ascending list holds `n` (binary search). */
function holds(list: Uint32Array, n: number): boolean {
  let lo = 0
  let hi = list.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (list[mid] === n) return true
    if (list[mid] < n) lo = mid + 1
    else hi = mid - 1
  }
  return false
}

/**
 * index.json as written on disk. Version 3 keeps the entries by field: one array per field, and for a
 * field whose values repeat (category, status, source, author, tags) each value once with numbers
 * pointing to it. A 20,000-article index is half the size of the same entries as objects, and is read
 * (decoded, parsed, built back into entries) in about half the time. Versions 1 and 2 (entries as
 * objects) are still read; the next snapshot writes version 3.
 */
import type { ArticleMeta } from '../../../shared/article'

/** Version 2 added each article's origin (file and hash) to the entries; version 3 writes them by field. */
export const INDEX_VERSION = 3

/** One field of every entry: its values (null where an entry has none), or a table of values and references to it. */
type Column = { values: unknown[] } | { table: string[]; refs: Array<number | null> } | { table: string[]; lists: Array<number[] | null> }

interface ColumnsFile {
  version: typeof INDEX_VERSION
  settings: unknown
  count: number
  fields: Record<string, Column>
}

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string')

/** The column of one field over all entries, in the shortest of the three forms. */
function columnOf(metas: ArticleMeta[], field: string): Column {
  const values = metas.map((m) => (m as unknown as Record<string, unknown>)[field] ?? null)
  const present = values.filter((v) => v !== null)
  const table: string[] = []
  const at = new Map<string, number>()
  const ref = (s: string) => {
    let n = at.get(s)
    if (n === undefined) at.set(s, (n = table.push(s) - 1))
    return n
  }
  if (present.length && present.every(isStringArray)) return { table, lists: values.map((v) => (v === null ? null : (v as string[]).map(ref))) }
  if (present.length && present.every((v) => typeof v === 'string')) {
    const refs = values.map((v) => (v === null ? null : ref(v as string)))
    // a table pays when values repeat
    if (table.length * 2 <= present.length) return { table, refs }
  }
  return { values }
}

/** The index as written: entries by field. */
export function indexToFile(data: { version: number; articles: Record<string, ArticleMeta>; settings: unknown }): ColumnsFile {
  const metas = Object.values(data.articles)
  const fields = new Set<string>()
  for (const m of metas) for (const k of Object.keys(m)) fields.add(k)
  return {
    version: INDEX_VERSION,
    settings: data.settings,
    count: metas.length,
    fields: Object.fromEntries([...fields].map((f) => [f, columnOf(metas, f)]))
  }
}

const isRef = (n: unknown, size: number) => Number.isInteger(n) && (n as number) >= 0 && (n as number) < size

/** Why the columns cannot be read back into entries, or null. */
function columnsProblem(file: Partial<ColumnsFile>): string | null {
  const count = file.count
  if (!Number.isInteger(count) || (count as number) < 0) return 'count: expected a whole number'
  if (!file.fields || typeof file.fields !== 'object' || Array.isArray(file.fields)) return 'fields: expected an object'
  for (const [field, column] of Object.entries(file.fields as Record<string, Partial<Record<'values' | 'table' | 'refs' | 'lists', unknown>> | null>)) {
    const where = `fields.${field.slice(0, 40)}`
    // (set on an entry, it would be the entry's prototype, not a field)
    if (field === '__proto__') return `${where}: not a field of an entry`
    if (!column || typeof column !== 'object') return `${where}: expected a column`
    const { values, table, refs, lists } = column
    if (values !== undefined) {
      if (!Array.isArray(values) || values.length !== count) return `${where}: expected ${count} value${count === 1 ? '' : 's'}`
    } else {
      if (!isStringArray(table)) return `${where}: expected a table of strings`
      const size = table.length
      if (Array.isArray(refs) && refs.length === count) {
        if (!refs.every((n) => n === null || isRef(n, size))) return `${where}: a reference outside its table`
      } else if (Array.isArray(lists) && lists.length === count) {
        if (!lists.every((l) => l === null || (Array.isArray(l) && l.every((n) => isRef(n, size))))) return `${where}: a reference outside its table`
      } else return `${where}: expected ${count} reference${count === 1 ? '' : 's'}`
    }
  }
  // every entry has its id (once), its title and when it was saved
  const column = (f: string) => (file.fields as Record<string, Column>)[f] as { values?: unknown[] } | undefined
  const ids = column('id')?.values
  const titles = column('title')
  const updated = column('updatedAt')
  if (count === 0) return null
  if (!ids || !ids.every((id) => typeof id === 'string') || new Set(ids).size !== ids.length) return 'fields.id: expected a different id for every entry'
  for (const [name, c] of [['title', titles], ['updatedAt', updated]] as const) {
    const ok = c && ('values' in c ? (c.values as unknown[]).every((v) => typeof v === 'string') : 'refs' in c && (c as { refs: unknown[] }).refs.every((n) => n !== null))
    if (!ok) return `fields.${name}: expected one for every entry`
  }
  return null
}

/**
 * Why a parsed index.json cannot be used, or null: the columns (version 3) or the entries as objects
 * (versions 1 and 2). Plain loops rather than a zod schema: this runs over 20,000 entries at each open.
 */
export function indexFileProblem(v: unknown): string | null {
  const data = v as { version?: unknown; articles?: unknown } | null
  const problem = (p: string) => `index does not match its schema: ${p}`
  if (!data || typeof data !== 'object') return problem('expected an object')
  if (data.version === INDEX_VERSION) {
    const p = columnsProblem(data as Partial<ColumnsFile>)
    return p && problem(p)
  }
  if (data.version !== 1 && data.version !== 2) return problem('version: unknown version')
  if (!data.articles || typeof data.articles !== 'object' || Array.isArray(data.articles)) return problem('articles: expected an object')
  for (const [key, m] of Object.entries(data.articles as Record<string, unknown>)) {
    const meta = m as Partial<ArticleMeta> | null
    if (!meta || typeof meta !== 'object' || meta.id !== key || typeof meta.title !== 'string' || typeof meta.updatedAt !== 'string') {
      return problem(`articles.${key.slice(0, 40)}: expected an entry with its id, title and updatedAt`)
    }
  }
  return null
}

/**
 * The entries of a checked index file, in a null-prototype record (an id such as `__proto__` is only ever
 * an entry), with the version the file was written in.
 */
export function indexFromFile(v: unknown): { version: number; articles: Record<string, ArticleMeta>; settings: unknown } {
  // (the version says what an older file lacks: the caller reads a version-1 index again from the files)
  const data = v as { version: number; articles?: Record<string, ArticleMeta>; settings?: unknown }
  if (data.version !== INDEX_VERSION) {
    // objects as they were written (set in place: no copy of 20,000 entries)
    return { version: data.version, articles: Object.setPrototypeOf(data.articles ?? {}, null) as Record<string, ArticleMeta>, settings: data.settings }
  }
  const file = v as ColumnsFile
  const readers = Object.entries(file.fields).map(([field, c]): [string, (i: number) => unknown] => {
    if ('values' in c) return [field, (i) => c.values[i]]
    if ('refs' in c) return [field, (i) => (c.refs[i] === null ? null : c.table[c.refs[i]!])]
    return [field, (i) => c.lists[i]?.map((n) => c.table[n]) ?? null]
  })
  const articles = Object.create(null) as Record<string, ArticleMeta>
  for (let i = 0; i < file.count; i++) {
    const meta: Record<string, unknown> = {}
    for (const [field, read] of readers) {
      const value = read(i)
      if (value !== null) meta[field] = value
    }
    articles[meta.id as string] = meta as unknown as ArticleMeta
  }
  return { version: INDEX_VERSION, articles, settings: file.settings }
}

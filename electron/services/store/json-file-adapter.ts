/** A lowdb adapter that writes durably and refuses to read a damaged file (the caller moves it aside). */
import { promises as fs } from 'node:fs'
import type { Adapter } from 'lowdb'
import { CorruptFileError } from '../errors'
import { fileTypeProblem, jsonProblem, writeFileDurable } from './durable-file'

/** The largest JSON file read (the index of 20,000 articles is about 15 MB). */
export const MAX_JSON_FILE_BYTES = 256 * 1024 * 1024

/** How a value is kept in its file, when not as it is (the store's index is kept by field). */
export interface JsonForm<T> {
  fromJson(value: unknown): T
  toJson(data: T): unknown
}

export class DurableJsonFile<T> implements Adapter<T> {
  constructor(
    private readonly file: string,
    /** Returns why the parsed value is not a valid T (or, with `form`, a valid file of it), or null. */
    private readonly check: (value: unknown) => string | null = () => null,
    private readonly form?: JsonForm<T>,
    private readonly maxBytes = MAX_JSON_FILE_BYTES
  ) {}

  async read(): Promise<T | null> {
    let text: string
    try {
      const typeProblem = fileTypeProblem(await fs.lstat(this.file), this.maxBytes)
      if (typeProblem) throw new CorruptFileError(this.file, typeProblem)
      text = await fs.readFile(this.file, 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw err
    }
    const parsed = jsonProblem(text)
    if ('problem' in parsed) throw new CorruptFileError(this.file, parsed.problem)
    const problem = this.check(parsed.value)
    if (problem) throw new CorruptFileError(this.file, problem)
    return this.form ? this.form.fromJson(parsed.value) : (parsed.value as T)
  }

  write(data: T): Promise<void> {
    return writeFileDurable(this.file, JSON.stringify(this.form ? this.form.toJson(data) : data))
  }
}

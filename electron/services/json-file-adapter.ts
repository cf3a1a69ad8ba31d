/** A lowdb adapter that writes durably and refuses to read a damaged file (the caller moves it aside). */
import { promises as fs } from 'node:fs'
import type { Adapter } from 'lowdb'
import { jsonProblem, writeFileDurable } from './durable-file'

export class CorruptFileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string
  ) {
    super(`${file}: ${problem}`)
    this.name = 'CorruptFileError'
  }
}

export class DurableJsonFile<T> implements Adapter<T> {
  constructor(
    private readonly file: string,
    /** Returns why the parsed value is not a valid T, or null. */
    private readonly check: (value: unknown) => string | null = () => null
  ) {}

  async read(): Promise<T | null> {
    let text: string
    try {
      text = await fs.readFile(this.file, 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw err
    }
    const parsed = jsonProblem(text)
    if ('problem' in parsed) throw new CorruptFileError(this.file, parsed.problem)
    const problem = this.check(parsed.value)
    if (problem) throw new CorruptFileError(this.file, problem)
    return parsed.value as T
  }

  write(data: T): Promise<void> {
    return writeFileDurable(this.file, JSON.stringify(data))
  }
}

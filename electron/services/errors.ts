/**
 * Every error the services throw on purpose, in one place: each names what went wrong in words a
 * journalist (or a script) can act on. The bridge maps them to error codes (bridge/dispatch.ts).
 */
import os from 'node:os'

/** Input that does not fit the article or settings schema; the message names the field. */
export class ValidationError extends Error {
  name = 'ValidationError'
}

/** No such article (or revision), or an id that is not one. */
export class NotFoundError extends Error {
  name = 'NotFoundError'
}

/** A change asked of a store opened read-only (read-only media, a full disk). */
export class ReadOnlyStoreError extends Error {
  name = 'ReadOnlyStoreError'
}

/** Another process (on this computer or another) has the store open. */
export class StoreLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
    readonly host: string = os.hostname()
  ) {
    super(
      host === os.hostname()
        ? `The store ${dir} is already open in another Newsdesk process (pid ${pid}); close it first.`
        : `The store ${dir} is open in Newsdesk on the computer "${host}" (pid ${pid}); close it there first. If that computer is off or crashed, delete ${dir}/store.lock.`
    )
    this.name = 'StoreLockedError'
  }
}

/** A data file that cannot be trusted (the caller moves it aside and reports it). */
export class CorruptFileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string
  ) {
    super(`${file}: ${problem}`)
    this.name = 'CorruptFileError'
  }
}

/** A draft refused by an importer; the message is the reason shown for that file. */
export class ImportError extends Error {
  name = 'ImportError'
}

/** Front matter that is not plain YAML data (another language, invalid, too large, too deep). */
export class FrontMatterError extends ImportError {
  name = 'FrontMatterError'
}

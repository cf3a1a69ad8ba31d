/** Which files in a drafts folder the sync looks at, and which sync-conflict copies point to which file. */
import path from 'node:path'
import { isImportable } from '../import'

/** How deep the sync (scan and watcher alike) goes into subfolders of the drafts folder. */
export const MAX_FOLDER_DEPTH = 8

/** Temp, lock and cache files of editors and sync tools (and our own temp files, which are hidden). */
const IGNORED_NAME = [
  /^\./, // hidden files and folders, .dropbox.cache, .syncthing.*.tmp, our .newsdesk-tmp-*
  /^~\$/, // Office lock files
  /^~syncthing~/,
  /\.(tmp|partial|crdownload|part|swp)$/i,
  /~$/
]

/** Is this name (one path segment) ignored silently? */
export function isIgnoredName(name: string): boolean {
  return IGNORED_NAME.some((re) => re.test(name))
}

/** Is this relative path one the sync imports (no ignored segment, an importable type)? */
export function isSyncedPath(rel: string): boolean {
  const parts = rel.split(/[\\/]/)
  return !parts.some(isIgnoredName) && isImportable(rel)
}

const SYNCTHING = /^(.*)\.sync-conflict-\d{8}-\d{6}-[A-Z0-9]{7}(\.[^.]+)$/
const DROPBOX = /^(.*) \([^()]*conflicted copy[^()]*\)(\.[^.]+)$/i

/** For a sync tool's conflict copy, the path of the file it is a copy of; null for an ordinary file. */
export function conflictOriginal(rel: string): string | null {
  const dir = path.posix.dirname(rel.replace(/\\/g, '/'))
  const base = path.posix.basename(rel.replace(/\\/g, '/'))
  const m = SYNCTHING.exec(base) ?? DROPBOX.exec(base)
  if (!m) return null
  return dir === '.' ? m[1] + m[2] : `${dir}/${m[1]}${m[2]}`
}

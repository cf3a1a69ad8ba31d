/**
 * The store's photos: `media/<sha256>.<ext>`, content-addressed (the same photo added twice is one file),
 * written durably, checked by their bytes before anything is written. Articles name them by media
 * reference (`media:<file>`). Nothing here deletes a photo but `clean`, which a journalist asks for.
 */
import { createHash } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { DEFAULT_MAX_PHOTO_BYTES, MEDIA_FILE, mediaFileOf, mediaRef } from '../../../shared/media'
import { writeFileDurable } from '../store/durable-file'
import type { PhotoMetadata } from './photo-metadata'

export interface AddedPhoto extends PhotoMetadata {
  /** The media reference to put in the article (`media:<sha256>.<ext>`). */
  media: string
  width: number
  height: number
  bytes: number
}

export type AddPhotoResult = ({ ok: true } & AddedPhoto) | { ok: false; error: string }

/** A photo younger than this is never cleaned up: it may be in an editor, not saved yet. */
export const CLEAN_GRACE_MS = 60 * 60 * 1000

/**
 * The byte checks and the metadata reader, loaded with the first photo: their libraries (image-size,
 * exifr) cost ~40 ms to load, which every command opening the store would otherwise pay.
 */
const photoTools = () => Promise.all([import('./photo-check'), import('./photo-metadata')])

const MEDIA_REF_IN_TEXT = /media:([0-9a-f]{64}\.(?:jpg|png|webp|gif|avif))/g

export class MediaStore {
  constructor(
    readonly dir: string,
    readonly maxBytes = DEFAULT_MAX_PHOTO_BYTES
  ) {}

  /** The path of a media file or reference; throws for anything that is not one (no path from outside gets through). */
  pathOf(refOrFile: string): string {
    const file = refOrFile.startsWith('media:') ? mediaFileOf(refOrFile) : refOrFile
    if (!MEDIA_FILE.test(file)) throw new RangeError(`Not a media file name: ${file.slice(0, 80)}`)
    return path.join(this.dir, file)
  }

  /** Check and keep a photo; `name` is the file's name where it came from (for messages and the format check). */
  async add(bytes: Uint8Array, name: string): Promise<AddPhotoResult> {
    const [{ checkPhoto }, { readPhotoMetadata }] = await photoTools()
    const check = checkPhoto(bytes, name, this.maxBytes)
    if (!check.ok) return check
    const file = `${createHash('sha256').update(bytes).digest('hex')}.${check.ext}`
    const target = path.join(this.dir, file)
    const known = await fs.stat(target).then((st) => st.size === bytes.length, () => false)
    if (!known) {
      await fs.mkdir(this.dir, { recursive: true })
      await writeFileDurable(target, bytes)
    }
    return { ok: true, media: mediaRef(file), width: check.width, height: check.height, bytes: bytes.length, ...(await readPhotoMetadata(bytes)) }
  }

  read(refOrFile: string): Promise<Buffer> {
    return fs.readFile(this.pathOf(refOrFile))
  }

  async has(refOrFile: string): Promise<boolean> {
    return fs.access(this.pathOf(refOrFile)).then(() => true, () => false)
  }

  /** Every media file, with its size and time. */
  async list(): Promise<Array<{ file: string; bytes: number; mtimeMs: number }>> {
    const names = await fs.readdir(this.dir).catch(() => [] as string[])
    const out: Array<{ file: string; bytes: number; mtimeMs: number }> = []
    for (const file of names.filter((n) => MEDIA_FILE.test(n)).sort()) {
      const st = await fs.stat(path.join(this.dir, file)).catch(() => null)
      if (st?.isFile()) out.push({ file, bytes: st.size, mtimeMs: st.mtimeMs })
    }
    return out
  }

  /**
   * Remove the photos no file under `keepers` (articles, trash, revisions) names, older than the grace
   * period; with `dryRun`, only say which.
   */
  async clean(keepers: string[], { dryRun = false, now = Date.now() } = {}): Promise<{ removed: string[]; bytes: number }> {
    const used = await referencedMedia(keepers)
    const removed: string[] = []
    let bytes = 0
    for (const m of await this.list()) {
      if (used.has(m.file) || now - m.mtimeMs < CLEAN_GRACE_MS) continue
      if (!dryRun) await fs.rm(path.join(this.dir, m.file), { force: true })
      removed.push(mediaRef(m.file))
      bytes += m.bytes
    }
    return { removed, bytes }
  }
}

/**
 * The media files named anywhere in the JSON files under these folders (searched as text, so a file the
 * schema would refuse still keeps its photos: cleaning never takes a photo something might need).
 */
export async function referencedMedia(folders: string[]): Promise<Set<string>> {
  const used = new Set<string>()
  for (const folder of folders) {
    const entries = await fs.readdir(folder, { recursive: true, withFileTypes: true }).catch(() => [])
    for (const e of entries) {
      if (!e.isFile() || !e.name.endsWith('.json')) continue
      const text = await fs.readFile(path.join(e.parentPath, e.name), 'utf8').catch(() => '')
      for (const m of text.matchAll(MEDIA_REF_IN_TEXT)) used.add(m[1])
    }
  }
  return used
}

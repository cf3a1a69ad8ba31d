/** Photos from files (a file dialog, the CLI) into the store: each checked on its own, one refusal stops nothing. */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { PhotosAdded } from '../../../shared/contract'
import type { AddPhotoResult } from './media-store'

/** What adds one photo: the store's addPhoto, with its size limit. */
export interface PhotoSink {
  addPhoto(bytes: Uint8Array, name: string): Promise<AddPhotoResult>
  readonly media: { readonly maxBytes: number }
}

/** Keep the photo in `file`: a regular file, refused before it is read when it is over the size limit. */
export async function addPhotoFile(store: PhotoSink, file: string): Promise<AddPhotoResult> {
  const st = await fs.stat(file)
  if (!st.isFile()) return { ok: false, error: 'is not a file' }
  const mb = (bytes: number) => Math.round(bytes / 2 ** 20)
  if (st.size > store.media.maxBytes) return { ok: false, error: `the photo is too large (${mb(st.size)} MB; at most ${mb(store.media.maxBytes)} MB)` }
  return store.addPhoto(await fs.readFile(file), path.basename(file))
}

/** Put one result in the answer: added, or refused with its reason. */
function note(out: PhotosAdded, file: string, r: AddPhotoResult): void {
  if (!r.ok) return void out.errors.push({ file, error: r.error })
  const { ok: _ok, bytes: _bytes, ...photo } = r
  out.added.push({ file, ...photo })
}

/** A pasted or dropped photo (its bytes, and the name it had). */
export async function addPhotoBytes(store: PhotoSink, name: string, bytes: Uint8Array): Promise<PhotosAdded> {
  const out: PhotosAdded = { added: [], errors: [] }
  note(out, name, await store.addPhoto(bytes, name))
  return out
}

export async function addPhotoFiles(store: PhotoSink, files: string[]): Promise<PhotosAdded> {
  const out: PhotosAdded = { added: [], errors: [] }
  for (const file of files) {
    try {
      note(out, file, await addPhotoFile(store, file))
    } catch (err) {
      out.errors.push({ file, error: (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : err instanceof Error ? err.message : String(err) })
    }
  }
  return out
}

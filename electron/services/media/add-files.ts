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
      const st = await fs.stat(file)
      if (!st.isFile()) throw new Error('is not a file')
      // a file far too large is refused before it is read
      if (st.size > store.media.maxBytes) throw new Error(`the photo is too large (${Math.round(st.size / 2 ** 20)} MB; at most ${Math.round(store.media.maxBytes / 2 ** 20)} MB)`)
      note(out, file, await store.addPhoto(await fs.readFile(file), path.basename(file)))
    } catch (err) {
      out.errors.push({ file, error: (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : err instanceof Error ? err.message : String(err) })
    }
  }
  return out
}

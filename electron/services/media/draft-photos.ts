/**
 * The images a draft names beside it, taken into the store: only a relative path that stays inside the
 * draft's folder tree (`root`), through no symbolic link, to a regular file within the size limit. An
 * absolute path, a `../` that climbs out, a link, a device are refused with the reason.
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { PhotoFound, PhotoSource } from '../import/photos'
import { addPhotoFile, type PhotoSink } from './add-files'
import type { AddPhotoResult } from './media-store'

function found(r: AddPhotoResult): PhotoFound {
  if (!r.ok) return { error: r.error }
  return { media: r.media, width: r.width, height: r.height, caption: r.caption, credit: r.credit }
}

async function pathProblem(root: string, target: string): Promise<string | null> {
  const rel = path.relative(root, target)
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return 'points outside the drafts folder'
  // no symbolic link on the way, the file itself included
  let at = root
  for (const part of rel.split(path.sep)) {
    at = path.join(at, part)
    const st = await fs.lstat(at).catch(() => null)
    if (!st) return 'no such file beside the draft'
    if (st.isSymbolicLink()) return 'is reached through a symbolic link, which is not followed'
  }
  return null
}

export function draftPhotos(store: PhotoSink, root: string, draftFile: string): PhotoSource {
  return {
    async fromPath(written) {
      if (path.isAbsolute(written) || /^[a-z]:[\\/]/i.test(written) || written.startsWith('\\\\')) return { error: 'absolute paths are not followed: put the image beside the draft' }
      if (/^[a-z][a-z0-9+.-]*:/i.test(written)) return { error: 'not a path beside the draft' }
      const target = path.resolve(path.dirname(draftFile), written.replace(/\\/g, '/'))
      const problem = await pathProblem(path.resolve(root), target)
      if (problem) return { error: problem }
      return found(await addPhotoFile(store, target))
    },
    async fromBytes(bytes, name) {
      return found(await store.addPhoto(bytes, name))
    }
  }
}

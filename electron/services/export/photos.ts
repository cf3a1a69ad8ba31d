/**
 * The photos of an export: copied into a folder beside the exported file (`ten-bai/` for one article,
 * `media/` shared by a batch) so that the folder can be moved or zipped whole, or embedded as data URLs
 * for a single self-contained file.
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { Article } from '../../../shared/article'
import { mediaFileOf, photoRefsOf, PHOTO_TYPES, type PhotoExt } from '../../../shared/media'
import type { MediaStore } from '../media/media-store'
import { TEMP_PREFIX } from '../store/durable-file'
import type { RenderChoices } from './render-as'


async function readPhoto(media: MediaStore, ref: string): Promise<Buffer> {
  try {
    return await media.read(ref)
  } catch {
    throw new Error(`photo ${mediaFileOf(ref)} is missing from the store's media folder`)
  }
}

/** Copy photos into `dir` (a photo already there, same size, is left as it is: files are named by content). */
export async function copyPhotos(refs: string[], media: MediaStore, dir: string): Promise<void> {
  if (!refs.length) return
  await fs.mkdir(dir, { recursive: true })
  for (const ref of refs) {
    const file = mediaFileOf(ref)
    const target = path.join(dir, file)
    const source = media.pathOf(ref)
    const [have, want] = await Promise.all([fs.stat(target).catch(() => null), fs.stat(source).catch(() => null)])
    if (!want) throw new Error(`photo ${file} is missing from the store's media folder`)
    if (have?.size === want.size) continue
    const temp = path.join(dir, `${TEMP_PREFIX}${file}`)
    await fs.copyFile(source, temp)
    await fs.rename(temp, target)
  }
}

export async function embeddedPhotos(refs: string[], media: MediaStore): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const ref of refs) {
    const ext = mediaFileOf(ref).split('.')[1] as PhotoExt
    out[ref] = `data:${PHOTO_TYPES[ext]};base64,${(await readPhoto(media, ref)).toString('base64')}`
  }
  return out
}

/** Put an article's photos where its exported file will find them, and say how the file names them. */
export async function placePhotos(
  article: Pick<Article, 'body' | 'featuredImage'>,
  media: MediaStore,
  how: { embed: true } | { dir: string; folder: string }
): Promise<RenderChoices['photos']> {
  const refs = photoRefsOf(article)
  if ('embed' in how) return { embedded: await embeddedPhotos(refs, media) }
  await copyPhotos(refs, media, path.join(how.dir, how.folder))
  return { folder: how.folder }
}

/**
 * Photos: one 10 MB JPEG into an article through to durable, an article list holding 100 photos exported
 * as HTML (photos copied beside it), and a save of an article holding 20 photos beside a save of the same
 * text without them (a save writes references, never the photos again).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { docFromParagraphs } from '../shared/doc'
import { figureJson } from '../shared/media'
import { exportArticles } from '../electron/services/export'
import { ArticleStore } from '../electron/services/store'
import type { AddPhotoResult } from '../electron/services/media'
import { makeArticle } from './corpus'
import { median, round } from './fixtures'
import type { Report } from './run'

const FIXTURE = path.resolve('electron/services/media/fixtures/cau-rong.jpg')

/** A valid JPEG of about `bytes` (the fixture with comment segments after its start), made unique by `seed`. */
function jpegOf(base: Buffer, bytes: number, seed: number): Buffer {
  const segments: Buffer[] = []
  let size = base.length
  for (let i = 0; size < bytes; i++) {
    const length = Math.min(65_533, bytes - size)
    const segment = Buffer.alloc(length + 4)
    segment.writeUInt16BE(0xfffe, 0)
    segment.writeUInt16BE(length + 2, 2)
    segment.fill(`newsdesk ${seed}.${i} `, 4)
    segments.push(segment)
    size += segment.length
  }
  if (!segments.length) segments.push(Buffer.from([0xff, 0xfe, 0, 10, ...Buffer.from(String(seed).padStart(8, '0'))]))
  return Buffer.concat([base.subarray(0, 2), ...segments, base.subarray(2)])
}

export default async function mediaBench(report: Report): Promise<void> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'nd-bench-media-'))
  const base = await readFile(FIXTURE)
  const store = await ArticleStore.open(path.join(work, 'store'), { sample: false })
  try {
    // one 10 MB photo into an article, through to durable (the photo's file, then the article's)
    const article = await store.create({ ...makeArticle(1), status: 'draft' })
    const adds: number[] = []
    for (let i = 0; i < 5; i++) {
      const bytes = jpegOf(base, 10 * 2 ** 20, i)
      const started = performance.now()
      const added = await store.addPhoto(bytes, 'anh-lon.jpg')
      if (!added.ok) throw new Error(added.error)
      const current = await store.get(article.id)
      await store.save(article.id, { body: { ...current.body, content: [...(current.body.content as unknown[]), figureJson(added)] } as never })
      adds.push(performance.now() - started)
    }
    report('media.add_10mb_ms', round(median(adds)), 'ms')

    // saves: an article with 20 photos, and the same text without them
    const photos: Array<Extract<AddPhotoResult, { ok: true }>> = []
    for (let i = 0; i < 20; i++) {
      const r = await store.addPhoto(jpegOf(base, 0, 1000 + i), `anh-${i}.jpg`)
      if (!r.ok) throw new Error(r.error)
      photos.push(r)
    }
    const text = makeArticle(2)
    const paragraphs = (text.body.content as unknown[]) ?? []
    const withPhotos = await store.create({ ...text, body: { type: 'doc', content: paragraphs.flatMap((p, i) => (i < 20 ? [p, figureJson(photos[i])] : [p])) } as never })
    const plain = await store.create(text)
    const saves = async (id: string) => {
      const ms: number[] = []
      for (let i = 0; i < 30; i++) {
        const current = await store.get(id)
        const started = performance.now()
        await store.save(id, { title: `${current.title.split(' #')[0]} #${i}` })
        ms.push(performance.now() - started)
      }
      return median(ms)
    }
    report('media.save_20_photos_ms', round(await saves(withPhotos.id)), 'ms')
    report('media.save_no_photos_ms', round(await saves(plain.id)), 'ms')

    // an article list holding 100 photos (20 articles of 5), exported as HTML with its media folder
    const ids: string[] = []
    for (let a = 0; a < 20; a++) {
      const figures = []
      for (let k = 0; k < 5; k++) {
        const r = await store.addPhoto(jpegOf(base, 0, 2000 + a * 5 + k), 'anh.jpg')
        if (!r.ok) throw new Error(r.error)
        figures.push(figureJson(r, { credit: 'Bench' }))
      }
      ids.push((await store.create({ title: `Bài có ảnh ${a}`, body: { type: 'doc', content: [...(docFromParagraphs(['Mở đầu.']).content as unknown[]), ...figures] } as never })).id)
    }
    const exports: number[] = []
    for (let i = 0; i < 3; i++) {
      const out = path.join(work, `out-${i}`)
      const started = performance.now()
      const result = await exportArticles(ids, (id) => store.get(id), { dir: out, format: 'html', media: store.media, onExisting: () => 'skip' })
      exports.push(performance.now() - started)
      if (result.failed.length) throw new Error(result.failed[0].error)
    }
    report('media.export_100_photos_ms', round(median(exports)), 'ms')
  } finally {
    await store.close()
    await rm(work, { recursive: true, force: true })
  }
}

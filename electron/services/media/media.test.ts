/**
 * Photos into the store: checked by their bytes (every refusal named), read for their own metadata, kept
 * once by content and durably, cleaned up only when asked and only when nothing refers to them; and the
 * images of drafts, from beside them (never from outside the drafts folder) and from inside Word files.
 */
import { mkdir, readdir, readFile, symlink, utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mediaFileOf } from '../../../shared/media'
import { importFile } from '../import'
import { ArticleStore } from '../store'
import { tempDir } from '../test-support/temp-dir'
import { checkPhoto, MAX_PHOTO_PIXELS } from './photo-check'
import { draftPhotos } from './draft-photos'
import { readPhotoMetadata } from './photo-metadata'
import { CLEAN_GRACE_MS } from './media-store'

const FIXTURES = path.join(import.meta.dirname, 'fixtures')
const fixture = (name: string) => readFile(path.join(FIXTURES, name))

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir('nd-media-'))
})
afterEach(() => cleanup())

/** A PNG header claiming a size (the rest of the file is nothing): what a decompression bomb looks like before decoding. */
function pngClaiming(width: number, height: number): Uint8Array {
  const ihdr = Buffer.alloc(25)
  ihdr.writeUInt32BE(13, 0)
  ihdr.write('IHDR', 4)
  ihdr.writeUInt32BE(width, 8)
  ihdr.writeUInt32BE(height, 12)
  ihdr.writeUInt8(8, 16)
  ihdr.writeUInt8(2, 17)
  const iend = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82])
  return Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), ihdr, iend])
}

describe('checkPhoto: by the bytes, never the name', () => {
  it('takes JPEG, PNG, WebP, GIF and AVIF with their sizes', async () => {
    expect(checkPhoto(await fixture('cau-rong.jpg'), 'cau-rong.jpg')).toEqual({ ok: true, ext: 'jpg', width: 640, height: 400 })
    expect(checkPhoto(await fixture('co-do.png'), 'co-do.png')).toEqual({ ok: true, ext: 'png', width: 30, height: 20 })
    expect(checkPhoto(await fixture('hoa-sen.webp'), 'hoa-sen.webp')).toEqual({ ok: true, ext: 'webp', width: 24, height: 16 })
    expect(checkPhoto(await fixture('sao.gif'), 'sao.gif')).toEqual({ ok: true, ext: 'gif', width: 10, height: 10 })
    expect(checkPhoto(await fixture('dem.avif'), 'dem.avif')).toEqual({ ok: true, ext: 'avif', width: 12, height: 8 })
    // a pasted image may have no useful name
    expect(checkPhoto(await fixture('co-do.png'), 'image')).toMatchObject({ ok: true, ext: 'png' })
  })

  it('refuses, saying why: cut short, renamed, SVG, a bomb, too large, not a photo, empty', async () => {
    const jpg = await fixture('cau-rong.jpg')
    expect(checkPhoto(jpg.subarray(0, jpg.length - 200), 'cau-rong.jpg')).toEqual({ ok: false, error: 'the JPEG file is cut short (damaged or still being copied)' })
    expect(checkPhoto((await fixture('co-do.png')).subarray(0, 300), 'co-do.png')).toMatchObject({ ok: false, error: expect.stringContaining('PNG file is cut short') })
    expect(checkPhoto(await fixture('co-do.png'), 'co-do.jpg')).toEqual({ ok: false, error: 'the file is a PNG image but its name says JPEG: rename it .png and add it again' })
    const svg = Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>')
    expect(checkPhoto(svg, 'logo.png')).toMatchObject({ ok: false, error: expect.stringContaining('SVG drawings are not accepted') })
    expect(checkPhoto(pngClaiming(10_000, 10_000), 'bom.png')).toEqual({
      ok: false,
      error: `the photo is 10000×10000 pixels (100 megapixels; at most ${MAX_PHOTO_PIXELS / 1e6}): too large to open safely`
    })
    expect(checkPhoto(jpg, 'a.jpg', 1000)).toMatchObject({ ok: false, error: expect.stringMatching(/too large \(0\.01 MB; at most 0\.00 MB\)/) })
    expect(checkPhoto(Buffer.from('Xin chào, đây không phải ảnh'), 'a.jpg')).toMatchObject({ ok: false, error: expect.stringContaining('not a photo') })
    expect(checkPhoto(new Uint8Array(), 'a.jpg')).toEqual({ ok: false, error: 'the file is empty' })
  })
})

describe('readPhotoMetadata', () => {
  it('reads the caption, by-line and date an agency wrote (IPTC and XMP, Vietnamese intact)', async () => {
    expect(await readPhotoMetadata(await fixture('cau-rong.jpg'))).toEqual({ caption: 'Cầu Rồng phun lửa đêm cuối tuần', credit: 'Minh Anh', date: '2026-03-14' })
  })
  it('finds nothing in a photo without metadata, and nothing in garbage', async () => {
    expect(await readPhotoMetadata(await fixture('co-do.png'))).toEqual({})
    expect(await readPhotoMetadata(Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0, 4, 1, 2]))).toEqual({})
  })
})

describe('the store keeps photos', () => {
  it('by content, once, with the file as it was; a save of an article with photos copies none', async () => {
    const store = await ArticleStore.open(path.join(dir, 'store'), { sample: false })
    try {
      const bytes = await fixture('cau-rong.jpg')
      const a = await store.addPhoto(bytes, 'cau-rong.jpg')
      const b = await store.addPhoto(bytes, 'ban-sao.jpg')
      if (!a.ok || !b.ok) throw new Error('refused')
      expect(a.media).toBe(b.media)
      expect(a).toMatchObject({ width: 640, height: 400, caption: 'Cầu Rồng phun lửa đêm cuối tuần', credit: 'Minh Anh' })
      expect(await readdir(store.media.dir)).toEqual([mediaFileOf(a.media)])
      expect(Buffer.compare(await readFile(store.media.pathOf(a.media)), bytes)).toBe(0)
      const refused = await store.addPhoto(Buffer.from('<svg/>'), 'x.svg')
      expect(refused.ok).toBe(false)
      expect(await readdir(store.media.dir)).toHaveLength(1)
    } finally {
      await store.close()
    }
  })

  it('cleans up only photos that no article, trashed article or revision names, and none younger than an hour', async () => {
    let now = new Date('2026-11-27T08:00:00Z')
    const store = await ArticleStore.open(path.join(dir, 'store'), { sample: false, now: () => now })
    try {
      const add = async (name: string) => {
        const r = await store.addPhoto(await fixture(name), name)
        if (!r.ok) throw new Error(r.error)
        // the files were added long ago
        await utimes(store.media.pathOf(r.media), new Date('2026-01-01'), new Date('2026-01-01'))
        return r.media
      }
      const [inBody, featured, inRevision, inTrash, unused] = await Promise.all(['cau-rong.jpg', 'co-do.png', 'hoa-sen.webp', 'sao.gif', 'dem.avif'].map(add))
      const figure = (src: string) => ({ type: 'doc', content: [{ type: 'figure', attrs: { src }, content: [{ type: 'text', text: 'Chú thích' }] }] })
      const kept = await store.create({ title: 'Có ảnh', body: figure(inBody) as never, featuredImage: featured })
      const revised = await store.create({ title: 'Ảnh cũ', body: figure(inRevision) as never })
      now = new Date('2026-11-27T09:00:00Z')
      await store.save(revised.id, { body: { type: 'doc', content: [{ type: 'paragraph' }] } as never })
      const trashed = await store.create({ title: 'Bỏ', body: figure(inTrash) as never })
      await store.delete(trashed.id)
      expect(kept.id).toBeTruthy()

      const dry = await store.cleanMedia(true)
      expect(dry.removed).toEqual([unused])
      expect(await readdir(store.media.dir)).toHaveLength(5)
      const young = await store.addPhoto(Buffer.concat([await fixture('co-do.png')]).fill(0, 100, 101), 'moi.png')
      const done = await store.cleanMedia()
      expect(done).toEqual({ removed: [unused], bytes: (await fixture('dem.avif')).length })
      // a photo added a moment ago (in an editor, not saved yet) stays
      if (young.ok) expect(await store.media.has(young.media)).toBe(true)
      for (const ref of [inBody, featured, inRevision, inTrash]) expect(await store.media.has(ref)).toBe(true)
      expect(await store.media.has(unused)).toBe(false)
      expect(CLEAN_GRACE_MS).toBe(3_600_000)
    } finally {
      await store.close()
    }
  })
})

describe('images of drafts', () => {
  async function drafts() {
    const store = await ArticleStore.open(path.join(dir, 'store'), { sample: false })
    const root = path.join(dir, 'drafts')
    await mkdir(path.join(root, 'anh'), { recursive: true })
    await writeFile(path.join(root, 'anh', 'cau rồng.jpg'), await fixture('cau-rong.jpg'))
    await writeFile(path.join(root, 'anh', 'co.png'), await fixture('co-do.png'))
    return { store, root }
  }

  it('a Markdown draft brings the photos beside it, with caption, credit and featured image; what it cannot bring is reported', async () => {
    const { store, root } = await drafts()
    try {
      await writeFile(path.join(dir, 'ngoai.jpg'), await fixture('cau-rong.jpg'))
      await symlink(path.join(dir, 'ngoai.jpg'), path.join(root, 'anh', 'lien-ket.jpg'))
      const md = [
        '---',
        'title: Cầu Rồng',
        'image: anh/co.png',
        '---',
        '',
        'Mở đầu.',
        '',
        '![Cầu lúc đêm](<anh/cau rồng.jpg> "Cầu Rồng lúc 21 giờ")',
        '*Ảnh: Thu Hà*',
        '',
        '![](anh/cau%20r%E1%BB%93ng.jpg)',
        '',
        '![x](../ngoai.jpg) ![y](/etc/x.jpg) ![z](anh/lien-ket.jpg) ![w](anh/khong-co.jpg) ![v](https://anh.example.vn/a.jpg)',
        '',
        'Kết.'
      ].join('\n')
      const file = path.join(root, 'bai.md')
      const r = await importFile('bai.md', Buffer.from(md), draftPhotos(store, root, file))
      if (!r.ok) throw new Error(r.error)
      const body = r.fields.body as { content: Array<{ type: string; attrs?: Record<string, unknown>; content?: Array<{ text?: string }> }> }
      const figures = body.content.filter((n) => n.type === 'figure')
      expect(figures).toHaveLength(2)
      expect(figures[0].attrs).toMatchObject({ alt: 'Cầu lúc đêm', credit: 'Thu Hà', width: 640, height: 400 })
      expect(figures[0].content?.[0].text).toBe('Cầu Rồng lúc 21 giờ')
      // no caption or credit in the draft: the photo's own metadata fills them
      expect(figures[1].attrs).toMatchObject({ credit: 'Minh Anh', src: figures[0].attrs!.src })
      expect(figures[1].content?.[0].text).toBe('Cầu Rồng phun lửa đêm cuối tuần')
      expect(r.fields.featuredImage).toMatch(/^media:[0-9a-f]{64}\.png$/)
      expect(r.remarks).toEqual([
        'title taken from the front matter',
        'image ../ngoai.jpg left out: points outside the drafts folder',
        'image /etc/x.jpg left out: absolute paths are not followed: put the image beside the draft',
        'image anh/lien-ket.jpg left out: is reached through a symbolic link, which is not followed',
        'image anh/khong-co.jpg left out: no such file beside the draft',
        '1 image(s) from the web not fetched (kept as links to the web): https://anh.example.vn/a.jpg'
      ])
      // the rest of the draft is there
      expect(JSON.stringify(body)).toContain('Kết.')
    } finally {
      await store.close()
    }
  })

  it('an HTML draft (our own export, say) brings its figures back; a Word file its pictures with the caption under them', async () => {
    const { store, root } = await drafts()
    try {
      const html = '<article><h1>Chào cờ</h1><div class="article-body"><p>Sáng thứ Hai.</p><figure><img src="anh/co.png" alt="Lá cờ"><figcaption>Lá cờ trên sân trường <span class="credit">Ảnh: Lan Anh</span></figcaption></figure><p>Hết.</p></div></article>'
      const r = await importFile('chao-co.html', Buffer.from(html), draftPhotos(store, root, path.join(root, 'chao-co.html')))
      if (!r.ok) throw new Error(r.error)
      const figure = (r.fields.body as { content: Array<{ type: string; attrs?: object; content?: Array<{ text: string }> }> }).content.find((n) => n.type === 'figure')!
      expect(figure.attrs).toMatchObject({ alt: 'Lá cờ', credit: 'Lan Anh', width: 30, height: 20 })
      expect(figure.content?.[0].text).toBe('Lá cờ trên sân trường')

      const docx = await readFile(path.join(import.meta.dirname, '../import/fixtures/word/chao-co-anh.docx'))
      const w = await importFile('chao-co-anh.docx', docx, draftPhotos(store, root, path.join(root, 'chao-co-anh.docx')))
      if (!w.ok) throw new Error(w.error)
      const wordFigure = (w.fields.body as { content: Array<{ type: string; attrs?: { src: string }; content?: Array<{ text: string }> }> }).content.find((n) => n.type === 'figure')!
      expect(wordFigure.content?.[0].text).toBe('Lá cờ trên cột')
      // the same photo as the HTML's: one file in the store
      expect(wordFigure.attrs?.src).toBe((figure.attrs as { src: string }).src)
      expect(JSON.stringify(w.fields.body)).not.toContain('base64')
      expect(await readdir(store.media.dir)).toHaveLength(1)
    } finally {
      await store.close()
    }
  })

  it('a draft cannot name a photo of the store itself, nor make the store read a file by a URL scheme', async () => {
    const { store, root } = await drafts()
    try {
      const ref = `media:${'a'.repeat(64)}.jpg`
      const html = `<p>Chữ.</p><figure data-media="${ref}"><figcaption>giả</figcaption></figure><p><img src="${ref}"><img src="file:///etc/passwd"></p>`
      const r = await importFile('gia.html', Buffer.from(html), draftPhotos(store, root, path.join(root, 'gia.html')))
      if (!r.ok) throw new Error(r.error)
      expect(JSON.stringify(r.fields.body)).not.toContain('figure')
      expect(r.remarks).toEqual([
        'title taken from the file name',
        `image ${ref} left out: not a path beside the draft`,
        'image file:///etc/passwd left out: not a path beside the draft'
      ])
    } finally {
      await store.close()
    }
  })
})

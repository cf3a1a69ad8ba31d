/**
 * What a photo says of itself, to prefill its fields: caption, credit (by-line) and date, from XMP
 * (always UTF-8), IPTC (photo agencies; exifr reads it as Latin-1, so UTF-8 text is decoded again) and
 * EXIF (cameras). Read with exifr, which parses the metadata segments only, never the image data.
 * A photo without metadata, or with damaged metadata, simply prefills nothing.
 */
import exifr from 'exifr'
import { cleanText } from '../../../shared/text'

export interface PhotoMetadata {
  caption?: string
  credit?: string
  /** YYYY-MM-DD */
  date?: string
}

/** IPTC text that exifr decoded as Latin-1 but was written as UTF-8 (as Vietnamese text always is). */
function utf8Again(value: string): string {
  if (!/[\u0080-\u00ff]/.test(value) || /[^\u0000-\u00ff]/.test(value)) return value
  const bytes = Uint8Array.from(value, (c) => c.charCodeAt(0))
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return value
  }
}

/** A metadata value as one line of text, or undefined (XMP alternatives give their first or default). */
function textOf(value: unknown): string | undefined {
  if (Array.isArray(value)) return textOf(value[0])
  if (value && typeof value === 'object' && 'value' in value) return textOf((value as { value: unknown }).value)
  if (typeof value !== 'string') return undefined
  const text = cleanText(utf8Again(value)).trim().slice(0, 2000)
  return text || undefined
}

function dateOf(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10)
  if (typeof value !== 'string') return undefined
  const m = /^(\d{4})[-:]?(\d{2})[-:]?(\d{2})/.exec(value)
  return m && Number(m[1]) >= 1900 && Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[3]) >= 1 && Number(m[3]) <= 31 ? `${m[1]}-${m[2]}-${m[3]}` : undefined
}

export async function readPhotoMetadata(bytes: Uint8Array): Promise<PhotoMetadata> {
  let tags: Record<string, unknown> | undefined
  try {
    tags = await exifr.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { iptc: true, xmp: true, tiff: true, exif: true, gps: false, icc: false, mergeOutput: true })
  } catch {
    return {}
  }
  if (!tags) return {}
  const first = (...keys: string[]) => keys.map((k) => textOf(tags![k])).find((v) => v !== undefined)
  const meta: PhotoMetadata = {
    caption: first('description', 'Caption', 'ImageDescription', 'Headline'),
    credit: first('creator', 'Byline', 'Artist', 'Credit', 'Rights', 'Copyright'),
    date: [tags.DateCreated, tags.DateTimeOriginal, tags.CreateDate].map(dateOf).find((v) => v !== undefined)
  }
  return Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined))
}

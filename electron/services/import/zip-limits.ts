/**
 * A .docx is a zip: before anyone inflates it for real, every entry is inflated here through yauzl, which
 * stops an entry that grows past the size its header declares, and the running total is capped. So a
 * 150 KB file that would inflate to gigabytes (a zip bomb) is refused after reading at most the cap.
 */
import { fromBuffer, type Entry, type ZipFile } from 'yauzl'
import { ImportError } from '../errors'

/** The most a .docx may inflate to, all entries together (Word files of long reports with photos stay far below). */
export const MAX_UNZIPPED_BYTES = 100 * 1024 * 1024
export const MAX_ZIP_ENTRIES = 10_000

const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`

export async function checkZipLimits(bytes: Uint8Array, maxBytes = MAX_UNZIPPED_BYTES): Promise<void> {
  let zip: ZipFile
  try {
    zip = await new Promise<ZipFile>((resolve, reject) =>
      fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, z) => (err ? reject(err) : resolve(z)))
    )
  } catch (err) {
    throw new ImportError(`not a readable .docx file: ${(err as Error).message.split('\n')[0]}`)
  }
  if (zip.entryCount > MAX_ZIP_ENTRIES) throw new ImportError(`the .docx holds too many parts (${zip.entryCount})`)
  let total = 0
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject)
      zip.on('end', resolve)
      zip.on('entry', (entry: Entry) => {
        if (entry.fileName.endsWith('/')) return void zip.readEntry()
        total += entry.uncompressedSize
        if (total > maxBytes) return reject(new ImportError(`the .docx would unpack to more than ${mb(maxBytes)} (a zip bomb?)`))
        zip.openReadStream(entry, (err, stream) => {
          if (err) return reject(err)
          stream.on('data', () => {})
          stream.on('error', reject)
          stream.on('end', () => zip.readEntry())
        })
      })
      zip.readEntry()
    })
  } catch (err) {
    if (err instanceof ImportError) throw err
    throw new ImportError(`not a readable .docx file: ${(err as Error).message.split('\n')[0]}`)
  } finally {
    zip.close()
  }
}

/**
 * The .doc reader's own process (started by doc.ts): it reads the bytes it is sent and sends back their
 * text, or why it could not; a file that makes the reader fail hard stops only this process.
 */
import { readDocText } from './doc-text'

process.once('message', (bytes: Uint8Array) => {
  readDocText(bytes).then(
    (text) => process.send!({ ok: true, text }),
    (err: Error) => process.send!({ ok: false, error: err.message.split('\n')[0] })
  )
})

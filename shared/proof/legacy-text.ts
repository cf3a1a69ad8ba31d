/**
 * Text typed in the old TCVN3 or VNI fonts, converted wherever it comes in — a paste, an imported draft —
 * when the whole piece reads as one of them (see legacyConversion): every text node converted alike.
 */
import { LEGACY_CONVERTERS, legacyConversion, type LegacyEncoding } from './rules'
import type { Speller } from './types'

interface JsonNode {
  text?: string
  content?: JsonNode[]
}

/** Which old encoding a set of texts is in, if they read as one. */
export function legacyEncodingOf(texts: string[], speller: Speller): LegacyEncoding | null {
  return legacyConversion(texts.filter(Boolean).join('\n'), speller)?.encoding ?? null
}

/** A document (stored JSON) with every text node converted. */
export function convertDoc<T>(doc: T, encoding: LegacyEncoding): T {
  const convert = LEGACY_CONVERTERS[encoding]
  const walk = (n: JsonNode): JsonNode => ({ ...n, ...(typeof n.text === 'string' ? { text: convert(n.text) } : {}), ...(n.content ? { content: n.content.map(walk) } : {}) })
  return walk(doc as JsonNode) as T
}

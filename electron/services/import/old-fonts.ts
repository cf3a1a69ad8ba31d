/**
 * Text typed in the old TCVN3 or VNI fonts ("ViÖt Nam", "Vieät Nam"), as a draft's importer meets it: when
 * the dictionary reads a draft's text as one of them, how to convert each of its parts, and what the report
 * says. One rule for a plain-text draft (converted before it is read), a .doc and any draft's fields.
 */
import { LEGACY_CONVERTERS, legacyEncodingOf, mayBeLegacy, type LegacyEncoding } from '../../../shared/proof'
import { nodeSpeller } from '../proof/speller'

export async function oldFontsOf(text: string): Promise<{ encoding: LegacyEncoding; convert: (text: string) => string; remark: string } | null> {
  const encoding = mayBeLegacy(text) ? legacyEncodingOf([text], await nodeSpeller()) : null
  return encoding ? { encoding, convert: LEGACY_CONVERTERS[encoding], remark: `converted from the old ${encoding} encoding to Unicode` } : null
}

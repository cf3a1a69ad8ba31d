/**
 * Vietnamese text facts the rules need: syllables, where the tone mark goes in oa/oe/uy (old "hoà" or new
 * "hòa" placement), and text typed in the legacy 8-bit font encodings TCVN3 (ABC) and VNI, read back as
 * Unicode (mojibake such as "ViÖt Nam" or "Vieät Nam") and converted.
 */
import { nfc } from '../text'

/** A syllable: letters with their marks. */
export const SYLLABLE = /[\p{L}\p{M}]+/gu

/** The five tone marks, as combining characters (NFD). */
export const TONE_MARKS = { huyen: '\u0300', sac: '\u0301', hoi: '\u0309', nga: '\u0303', nang: '\u0323' } as const
const TONES = Object.values(TONE_MARKS).join('')
const TONE = new RegExp(`[${TONES}]`)

function toneOf(ch: string): string {
  return TONE.exec(ch.normalize('NFD'))?.[0] ?? ''
}
function withoutTone(ch: string): string {
  return ch.normalize('NFD').replace(new RegExp(`[${TONES}]`, 'g'), '').normalize('NFC')
}
function withTone(ch: string, tone: string): string {
  return (withoutTone(ch).normalize('NFD') + tone).normalize('NFC')
}

// the syllable ends in oa, oe or uy (not after q: "quý" is the same in both styles), the mark on one of the pair
const NEW_STYLE = /(?<![qQ])([òóỏõọÒÓỎÕỌ][aeAE]|[ùúủũụÙÚỦŨỤ][yY])$/u
const OLD_STYLE = /(?<![qQ])([oO][àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ])$/u

/** Which placement a syllable shows, if it shows one. */
export function toneStyleOf(syllable: string): 'new' | 'old' | null {
  const s = nfc(syllable)
  return NEW_STYLE.test(s) ? 'new' : OLD_STYLE.test(s) ? 'old' : null
}

/** A syllable in the given placement (others unchanged): hòa ↔ hoà, khỏe ↔ khoẻ, thủy ↔ thuỷ. */
export function toToneStyle(syllable: string, style: 'new' | 'old'): string {
  const s = nfc(syllable)
  const m = (style === 'old' ? NEW_STYLE : OLD_STYLE).exec(s)
  if (!m) return s
  const [first, second] = [...m[1]]
  const tone = toneOf(style === 'old' ? first : second)
  const pair = style === 'old' ? withoutTone(first) + withTone(second, tone) : withTone(first, tone) + withoutTone(second)
  return s.slice(0, m.index) + pair
}

/** A whole text in one placement. */
export function normaliseToneStyle(text: string, style: 'new' | 'old'): string {
  return nfc(text).replace(SYLLABLE, (w) => toToneStyle(w, style))
}

// ---------- Telex typed with the input method off ----------

/** Telex's tone keys: after a syllable's first consonants, no Vietnamese letter is one of these, so there each is a tone. */
const TELEX_TONES: Record<string, string> = { s: TONE_MARKS.sac, f: TONE_MARKS.huyen, r: TONE_MARKS.hoi, x: TONE_MARKS.nga, j: TONE_MARKS.nang }
/** Telex's letter keys, longest first (uow before ow and uw, those before a lone w). */
const TELEX_LETTERS: Array<[RegExp, string]> = [
  [/dd/g, 'đ'],
  [/uow/g, 'ươ'],
  [/aa/g, 'â'],
  [/aw/g, 'ă'],
  [/ee/g, 'ê'],
  [/oo/g, 'ô'],
  [/ow/g, 'ơ'],
  [/uw/g, 'ư'],
  [/w/g, 'ư']
]

/**
 * What a word of plain letters stands for if it was typed in Telex while the input method was off
 * (nguwowif, ddaay, vieejt): each place its tone could go (the dictionary picks the word), or nothing
 * when there is no Telex key in it.
 */
export function fromTelex(word: string): string[] {
  const typed = word.toLowerCase()
  if (!/^[a-z]{2,}$/.test(typed)) return []
  // the first consonants (s, r and x are letters there), then the rest, where any tone key is a tone (the last one typed counts)
  const [, initial, rest] = /^(dd|ngh|ng|gh|nh|ch|tr|th|ph|kh|gi|qu|[bcdghklmnpqrstvx]?)(.*)$/.exec(typed)!
  const keys = rest.match(/[sfrxj]/g)
  const tone = keys ? TELEX_TONES[keys[keys.length - 1]] : ''
  let letters = initial + rest.replace(/[sfrxj]/g, '')
  for (const [pair, letter] of TELEX_LETTERS) letters = letters.replace(pair, letter)
  if (!tone) return letters === typed ? [] : [letters]
  const chars = [...letters]
  return chars.flatMap((c, i) => (/[aăâeêioôơuưy]/.test(c) ? [(chars.slice(0, i).join('') + c + tone + chars.slice(i + 1).join('')).normalize('NFC')] : []))
}

// ---------- legacy encodings ----------

/**
 * TCVN3 (ABC, TCVN 5712:1993): the byte each accented lowercase letter (and the capitals Ă Â Đ Ê Ô Ơ Ư)
 * has in the .Vn fonts, as it reads when the bytes are taken for Windows-1252/Latin-1.
 */
const TCVN3: Record<string, string> = {
  'µ': 'à', '¸': 'á', '¶': 'ả', '·': 'ã', '¹': 'ạ',
  '¨': 'ă', '»': 'ằ', '¾': 'ắ', '¼': 'ẳ', '½': 'ẵ', 'Æ': 'ặ',
  '©': 'â', 'Ç': 'ầ', 'Ê': 'ấ', 'È': 'ẩ', 'É': 'ẫ', 'Ë': 'ậ',
  '®': 'đ',
  'Ì': 'è', 'Ð': 'é', 'Î': 'ẻ', 'Ï': 'ẽ', 'Ñ': 'ẹ',
  'ª': 'ê', 'Ò': 'ề', 'Õ': 'ế', 'Ó': 'ể', 'Ô': 'ễ', 'Ö': 'ệ',
  '×': 'ì', 'Ý': 'í', 'Ø': 'ỉ', 'Ü': 'ĩ', 'Þ': 'ị',
  'ß': 'ò', 'ã': 'ó', 'á': 'ỏ', 'â': 'õ', 'ä': 'ọ',
  '«': 'ô', 'å': 'ồ', 'è': 'ố', 'æ': 'ổ', 'ç': 'ỗ', 'é': 'ộ',
  '¬': 'ơ', 'ê': 'ờ', 'í': 'ớ', 'ë': 'ở', 'ì': 'ỡ', 'î': 'ợ',
  'ï': 'ù', 'ó': 'ú', 'ñ': 'ủ', 'ò': 'ũ', 'ô': 'ụ',
  '\u00ad': 'ư', 'õ': 'ừ', 'ø': 'ứ', 'ö': 'ử', '÷': 'ữ', 'ù': 'ự',
  'ú': 'ỳ', 'ý': 'ý', 'û': 'ỷ', 'ü': 'ỹ', 'þ': 'ỵ',
  '¡': 'Ă', '¢': 'Â', '§': 'Đ', '£': 'Ê', '¤': 'Ô', '¥': 'Ơ', '¦': 'Ư'
}
const TCVN3_RE = new RegExp(`[${Object.keys(TCVN3).join('')}]`, 'g')

export function fromTcvn3(text: string): string {
  return text.replace(TCVN3_RE, (c) => TCVN3[c])
}

/**
 * VNI (the VNI-Times fonts): a base letter followed by a code for its marks — ù ø û õ ï the five tones,
 * â the circumflex (with a tone: á à å ã ä), ê the breve (with a tone: é è ú ü ë); ô is ơ, ö is ư, ñ is đ.
 */
const CIRCUMFLEX = '\u0302'
const BREVE = '\u0306'
const HORN = '\u031b'
const VNI_CODES: Record<string, [string, string]> = {
  'ù': ['', '\u0301'], 'ø': ['', '\u0300'], 'û': ['', '\u0309'], 'õ': ['', '\u0303'], 'ï': ['', '\u0323'],
  'â': [CIRCUMFLEX, ''], 'á': [CIRCUMFLEX, '\u0301'], 'à': [CIRCUMFLEX, '\u0300'], 'å': [CIRCUMFLEX, '\u0309'], 'ã': [CIRCUMFLEX, '\u0303'], 'ä': [CIRCUMFLEX, '\u0323'],
  'ê': [BREVE, ''], 'é': [BREVE, '\u0301'], 'è': [BREVE, '\u0300'], 'ú': [BREVE, '\u0309'], 'ü': [BREVE, '\u0303'], 'ë': [BREVE, '\u0323']
}
const VNI_BASE: Record<string, string> = { 'ô': 'o' + HORN, 'ö': 'u' + HORN }
const VNI_RE = /([aeiouyôöAEIOUYÔÖ])([ùøûõïâáàåãäêéèúüëÙØÛÕÏÂÁÀÅÃÄÊÉÈÚÜË])|[ôöñÔÖÑ]/g

export function fromVni(text: string): string {
  return nfc(
    text.replace(VNI_RE, (m, base?: string, code?: string) => {
      if (!base) return m === 'ñ' ? 'đ' : m === 'Ñ' ? 'Đ' : m.toLowerCase() === m ? VNI_BASE[m] : VNI_BASE[m.toLowerCase()].toUpperCase()
      const lower = base.toLowerCase()
      const b = VNI_BASE[lower] ? (base === lower ? VNI_BASE[lower] : VNI_BASE[lower].toUpperCase()) : base
      const [modifier, tone] = VNI_CODES[code!.toLowerCase()]
      return b + (b.includes(HORN) ? '' : modifier) + tone
    })
  )
}

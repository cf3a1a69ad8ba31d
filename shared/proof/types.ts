/** What the proofreading rules find, and what they are told (the newsroom's settings, the dictionary). */

export const PROOF_RULES = ['spelling', 'confusable', 'placeholder', 'spacing', 'quotes', 'tone-style', 'legacy-encoding', 'length', 'required'] as const
export type ProofRule = (typeof PROOF_RULES)[number]
export const PROOF_FIELDS = ['title', 'sapo', 'body', 'caption', 'tags', 'author', 'source'] as const
export type ProofField = (typeof PROOF_FIELDS)[number] | 'category'

export interface Problem {
  rule: ProofRule
  field: ProofField
  /** Where, in that field: character offsets of its text, or ProseMirror positions for the body and captions. */
  from: number
  to: number
  /** The text found there. */
  text: string
  message: string
  /** Replacements for `text`, best first ([] when only the journalist can say). */
  suggestions: string[]
  /** For a problem in a tag: which tag. */
  index?: number
}

export type ToneStyle = 'new' | 'old'
export type QuoteStyle = 'curly' | 'straight'

/** The newsroom's proofreading settings (kept in the store's settings). */
export interface ProofSettings {
  titleMaxChars: number
  sapoMaxWords: number
  bodyMinWords: number
  bodyMaxWords: number
  /** Where tone marks go in oa, oe, uy: new (hòa, khỏe, thủy) or old (hoà, khoẻ, thuỷ). */
  toneStyle: ToneStyle
  /** The house style for quotation marks: curly “ ” (straight ones are flagged) or straight. */
  quoteStyle: QuoteStyle
  /** Words the newsroom accepts (names, terms), checked case-insensitively. */
  personalDictionary: string[]
}

export function defaultProofSettings(): ProofSettings {
  return { titleMaxChars: 100, sapoMaxWords: 60, bodyMinWords: 300, bodyMaxWords: 1500, toneStyle: 'new', quoteStyle: 'curly', personalDictionary: [] }
}

/** A spelling dictionary: is this (lowercase, old-style tone marks) syllable a word, and what might be meant. */
export interface Speller {
  correct(word: string): boolean
  suggest(word: string): string[]
}

export type ProofLanguage = 'vi' | 'en'

/** Proofreading ("Soát bài"): the rules engine, run in the editor and by `newsdesk check`. */
export { checkArticle, ignoreKey, type CheckOptions } from './check'
export { LEGACY_CONVERTERS, legacyConversion, mayBeLegacy, spellingSuggestions, unknownWords, type LegacyEncoding } from './rules'
export { applyFix, type FieldTexts } from './fix'
export { defaultProofSettings, PROOF_FIELDS, PROOF_RULES, type Problem, type ProofField, type ProofRule, type ProofSettings, type Speller } from './types'
export { fromTcvn3, fromTelex, fromVni, normaliseToneStyle, toneStyleOf, toToneStyle } from './vietnamese'
export { createSpeller } from './speller'
export { convertDoc, legacyEncodingOf } from './legacy-text'

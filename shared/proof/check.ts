/**
 * Proofread an article: every rule over its texts, in the field order a reader meets them. Plain functions
 * over the article: the editor runs them (debounced, after typing stops) and so does `newsdesk check`.
 */
import type { ArticleFields } from '../article'
import { docFromJSON } from '../doc'
import { fold } from '../text'
import { confusable, legacyEncoding, length, placeholder, quotes, required, spacing, spelling, toneStyle, type RuleContext } from './rules'
import { fieldSegments } from './segments'
import { PROOF_FIELDS, type Problem, type ProofLanguage, type ProofRule, type ProofSettings, type Speller } from './types'

export interface CheckOptions {
  settings: ProofSettings
  speller: Speller
  language?: ProofLanguage
  /** Only these rules (default: all). */
  rules?: readonly ProofRule[]
  /** Problems the journalist chose to ignore in this article ("rule:text" keys, see ignoreKey). */
  ignored?: ReadonlySet<string>
  /** How many misspelled words get suggestions (default: all; the editor asks for the first few). */
  maxSuggestions?: number
}

/** The key an ignored problem is remembered by: its rule and its text, wherever it is. */
export const ignoreKey = (p: Pick<Problem, 'rule' | 'text'>) => `${p.rule}:${p.text}`

const FIELD_ORDER = [...PROOF_FIELDS, 'category'] as const

/**
 * Rules that read Vietnamese words: the dictionary, the confusable pairs, the tone placement. An article in
 * another language (an English service's, say) is checked for everything else.
 */
const VIETNAMESE_RULES: readonly ProofRule[] = ['spelling', 'confusable', 'tone-style']

/** Whether an article's language (a BCP 47 tag; none is the newsroom's Vietnamese) is Vietnamese. */
const isVietnamese = (language: string | undefined) => !language || /^vi(-|$)/i.test(language)

export function checkArticle(a: Pick<ArticleFields, 'title' | 'sapo' | 'body' | 'category' | 'tags' | 'author' | 'source'> & { language?: string }, options: CheckOptions): Problem[] {
  const ctx: RuleContext = {
    settings: options.settings,
    speller: options.speller,
    language: options.language ?? 'vi',
    suggestionsLeft: options.maxSuggestions ?? Infinity,
    personal: new Set(options.settings.personalDictionary.flatMap((w) => [w.toLowerCase(), fold(w)]))
  }
  const vietnamese = isVietnamese(a.language)
  const on = (rule: ProofRule) => (!options.rules || options.rules.includes(rule)) && (vietnamese || !VIETNAMESE_RULES.includes(rule))
  const doc = docFromJSON(a.body)
  const segments = fieldSegments(a, doc)
  const out: Problem[] = []
  for (const s of segments) {
    const legacy = on('legacy-encoding') ? legacyEncoding(s, ctx) : []
    out.push(...legacy)
    // text in an old encoding is one problem: its words are not checked one by one
    if (legacy.length) continue
    if (on('spelling')) out.push(...spelling(s, ctx))
    if (on('confusable')) out.push(...confusable(s, ctx))
    if (on('placeholder')) out.push(...placeholder(s, ctx))
    if (on('spacing')) out.push(...spacing(s, ctx))
    if (on('quotes')) out.push(...quotes(s, ctx))
    if (on('tone-style')) out.push(...toneStyle(s, ctx))
  }
  if (on('length')) out.push(...length(segments, doc.content, ctx))
  if (on('required')) {
    const photos: Array<{ pos: number; size: number; caption: string; credit: string }> = []
    doc.descendants((node, pos) => {
      if (node.type.name === 'figure') photos.push({ pos, size: node.nodeSize, caption: node.textContent, credit: String(node.attrs.credit ?? '') })
      return node.type.name !== 'figure'
    })
    out.push(...required({ ...a, photos }, ctx))
  }
  const ignored = options.ignored
  return out
    .filter((p) => !ignored?.has(ignoreKey(p)))
    .sort((x, y) => FIELD_ORDER.indexOf(x.field as (typeof FIELD_ORDER)[number]) - FIELD_ORDER.indexOf(y.field as (typeof FIELD_ORDER)[number]) || x.from - y.from)
}

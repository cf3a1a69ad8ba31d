/** The one difference engine: words (Vietnamese syllables and numbers), blocks, articles. */
export { changesOf, composeArticle, diffArticles, type ArticleDiff, type ChangeSummary, type DiffField, type FieldDiff } from './article-diff'
export type { BlockDiff, PhotoSide } from './blocks'
export { diffText, tokenize, type DiffKind, type DiffOp } from './words'
export { updateNoteText, withUpdateNote } from './update-note'

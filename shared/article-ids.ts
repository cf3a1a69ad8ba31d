/** What identifies an article and its status: tiny and import-free, so the CLI can check arguments before loading anything. */

export const STATUSES = ['draft', 'ready'] as const
export type Status = (typeof STATUSES)[number]

/** An article id: a lowercase uuid, as the store names its files. */
export const ARTICLE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export function isArticleId(id: unknown): id is string {
  return typeof id === 'string' && ARTICLE_ID.test(id)
}

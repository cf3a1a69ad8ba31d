/**
 * Proofreading: every rule on a 5,000-word article (proof.check_5000_words_ms, the median of 10 after a
 * first run that loads the dictionary), and a replace across the 20,000-article store as a dry run
 * (proof.replace_all_20k_ms: every article read, matched and counted, nothing written).
 */
import { ArticleStore } from '../electron/services/store/article-store'
import { nodeSpeller, replaceInStore } from '../electron/services/proof'
import { checkArticle, defaultProofSettings } from '../shared/proof'
import { makeArticle } from './corpus'
import { generatedStore, median, round } from './fixtures'
import type { Report } from './run'

export default async function proofBench(report: Report): Promise<void> {
  const speller = await nodeSpeller()
  const article = makeArticle(21, 5000)
  const settings = defaultProofSettings()
  checkArticle(article, { settings, speller })
  const times: number[] = []
  for (let i = 0; i < 10; i++) {
    const t = performance.now()
    const problems = checkArticle(article, { settings, speller })
    times.push(performance.now() - t)
    if (!problems.length) throw new Error('proof bench: a generated article with no problem at all')
  }
  report('proof.check_5000_words_ms', round(median(times)), 'ms')

  const store = await ArticleStore.open(await generatedStore(20_000), { background: 'lazy' })
  try {
    const ids = (await store.list({})).items.map((m) => m.id)
    const t = performance.now()
    const result = await replaceInStore(store, ids, { find: 'vov.vn', accentInsensitive: true }, 'VOV', true)
    if (result.changed.length !== ids.length) throw new Error(`proof bench: expected every article to match, ${result.changed.length} of ${ids.length} did`)
    report('proof.replace_all_20k_ms', round(performance.now() - t, 0), 'ms')
  } finally {
    await store.close()
  }
}

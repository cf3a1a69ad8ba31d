/** Child process of the store benchmark: open a store in a fresh process, time until the list is ready, then until a first search answers. */
import { ArticleStore } from '../electron/services/store/article-store'

const started = performance.now()
const store = await ArticleStore.open(process.argv[2], { sample: false })
const list = await store.list({ limit: 100 })
const openMs = performance.now() - started
if (list.total === 0) throw new Error('empty store')
const found = await store.list({ query: 'dang vien', limit: 100 })
const firstSearchMs = performance.now() - started
if (found.total === 0) throw new Error('the search found nothing')
global.gc?.()
const rss = process.memoryUsage().rss
await store.indexed
const indexedMs = performance.now() - started
global.gc?.()
const rssIndexed = process.memoryUsage().rss
await store.close()
process.stdout.write(JSON.stringify({ openMs, firstSearchMs, rss, indexedMs, rssIndexed }) + '\n')

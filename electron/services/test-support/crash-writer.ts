/**
 * Child process of the crash test: saves articles in a tight loop until killed.
 * Before each save it logs the version it is about to write, so the test knows every version that was ever saved.
 */
import { appendFileSync } from 'node:fs'
import { docFromParagraphs } from '../../../shared/doc'
import { ArticleStore } from '../store/article-store'

const [dir, seedText, log] = process.argv.slice(2)
const store = await ArticleStore.open(dir, { sample: false })
const ids = [...(await store.list()).items, ...(await store.list({ trash: true })).items].map((m) => m.id)
process.stdout.write('ready\n')
for (let n = 0; ; n++) {
  const id = ids[n % ids.length]
  if (store.meta(id)?.deletedAt) await store.restore(id)
  const title = `phiên bản ${seedText}-${n}`
  appendFileSync(log, JSON.stringify({ id, title }) + '\n')
  const paragraphs = Array.from({ length: 1 + (n % 7) }, (_, i) => `${title}: đoạn ${i} `.repeat(20))
  await store.save(id, { title, body: docFromParagraphs(paragraphs) })
  if (n % 5 === 0) await store.delete(id).then(() => store.restore(id))
}

/** Replace across the store never writes over a save it has not seen. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { docFromParagraphs } from '../../../shared/doc'
import { ArticleStore } from '../store/article-store'
import { tempDir } from '../test-support/temp-dir'
import { replaceInStore } from './replace'

let dir: string
let cleanup: () => Promise<void>
let store: ArticleStore
beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir('nd-replace-'))
  store = await ArticleStore.open(dir, { sample: false })
})
afterEach(async () => {
  await store.close()
  await cleanup()
})

/** The store, with `between` run just before each of the replacement's first `times` saves (as a sync landing then). */
function savedMeanwhile(between: () => Promise<unknown>, times = 1) {
  const saveIf = store.saveIf.bind(store)
  let left = times
  let inside = false
  store.saveIf = async (...args) => {
    if (!inside && left > 0) {
      left--
      inside = true
      try {
        await between()
      } finally {
        inside = false
      }
    }
    return saveIf(...args)
  }
}

describe('replace in the store', () => {
  it('replaces in the version saved meanwhile, keeping what that save brought', async () => {
    const a = await store.create({ title: 'Giá xăng', body: docFromParagraphs(['Giá xăng tăng.']) })
    savedMeanwhile(() => store.save(a.id, { body: docFromParagraphs(['Giá xăng tăng.', 'Đoạn mới từ bản nháp.']) }))
    const r = await replaceInStore(store, [a.id], { find: 'xăng' }, 'dầu', false)
    expect(r).toMatchObject({ total: 2, errors: [] })
    const now = await store.get(a.id)
    expect(now.title).toBe('Giá dầu')
    expect(now.body).toEqual(docFromParagraphs(['Giá dầu tăng.', 'Đoạn mới từ bản nháp.']))
    expect((await store.revisionsOf(a.id)).map((rev) => rev.reason)).toEqual(['replace', 'edit'])
  })

  it('gives up on an article that keeps changing, says so, and replaces in the others', async () => {
    const a = await store.create({ title: 'Giá xăng', body: docFromParagraphs(['Bản một.']) })
    const b = await store.create({ title: 'Xăng dầu', body: docFromParagraphs(['Bản hai.']) })
    let n = 0
    savedMeanwhile(() => store.save(a.id, { body: docFromParagraphs([`Bản sửa ${++n}.`]) }), 3)
    const r = await replaceInStore(store, [a.id, b.id], { find: 'xăng' }, 'dầu', false)
    expect(r.errors).toEqual([{ id: a.id, error: 'it changed 3 times while being replaced in: nothing replaced in it' }])
    expect(r.changed.map((c) => c.id)).toEqual([b.id])
    expect((await store.get(a.id)).title).toBe('Giá xăng')
    expect((await store.get(a.id)).body).toEqual(docFromParagraphs(['Bản sửa 3.']))
    expect((await store.get(b.id)).title).toBe('dầu dầu')
  })
})

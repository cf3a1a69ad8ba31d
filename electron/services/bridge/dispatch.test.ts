import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { API_METHODS, BRIDGE } from '../../../shared/contract'
import { createHandlers } from './api-handlers'
import { ArticleStore } from '../store/article-store'
import { dispatch } from './dispatch'
import { SyncService } from '../sync/sync-service'
import { tempDir } from '../test-support/temp-dir'

let store: ArticleStore
let sync: SyncService
let cleanup: () => Promise<void>
beforeEach(async () => {
  const t = await tempDir('nd-dispatch-')
  cleanup = t.cleanup
  store = await ArticleStore.open(t.dir)
  sync = await SyncService.open(store)
})
afterEach(async () => {
  await store.close()
  await cleanup()
})

describe('dispatch', () => {
  it('has an input schema and a handler for every channel', () => {
    const api = createHandlers({ store, sync }, { version: '0', locale: 'vi' })
    expect(Object.keys(BRIDGE).sort()).toEqual([...API_METHODS].sort())
    for (const m of API_METHODS) expect(BRIDGE[m].doc.length, m).toBeGreaterThan(10)
    expect(Object.keys(api).sort()).toEqual([...API_METHODS].sort())
  })

  it('runs a valid call and returns its value', async () => {
    const api = createHandlers({ store, sync }, { version: '0', locale: 'vi' })
    const res = await dispatch(api, 'create', [{ title: 'Phóng sự Cà Mau' }])
    expect(res.ok).toBe(true)
    const listed = await dispatch(api, 'list', [{ query: 'phong su ca mau' }])
    expect(listed).toMatchObject({ ok: true, value: { total: 1 } })
  })

  it('turns bad input, unknown methods and failures into typed errors naming the field', async () => {
    const api = createHandlers({ store, sync }, { version: '0', locale: 'vi' })
    expect(await dispatch(api, 'get', ['not-an-id'])).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/^get: 0: id must be/) } })
    expect(await dispatch(api, 'list', [{ limit: -1 }])).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('limit') } })
    expect(await dispatch(api, 'save', ['00000000-0000-4000-8000-000000000000', { title: 1 }])).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('title') } })
    expect(await dispatch(api, 'save', ['00000000-0000-4000-8000-000000000000', { title: 'x' }, 'hôm qua'])).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/^save: 2: /) } })
    expect(await dispatch(api, 'list', 'nope')).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect(await dispatch(api, 'eval', [])).toMatchObject({ ok: false, error: { code: 'invalid-input', message: 'Unknown method eval' } })
    expect(await dispatch(api, 'get', ['00000000-0000-4000-8000-000000000000'])).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })
  it('never lets the renderer choose the drafts folder: only main\'s folder dialog sets it', async () => {
    const api = createHandlers({ store, sync }, { version: '0', locale: 'vi' })
    const res = await dispatch(api, 'updateSettings', [{ draftsFolder: '/etc' }])
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('draftsFolder') } })
    expect(store.settings.draftsFolder).toBeNull()
    expect(await dispatch(api, 'updateSettings', [{ defaultSource: 'VOV' }])).toMatchObject({ ok: true })
  })

  it('an id that is not a uuid never reaches the store', async () => {
    const api = createHandlers({ store, sync }, { version: '0', locale: 'vi' })
    for (const bad of ['__proto__', '../index', 'constructor']) {
      expect(await dispatch(api, 'delete', [bad])).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    }
    expect((await store.list()).total).toBe(1)
  })
  it('takes export choices as an optional last argument, and refuses unknown ones', async () => {
    const api = createHandlers({ store, sync }, { version: '0', locale: 'vi' })
    const id = (await store.list()).items[0].id
    expect(await dispatch(api, 'exportArticle', [id, 'html'])).toEqual({ ok: true, value: null })
    expect(await dispatch(api, 'exportArticle', [id, 'html', { remoteImages: 'keep' }])).toEqual({ ok: true, value: null })
    expect(await dispatch(api, 'exportArticle', [id, 'html', { remoteImages: 'fetch' }])).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect(await dispatch(api, 'exportBatch', [{}, 'html', { script: true }])).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })
})

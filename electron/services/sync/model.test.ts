/**
 * Randomised model test of the sync: edits in the app, edits, renames and deletions on disk, and sync runs
 * in any order. Invariant: no paragraph written on either side (and seen by a sync, for the disk) is lost:
 * each is in an article (a conflict draft counts) or, where a later edit replaced it, in a kept revision.
 */
import { mkdir, readdir, rename, rm, utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { docFromParagraphs, jsonText } from '../../../shared/doc'
import { ArticleStore } from '../store/article-store'
import { tempDir } from '../test-support/temp-dir'
import { syncFolder } from './engine'
import { SyncState } from './sync-state'

interface Real {
  folder: string
  store: ArticleStore
  state: SyncState
  clock: number
  counter: number
}
interface Model {
  files: Map<string, string[]>
  required: Set<string>
}

const NAMES = ['tin-a.txt', 'tin-b.txt', 'ghi-chu.md', 'Bài Việt.txt'.normalize('NFD')]

async function writeDraft(r: Real, name: string, paragraphs: string[]) {
  const file = path.join(r.folder, name)
  const text = name.endsWith('.md') ? `---\ntitle: ${name}\n---\n\n${paragraphs.join('\n\n')}\n` : [name, 'VOV.VN - Sapo.', ...paragraphs].join('\n')
  await writeFile(file, text)
  r.clock += 2000
  await utimes(file, new Date(r.clock), new Date(r.clock))
}

/** The text of every article, in the trash too, and of every kept earlier version. */
async function allText(store: ArticleStore): Promise<string> {
  const metas = [...(await store.list()).items, ...(await store.list({ trash: true })).items]
  const texts: string[] = []
  for (const m of metas) {
    texts.push(jsonText((await store.get(m.id)).body))
    for (const rev of await store.revisionsOf(m.id)) texts.push(jsonText((await store.readRevision(m.id, rev.id)).body))
  }
  return texts.join('\n')
}

class WriteFile implements fc.AsyncCommand<Model, Real> {
  constructor(readonly name: string) {}
  check = () => true
  async run(m: Model, r: Real) {
    const p = `đoạn-tệp-${++r.counter}`
    const next = [...(m.files.get(this.name) ?? []), p]
    m.files.set(this.name, next)
    await writeDraft(r, this.name, next)
  }
  toString = () => `write(${this.name})`
}

class DeleteFile implements fc.AsyncCommand<Model, Real> {
  constructor(readonly name: string) {}
  check = (m: Readonly<Model>) => m.files.has(this.name)
  async run(m: Model, r: Real) {
    m.files.delete(this.name)
    await rm(path.join(r.folder, this.name))
  }
  toString = () => `delete(${this.name})`
}

class RenameFile implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly from: string,
    readonly to: string
  ) {}
  check = (m: Readonly<Model>) => m.files.has(this.from) && !m.files.has(this.to) && this.from !== this.to && path.extname(this.from) === path.extname(this.to)
  async run(m: Model, r: Real) {
    m.files.set(this.to, m.files.get(this.from)!)
    m.files.delete(this.from)
    await rename(path.join(r.folder, this.from), path.join(r.folder, this.to))
  }
  toString = () => `rename(${this.from} → ${this.to})`
}

class EditArticle implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pick: number) {}
  check = () => true
  async run(m: Model, r: Real) {
    const { items } = await r.store.list()
    if (items.length === 0) return
    const article = await r.store.get(items[this.pick % items.length].id)
    const p = `đoạn-app-${++r.counter}`
    const paragraphs = jsonText(article.body).split(' ').filter(Boolean)
    await r.store.save(article.id, { body: docFromParagraphs([...paragraphs, p]) })
    m.required.add(p)
  }
  toString = () => `edit(${this.pick})`
}

class Sync implements fc.AsyncCommand<Model, Real> {
  check = () => true
  async run(m: Model, r: Real) {
    const report = await syncFolder(r.store, r.state, r.folder, { settleMs: 0 })
    expect(report.errors).toEqual([])
    for (const paragraphs of m.files.values()) for (const p of paragraphs) m.required.add(p)
    const text = await allText(r.store)
    for (const p of m.required) expect(text, `lost ${p}`).toContain(p)
    // the folder on disk holds exactly what the model says
    expect((await readdir(r.folder)).map((n) => n.normalize('NFC')).sort()).toEqual([...m.files.keys()].map((n) => n.normalize('NFC')).sort())
  }
  toString = () => 'sync'
}

describe('sync model', () => {
  it('never loses a paragraph written in the app or on disk', async () => {
    const name = fc.constantFrom(...NAMES)
    const commands = [
      name.map((n) => new WriteFile(n)),
      name.map((n) => new DeleteFile(n)),
      fc.tuple(name, name).map(([a, b]) => new RenameFile(a, b)),
      fc.nat(10).map((i) => new EditArticle(i)),
      fc.constant(new Sync())
    ]
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 30 }), async (cmds) => {
        const { dir, cleanup } = await tempDir('nd-sync-model-')
        const folder = path.join(dir, 'drafts')
        await mkdir(folder)
        const store = await ArticleStore.open(path.join(dir, 'store'), { sample: false })
        const real: Real = { folder, store, state: await SyncState.open(store.dir, () => {}), clock: Date.now() - 3_600_000, counter: 0 }
        try {
          await fc.asyncModelRun(() => ({ model: { files: new Map(), required: new Set<string>() }, real }), [...cmds, new Sync()])
        } finally {
          await store.close()
          await cleanup()
        }
      }),
      { numRuns: 100 }
    )
  }, 120_000)
})

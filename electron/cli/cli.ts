/** The `newsdesk` command-line tool: the same services as the app, for scripting. */
import { stat } from 'node:fs/promises'
import { figureJson, figuresOf } from '../../shared/media'
import path from 'node:path'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import type { Article, ArticleMeta, ArticlePatch } from '../../shared/article'
import { isArticleId, STATUSES } from '../../shared/article-ids'
import { NotFoundError, ValidationError } from '../services/errors'
import type { ExportFormat } from '../services/export'
import { EXPORT_FORMATS, type ListQuery } from '../../shared/contract'
import type { ArticleStore } from '../services/store'
// The services are loaded when a command needs them (`--help` and bad usage answer at once).
const loadStore = () => import('../services/store')

export interface Io {
  out: (text: string) => void
  err: (text: string) => void
  env: NodeJS.ProcessEnv
  /** Standard output is a terminal (colours for diff, unless NO_COLOR is set). */
  isTTY?: boolean
  /**
   * Ctrl+C as a signal, for a command that can stop at a safe point: once asked for, the first Ctrl+C stops
   * the command instead of the process (a second one ends the process).
   */
  interrupt?: () => AbortSignal
}

/** Standard output closed by the reader (`newsdesk list | head`): the rest is dropped quietly, as git does. */
let stdoutClosed = false
let stdoutWatched = false
const defaultIo: Io = {
  out: (t) => void (stdoutClosed || process.stdout.write(t)),
  err: (t) => process.stderr.write(t),
  env: process.env,
  isTTY: process.stdout.isTTY === true,
  interrupt: () => {
    const stop = new AbortController()
    process.once('SIGINT', () => stop.abort())
    return stop.signal
  }
}
function watchStdout(): void {
  if (stdoutWatched) return
  stdoutWatched = true
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err
    stdoutClosed = true
  })
}

export class UsageError extends Error {}

const USAGE = `Usage: newsdesk [--store DIR] [--json] <command> [options]

Commands:
  list [--query Q] [--category C] [--tag T] [--status draft|ready] [--sort updated|date|title] [--trash] [--verify]
  show <id>
  set <id> [--title T] [--sapo S] [--category C] [--tag T]... [--author A] [--source S] [--date YYYY-MM-DD] [--status S]
  delete <id>
  stats
  export (<id>... | --all | --query Q | --category C | --tag T | --status S) --out DIR [--format html|md|ninjs|docx|pdf] [--overwrite] [--keep-remote-images] [--embed-photos] [--update-note TEXT]
  import <file>...
  sync <folder>
  check (<id>... | --all | --query Q | …) [--fail-on RULE,…]
  replace --find F --replace R (<id>... | --all | --query Q | …) [--regex] [--accent-insensitive] [--match-case] [--whole-word] [--dry-run]
  revisions <id>
  diff <id> [--from REV|exported[:FORMAT]] [--to REV|current]
  media add <id> <file>... [--caption T] [--credit T] [--alt T] [--featured]
  media list <id>
  media clean [--dry-run]

The store is --store DIR, else $NEWSDESK_STORE, else the app's own store.`

interface Context {
  store: ArticleStore
  json: boolean
  io: Io
}

type Options = NonNullable<ParseArgsConfig['options']>
const str = { type: 'string' } as const

interface Command {
  options: Options
  /** How many positional arguments: exact count, 'many' for one or more, 'any' for zero or more. */
  positionals: number | 'many' | 'any'
  /** The positional arguments are article ids (checked before the store is opened). */
  ids?: boolean
  /** The command only reads the store: on read-only media or a full disk it opens the store read-only. */
  reads?: boolean
  /**
   * A quick answer that needs no open store (e.g. one article read straight from its file); false when the
   * command must go the usual way.
   */
  quick?: (dir: string, ctx: Omit<Context, 'store'>, positionals: string[]) => Promise<boolean>
  /** Resolves to the exit code when it is not 0 (e.g. 1 when some files failed). */
  run(ctx: Context, values: Record<string, unknown>, positionals: string[]): Promise<void | number>
}

const printJson = (io: Io, value: unknown) => io.out(JSON.stringify(value, null, 2) + '\n')

/** The photos of an article (the featured one too, when it is not in the body), with their fields and sizes on disk. */
async function photosOf(store: ArticleStore, article: Article) {
  const figures = figuresOf(article.body)
  const featuredOnly = article.featuredImage && !figures.some((f) => f.media === article.featuredImage)
  const all = featuredOnly ? [{ media: article.featuredImage, caption: '', alt: '', credit: '', width: null, height: null }, ...figures] : figures
  return Promise.all(
    all.map(async (f) => ({
      ...f,
      featured: f.media === article.featuredImage,
      bytes: await stat(store.media.pathOf(f.media)).then((s) => s.size, () => null)
    }))
  )
}

function listLine(m: ArticleMeta): string {
  return [m.id, m.status, m.date || '-', m.category || '-', m.title || '(chưa có tiêu đề)'].join('\t')
}

function articleText(a: Article): string {
  return [
    `id:       ${a.id}`,
    `title:    ${a.title}`,
    `sapo:     ${a.sapo}`,
    `category: ${a.category}`,
    `tags:     ${a.tags.join(', ')}`,
    `author:   ${a.author}`,
    `source:   ${a.source}`,
    `date:     ${a.date}`,
    `status:   ${a.status}`,
    `updated:  ${a.updatedAt}`
  ].join('\n')
}

const SELECTION = { all: { type: 'boolean' }, query: str, category: str, tag: str, status: str } as const

/** The articles a command works on: the ids given, or every article --all or the filters choose (one or the other). */
async function chosenArticles(store: ArticleStore, name: string, v: Record<string, unknown>, ids: string[]): Promise<string[]> {
  const filtered = v.all === true || ['query', 'category', 'tag', 'status'].some((k) => v[k] !== undefined)
  if (ids.length > 0 === filtered) throw new UsageError(`${name} takes article ids, or one of --all, --query, --category, --tag, --status`)
  if (v.status !== undefined && !STATUSES.includes(v.status as never)) throw new UsageError(`--status must be one of ${STATUSES.join(', ')}`)
  if (ids.length) return ids
  const filter = { query: v.query as string | undefined, category: v.category as string | undefined, tag: v.tag as string | undefined, status: v.status as ArticleMeta['status'] | undefined }
  return (await store.list(filter)).items.map((m) => m.id)
}

export const commands: Record<string, Command> = {
  list: {
    reads: true,
    options: { query: str, category: str, tag: str, status: str, sort: str, trash: { type: 'boolean' }, verify: { type: 'boolean' } },
    positionals: 0,
    async run({ store, json, io }, v) {
      if (v.status !== undefined && !STATUSES.includes(v.status as never)) throw new UsageError(`--status must be one of ${STATUSES.join(', ')}`)
      if (v.sort !== undefined && !['updated', 'date', 'title'].includes(v.sort as string)) throw new UsageError('--sort must be updated, date or title')
      // the list answers from the index at once; --verify first reads and checks every article file
      if (v.verify === true) await store.indexed
      const result = await store.list({
        query: v.query as string | undefined,
        category: v.category as string | undefined,
        tag: v.tag as string | undefined,
        status: v.status as ArticleMeta['status'] | undefined,
        sort: v.sort as ListQuery['sort'],
        trash: v.trash === true
      })
      if (json) printJson(io, result)
      else io.out(result.items.map((m) => listLine(m) + '\n').join(''))
    }
  },
  show: {
    reads: true,
    ids: true,
    options: {},
    positionals: 1,
    async quick(dir, { json, io }, [id]) {
      const { ArticleStore } = await loadStore()
      const article = await ArticleStore.peek(dir, id)
      if (!article) return false
      io.out(json ? JSON.stringify(article, null, 2) + '\n' : articleText(article) + '\n')
      return true
    },
    async run({ store, json, io }, _v, [id]) {
      const article = await store.get(id)
      io.out(json ? JSON.stringify(article, null, 2) + '\n' : articleText(article) + '\n')
    }
  },
  set: {
    options: { title: str, sapo: str, category: str, tag: { type: 'string', multiple: true }, author: str, source: str, date: str, status: str },
    positionals: 1,
    ids: true,
    async run({ store, json, io }, v, [id]) {
      const patch: Record<string, unknown> = {}
      for (const key of ['title', 'sapo', 'category', 'author', 'source', 'date', 'status']) if (v[key] !== undefined) patch[key] = v[key]
      if (v.tag !== undefined) patch.tags = v.tag
      if (Object.keys(patch).length === 0) throw new UsageError('set needs at least one field option, e.g. --title')
      const article = await store.save(id, patch as ArticlePatch, { reason: 'cli' })
      if (json) printJson(io, article)
      else io.out(`saved ${article.id}\n`)
    }
  },
  delete: {
    ids: true,
    options: {},
    positionals: 1,
    async run({ store, json, io }, _v, [id]) {
      await store.delete(id)
      if (json) printJson(io, { deleted: id })
      else io.out(`moved ${id} to the trash\n`)
    }
  },
  export: {
    reads: true,
    ids: true,
    options: { ...SELECTION, out: str, format: str, overwrite: { type: 'boolean' }, 'keep-remote-images': { type: 'boolean' }, 'embed-photos': { type: 'boolean' }, 'update-note': str },
    positionals: 'any',
    async run({ store, json, io }, v, ids) {
      if (typeof v.out !== 'string' || !v.out) throw new UsageError('export needs --out DIR')
      const format = (v.format ?? 'html') as ExportFormat
      if (!EXPORT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`)
      const chosen = await chosenArticles(store, 'export', v, ids)
      const { exportArticles } = await import('../services/export')
      const result = await exportArticles(chosen, (id) => store.get(id), {
        dir: v.out,
        format,
        remoteImages: v['keep-remote-images'] ? 'keep' : 'omit',
        // photos go into media/ beside the files, or inside each file
        media: store.media,
        embedPhotos: v['embed-photos'] === true,
        updateNote: v['update-note'] as string | undefined,
        onExisting: () => (v.overwrite ? 'overwrite' : 'keep-both'),
        onExported: (articles) => store.recordExport(articles, format),
        // Ctrl+C: the files in hand are written and listed, the store remembers them as exported
        signal: io.interrupt?.()
      })
      if (json) printJson(io, result)
      else {
        for (const w of result.written) io.out(`${w.id}\t${w.file}\n`)
        if (result.remoteImagesOmitted) io.err(`newsdesk export: ${result.remoteImagesOmitted} image(s) from the web left out (--keep-remote-images keeps them)\n`)
        for (const f of result.failed) io.err(`newsdesk export: ${f.id}: ${f.error}\n`)
      }
      if (result.stopped) {
        io.err(`newsdesk export: stopped (Ctrl+C) after ${result.written.length} of ${chosen.length}; the others were not exported\n`)
        return 130
      }
      return result.failed.length ? 1 : 0
    }
  },
  import: {
    options: {},
    positionals: 'many',
    async run({ store, json, io }, _v, files) {
      const result: { created: Array<{ file: string; id: string; remarks?: string[] }>; errors: Array<{ file: string; error: string }> } = { created: [], errors: [] }
      for (const file of files) {
        try {
          const { importFile, readDraft } = await import('../services/import')
          const { draftPhotos } = await import('../services/media')
          // its images are taken from beside it (its own folder and below)
          const imported = await importFile(file, readDraft(file, (await stat(file)).size), draftPhotos(store, path.dirname(path.resolve(file)), path.resolve(file)))
          if (!imported.ok) result.errors.push({ file, error: imported.error })
          else result.created.push({ file, id: (await store.create(imported.fields)).id, ...(imported.remarks.length ? { remarks: imported.remarks } : {}) })
        } catch (err) {
          result.errors.push({ file, error: (err as Error).message })
        }
      }
      if (json) printJson(io, result)
      else {
        for (const c of result.created) io.out(`${c.id}\t${c.file}\n` + (c.remarks ?? []).map((r) => `note\t${c.file}\t${r}\n`).join(''))
        for (const e of result.errors) io.err(`newsdesk import: ${e.file}: ${e.error}\n`)
      }
      return result.errors.length ? 1 : 0
    }
  },
  sync: {
    options: {},
    positionals: 1,
    async run({ store, json, io }, _v, [folder]) {
      const { SyncState, syncFolder } = await import('../services/sync')
      const state = await SyncState.open(store.dir, (file, problem, movedTo) => io.err(`newsdesk: warning: ${file}: ${problem}; moved to ${movedTo}\n`))
      const report = await syncFolder(store, state, folder)
      if (json) printJson(io, report)
      else {
        const count = (name: string, list: unknown[]) => (list.length ? `${list.length} ${name}` : '')
        io.out(
          [count('created', report.created), count('updated', report.updated), count('unchanged', report.unchanged), count('conflicts', report.conflicts), count('missing', report.missing), count('skipped', report.skipped)]
            .filter(Boolean)
            .join(', ') + '\n'
        )
        for (const c of report.conflicts) io.out(`conflict\t${c.file}\t${c.conflictId}\n`)
        for (const c of [...report.created, ...report.updated]) for (const r of c.remarks ?? []) io.out(`note\t${c.file}\t${r}\n`)
        for (const s of report.skipped) io.err(`newsdesk sync: ${s.file}: ${s.reason}\n`)
      }
      for (const e of report.errors) io.err(`newsdesk sync: ${e.file}: ${e.error}\n`)
      return report.errors.length ? 1 : 0
    }
  },
  media: {
    options: { caption: str, credit: str, alt: str, featured: { type: 'boolean' }, 'dry-run': { type: 'boolean' } },
    positionals: 'many',
    async run({ store, json, io }, v, [action, ...args]) {
      const usage = (text: string) => new UsageError(`media ${text}; run newsdesk --help`)
      const id = args[0]
      if (action !== 'clean' && (id === undefined || !isArticleId(id))) throw usage(`${action ?? ''} needs an article id`.trim())
      if (action === 'add') {
        const files = args.slice(1)
        if (!files.length) throw usage('add needs one or more photo files')
        const article = await store.get(id)
        const { addPhotoFiles } = await import('../services/media')
        const result = await addPhotoFiles(store, files)
        if (result.added.length) {
          const given = { caption: v.caption as string | undefined, credit: v.credit as string | undefined, alt: v.alt as string | undefined }
          const content = [...((article.body.content as unknown[]) ?? []), ...result.added.map((p) => figureJson(p, given))]
          await store.save(id, { body: { ...article.body, content } as ArticlePatch['body'], ...(v.featured ? { featuredImage: result.added[0].media } : {}) })
        }
        const answer = { added: result.added.map(({ file, media, width, height }) => ({ file, media, width, height })), errors: result.errors }
        if (json) printJson(io, answer)
        else for (const a of answer.added) io.out(`${a.media}	${a.width}×${a.height}	${a.file}
`)
        for (const e of result.errors) if (!json) io.err(`newsdesk media: ${e.file}: ${e.error}
`)
        return result.errors.length ? 1 : 0
      }
      if (action === 'list') {
        if (args.length !== 1) throw usage('list takes one article id')
        const article = await store.get(id)
        const photos = await photosOf(store, article)
        if (json) printJson(io, photos)
        else for (const p of photos) io.out(`${p.media}	${p.width ?? '?'}×${p.height ?? '?'}	${p.featured ? 'featured	' : ''}${p.caption}
`)
        return
      }
      if (action === 'clean') {
        if (args.length) throw usage('clean takes no arguments')
        const result = await store.cleanMedia(v['dry-run'] === true)
        if (json) printJson(io, result)
        else io.out(`${v['dry-run'] ? 'would remove' : 'removed'} ${result.removed.length} photo(s), ${result.bytes} bytes\n` + result.removed.map((r) => `${r}\n`).join(''))
        return
      }
      throw usage(`has no action "${String(action).slice(0, 40)}" (add, list or clean)`)
    }
  },
  check: {
    reads: true,
    ids: true,
    options: { ...SELECTION, 'fail-on': str },
    positionals: 'any',
    async run({ store, json, io }, v, ids) {
      const { PROOF_RULES, checkArticle } = await import('../../shared/proof')
      const failOn = typeof v['fail-on'] === 'string' ? v['fail-on'].split(',').map((r) => r.trim()).filter(Boolean) : []
      const unknown = failOn.find((r) => !PROOF_RULES.includes(r as never))
      if (unknown) throw new UsageError(`--fail-on: no rule "${unknown.slice(0, 40)}" (rules: ${PROOF_RULES.join(', ')})`)
      const chosen = await chosenArticles(store, 'check', v, ids)
      const { nodeSpeller } = await import('../services/proof')
      const speller = await nodeSpeller()
      const language = store.settings.language === 'en' || (store.settings.language === 'auto' && /^en/i.test(io.env.LANG ?? '')) ? 'en' : 'vi'
      const articles = []
      for (const id of chosen) {
        const a = await store.get(id)
        const problems = checkArticle(a, { settings: store.settings.proof, speller, language }).map(({ rule, field, from, to, text, message, suggestions }) => ({ rule, field, from, to, text, message, suggestions }))
        articles.push({ id, title: a.title, problems })
      }
      if (json) printJson(io, { articles })
      else
        for (const a of articles) {
          io.out(`${a.id}\t${a.title || '(chưa có tiêu đề)'}\t${a.problems.length} problem(s)\n`)
          for (const p of a.problems) io.out(`  ${p.rule}\t${p.field}\t${p.from}-${p.to}\t${p.message}${p.suggestions.length ? ` → ${p.suggestions[0]}` : ''}\n`)
        }
      return articles.some((a) => a.problems.some((p) => failOn.includes(p.rule))) ? 1 : 0
    }
  },
  replace: {
    ids: true,
    options: { ...SELECTION, find: str, replace: str, regex: { type: 'boolean' }, 'accent-insensitive': { type: 'boolean' }, 'match-case': { type: 'boolean' }, 'whole-word': { type: 'boolean' }, 'dry-run': { type: 'boolean' } },
    positionals: 'any',
    async run({ store, json, io }, v, ids) {
      if (typeof v.find !== 'string' || !v.find) throw new UsageError('replace needs --find TEXT')
      if (typeof v.replace !== 'string') throw new UsageError('replace needs --replace TEXT (it may be empty: --replace "")')
      const chosen = await chosenArticles(store, 'replace', v, ids)
      const { replaceInStore } = await import('../services/proof')
      const options = { find: v.find, regex: v.regex === true, accentInsensitive: v['accent-insensitive'] === true, matchCase: v['match-case'] === true, wholeWord: v['whole-word'] === true }
      const result = await replaceInStore(store, chosen, options, v.replace, v['dry-run'] === true)
      if (json) printJson(io, { changed: result.changed.map(({ id, count }) => ({ id, count })), total: result.total })
      else {
        for (const c of result.changed) io.out(`${c.id}\t${c.count}\t${c.title}\n` + c.samples.map((s) => `  ${s.before}\n  → ${s.after}\n`).join(''))
        io.out(`${v['dry-run'] ? 'would replace' : 'replaced'} ${result.total} in ${result.changed.length} article(s)\n`)
      }
      for (const e of result.errors) io.err(`newsdesk replace: ${e.id}: ${e.error}\n`)
      return result.errors.length ? 1 : 0
    }
  },
  revisions: {
    reads: true,
    ids: true,
    options: {},
    positionals: 1,
    async run({ store, json, io }, _v, [id]) {
      const list = (await store.revisionsOf(id)).map((r) => ({ rev: r.id, savedAt: r.savedAt, words: r.words, reason: r.reason, changed: r.changed }))
      if (json) printJson(io, list)
      else io.out(list.map((r) => [r.rev, r.savedAt, r.words, r.reason, r.changed].join('\t') + '\n').join(''))
    }
  },
  diff: {
    reads: true,
    ids: true,
    options: { from: str, to: str },
    positionals: 1,
    async run({ store, json, io }, v, [id]) {
      const { versionOf, printDiff } = await import('./diff-output')
      const from = await versionOf(store, id, (v.from as string | undefined) ?? 'previous')
      const to = await versionOf(store, id, (v.to as string | undefined) ?? 'current')
      const { diffArticles } = await import('../../shared/diff')
      const diff = diffArticles(from.article, to.article)
      const fields = diff.fields.map(({ field, ops }) => ({ field, ops }))
      if (json) printJson(io, { id, from: from.name, to: to.name, fields })
      else io.out(printDiff(from.name, to.name, diff, io.isTTY === true && !io.env.NO_COLOR))
    }
  },
  stats: {
    reads: true,
    options: {},
    positionals: 0,
    async run({ store, json, io }) {
      const s = store.stats()
      if (json) {
        printJson(io, s)
        return
      }
      const section = (name: string, counts: Record<string, number>) =>
        `${name}:\n` + Object.entries(counts).sort((a, b) => b[1] - a[1]).map(([k, n]) => `  ${n}\t${k}\n`).join('')
      io.out(`total: ${s.total}\n` + section('status', s.byStatus) + section('category', s.byCategory) + section('tag', s.byTag))
    }
  }
}

/** Run the CLI; returns the exit code (0 ok, 1 runtime error, 2 bad usage). */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const global = { store: str, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const
  const name = argv.find((a, i) => !a.startsWith('-') && argv[i - 1] !== '--store')
  if (!name || argv.includes('--help') || argv.includes('-h')) {
    ;(name || argv.includes('--help') || argv.includes('-h') ? io.out : io.err)(USAGE + '\n')
    return name || argv.includes('--help') || argv.includes('-h') ? 0 : 2
  }
  const command = commands[name]
  if (!command) {
    io.err(`newsdesk: unknown command "${name}"; run newsdesk --help\n`)
    return 2
  }
  let values: Record<string, unknown>
  let positionals: string[]
  try {
    const rest = [...argv]
    rest.splice(argv.indexOf(name), 1)
    ;({ values, positionals } = parseArgs({ args: rest, options: { ...global, ...command.options }, allowPositionals: true, strict: true }))
    const want = command.positionals
    if (want !== 'any' && (want === 'many' ? positionals.length === 0 : positionals.length !== want)) {
      throw new UsageError(`${name} takes ${want === 'many' ? 'one or more' : want} argument${want === 1 ? '' : 's'}; run newsdesk --help`)
    }
    const badId: string | undefined = command.ids ? positionals.find((p: string) => !isArticleId(p)) : undefined
    if (badId !== undefined) throw new UsageError(`"${String(badId).slice(0, 80)}" is not an article id (ids are uuids, as newsdesk list shows them)`)
  } catch (err) {
    io.err(`newsdesk ${name}: ${(err as Error).message}\n`)
    return 2
  }
  if (io === defaultIo) watchStdout()
  let store: ArticleStore | undefined
  try {
    const { ArticleStore, resolveStoreDir } = await loadStore()
    const dir = resolveStoreDir(argv, io.env)
    if (command.quick && (await command.quick(dir, { json: values.json === true, io }, positionals))) return 0
    // search is made ready only by a command that searches
    const options = { background: 'lazy' } as const
    store = command.reads ? await ArticleStore.openForReading(dir, (reason) => io.err(`newsdesk: warning: ${reason}\n`), options) : await ArticleStore.open(dir, options)
    return (await command.run({ store, json: values.json === true, io }, values, positionals)) ?? 0
  } catch (err) {
    const usage = err instanceof UsageError
    const message = err instanceof ValidationError || err instanceof NotFoundError || usage ? err.message : (err as Error).message
    io.err(`newsdesk ${name}: ${message}\n`)
    return usage ? 2 : 1
  } finally {
    for (const p of store?.problems ?? []) io.err(`newsdesk: warning: ${p.file}: ${p.problem}; ${p.movedTo ? `moved to ${p.movedTo}` : 'left in place (read-only store)'}\n`)
    await store?.close()
  }
}

/**
 * The layering the principles state, checked on every source file's imports (read with TypeScript's own
 * pre-processor): services, shared and renderer never import `electron`; the renderer never imports
 * main-process code; shared imports nothing from electron/ or renderer/; services never import the shell.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const ROOT = path.resolve(import.meta.dirname, '..')

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|mts)$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)))
}

/** Every import of a file: the package name (`electron`, `node:fs`), or `./` and the project path a relative import points to. */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(path.join(ROOT, file), 'utf8'), true, true)
  return info.importedFiles.map(({ fileName }) => (fileName.startsWith('.') ? './' + path.relative(ROOT, path.resolve(path.dirname(path.join(ROOT, file)), fileName)) : fileName))
}

type Rule = { from: (file: string) => boolean; forbidden: (target: string) => boolean; why: string }
const isTest = (f: string) => /\.test\.tsx?$/.test(f) || f.includes('/test-support/')
/** The shell: electron/main.ts, preload.ts, ipc.ts, window.ts, … (the only files that may import `electron`). */
const SHELL = /^\.\/electron\/[^/]+$/
const rules: Rule[] = [
  { from: (f) => f.startsWith('electron/services/'), forbidden: (t) => t === 'electron', why: 'services run in plain Node: no `electron`' },
  { from: (f) => f.startsWith('electron/services/') && !isTest(f), forbidden: (t) => SHELL.test(t), why: 'services never import the shell' },
  { from: (f) => f.startsWith('electron/cli/'), forbidden: (t) => t === 'electron' || SHELL.test(t), why: 'the CLI runs in plain Node, on the services' },
  { from: (f) => f.startsWith('shared/') && !isTest(f), forbidden: (t) => t === 'electron' || t.startsWith('./electron/') || t.startsWith('./renderer/') || /^node:/.test(t), why: 'shared code runs in the renderer and in Node: no electron/, renderer/ or node: imports' },
  { from: (f) => f.startsWith('renderer/') && !isTest(f), forbidden: (t) => t === 'electron' || t.startsWith('./electron/') || /^node:/.test(t), why: 'the renderer talks to main only through window.api' }
]

describe('layering', () => {
  const files = [...sources('electron'), ...sources('shared'), ...sources('renderer')]

  it('finds the source files and their imports', () => {
    expect(files.length).toBeGreaterThan(50)
    expect(importsOf('electron/main.ts')).toContain('electron')
  })

  it('no file imports across a layer it must not', () => {
    const broken: string[] = []
    for (const file of files) {
      for (const target of importsOf(file)) {
        for (const rule of rules) if (rule.from(file) && rule.forbidden(target)) broken.push(`${file} imports ${target}: ${rule.why}`)
      }
    }
    expect(broken).toEqual([])
  })

  it('would notice a broken rule', () => {
    expect(rules[0].from('electron/services/store/article-store.ts') && rules[0].forbidden('electron')).toBe(true)
    expect(rules[1].forbidden('./electron/window')).toBe(true)
    expect(rules[1].forbidden('./electron/services/errors')).toBe(false)
    expect(rules[3].forbidden('./renderer/src/api')).toBe(true)
    expect(rules[3].forbidden('node:fs')).toBe(true)
    expect(rules[4].forbidden('./electron/services/store/article-store')).toBe(true)
    expect(rules[4].forbidden('./shared/article')).toBe(false)
  })
})

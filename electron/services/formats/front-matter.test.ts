/** Front matter: YAML only, plain data, limits; written so that the body is never read as front matter. */
import { describe, expect, it } from 'vitest'
import { MAX_FRONT_MATTER_CHARS, readFrontMatter, writeFrontMatter } from './front-matter'
import { FrontMatterError } from '../errors'

describe('reading front matter', () => {
  it('reads a YAML mapping and gives the rest as the body', () => {
    expect(readFrontMatter('---\ntitle: Tin\ntags: [a, b]\n---\nThân.\n')).toEqual({ data: { title: 'Tin', tags: ['a', 'b'] }, body: 'Thân.\n', hasFrontMatter: true })
    expect(readFrontMatter('---yaml\ntitle: Tin\n---\nx')).toMatchObject({ data: { title: 'Tin' }, body: 'x' })
    expect(readFrontMatter('--- YML\ntitle: Tin\n...\nx')).toMatchObject({ data: { title: 'Tin' }, body: 'x' })
    expect(readFrontMatter('---\n---\nx')).toEqual({ data: {}, body: 'x', hasFrontMatter: true })
  })

  it('ends lines at a line feed only: a line separator (U+2028) in a value does not close the front matter; Windows line ends still do', () => {
    for (const sep of ['\u2028', '\u2029']) {
      for (const fence of ['...', '---']) {
        const text = writeFrontMatter({ sapo: `Dòng một${sep}${fence}`, author: 'Lê An' }, 'Thân.\n')
        expect(readFrontMatter(text)).toEqual({ data: { sapo: `Dòng một${sep}${fence}`, author: 'Lê An' }, body: 'Thân.\n', hasFrontMatter: true })
      }
    }
    expect(readFrontMatter('---\r\ntitle: Tin\r\n---\r\nThân.')).toEqual({ data: { title: 'Tin' }, body: 'Thân.', hasFrontMatter: true })
    // the closing line may end the file
    expect(readFrontMatter('---\ntitle: Tin\n---')).toEqual({ data: { title: 'Tin' }, body: '', hasFrontMatter: true })
  })

  it('keeps dates and yes/no as the strings they are (YAML core schema)', () => {
    expect(readFrontMatter('---\ndate: 2026-01-15\nok: yes\n---\n').data).toEqual({ date: '2026-01-15', ok: 'yes' })
  })

  it('treats as body what only looks like front matter: a rule, an unclosed block, a scalar, comments', () => {
    for (const text of ['--- -js\n{}\n---\n', '---\ntitle: x\n--- tiếp\nthân\n', '----\nfoo\n----\n', '--- *\nx', '---\nfoo: bar\n', '---\nchỉ là chữ\n---\nx', '---\n## foo\n---\n', '---\n- a\n- b\n---\n', 'title: x\n---\n', ' ---\na: 1\n---\n']) {
      expect(readFrontMatter(text), text).toEqual({ data: {}, body: text, hasFrontMatter: false })
    }
  })

  it('reads blank front matter as empty, a value holding --- as text, and a repeated key as its last value', () => {
    expect(readFrontMatter('---\n  \n---\nx')).toEqual({ data: {}, body: 'x', hasFrontMatter: true })
    expect(readFrontMatter('---\ntitle: a ---\n---\nx')).toEqual({ data: { title: 'a ---' }, body: 'x', hasFrontMatter: true })
    expect(readFrontMatter('---\ntitle: a\ntitle: b\n---\nx').data).toEqual({ title: 'b' })
  })

  it('refuses front matter in any other language, saying nothing ran', () => {
    for (const opening of ['---js', '---javascript', '--- js', '---coffee', '---toml', '---json']) {
      expect(() => readFrontMatter(`${opening}\n{"title": 1}\n---\n`), opening).toThrow(FrontMatterError)
      expect(() => readFrontMatter(`${opening}\n{"title": 1}\n---\n`), opening).toThrow(/not YAML.*nothing in it was run/)
    }
    for (const opening of ['---xyaml', '---yamlx', '---ymlx']) expect(() => readFrontMatter(`${opening}\na: 1\n---\n`), opening).toThrow(/not YAML/)
    const err = (() => {
      try {
        readFrontMatter(`---${'j'.repeat(500)}\na: 1\n---\n`)
      } catch (e) {
        return e as Error
      }
    })()!
    expect(err.name).toBe('FrontMatterError')
    // the reason quotes at most 40 characters of what the file said
    expect(err.message).toContain(`"${'j'.repeat(40)}"`)
  })

  it('refuses invalid YAML, too many aliases, deep nesting and oversized front matter with a reason', () => {
    expect(() => readFrontMatter('---\ntitle: [unclosed\n---\n')).toThrow(/not valid YAML/)
    const aliases = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 6 }, (_, i) => `${'bcdefg'[i]}: &${'bcdefg'[i]} [${Array(10).fill('*' + 'abcdef'[i]).join(', ')}]`)].join('\n')
    expect(() => readFrontMatter(`---\n${aliases}\n---\n`)).toThrow(FrontMatterError)
    expect(() => readFrontMatter(`---\na: ${'['.repeat(50_000)}\n---\n`)).toThrow(/nested too deeply/)
    // the limit, to the character: `a: "…"` plus its line break
    const exactly = `a: "${'x'.repeat(MAX_FRONT_MATTER_CHARS - 6)}"\n`
    expect(exactly.length).toBe(MAX_FRONT_MATTER_CHARS)
    expect(readFrontMatter(`---\n${exactly}---\n`).hasFrontMatter).toBe(true)
    expect(() => readFrontMatter(`---\n${exactly} \n---\n`)).toThrow(/larger than 256 KB/)
  })
})

describe('writing front matter', () => {
  it('writes the fields as YAML and the body exactly as given, even one that starts with a rule', () => {
    const body = '---\n\nfoo: bar\n\n---\n'
    const text = writeFrontMatter({ title: 'Tin: "mới"', date: '2026-01-15' }, body)
    expect(text.endsWith('---\n' + body)).toBe(true)
    expect(readFrontMatter(text)).toEqual({ data: { title: 'Tin: "mới"', date: '2026-01-15' }, body, hasFrontMatter: true })
  })

  it('never writes YAML aliases, even for a value used twice', () => {
    const tags = ['a', 'b']
    const text = writeFrontMatter({ tags, related: tags }, '')
    expect(text).not.toMatch(/[&*]/)
    expect(readFrontMatter(text).data).toEqual({ tags: ['a', 'b'], related: ['a', 'b'] })
  })

  it('writes long values on one line', () => {
    const long = 'chữ '.repeat(60).trim()
    expect(writeFrontMatter({ sapo: long }, '')).toBe(`---\nsapo: ${long}\n---\n`)
  })
})

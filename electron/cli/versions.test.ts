/** newsdesk revisions, diff (against a revision, the last export or the current text) and export --update-note. */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { docFromParagraphs } from '../../shared/doc'
import { ArticleStore } from '../services/store/article-store'
import { main } from './cli'
import { storePerTest } from './run-in-test'

const temp = storePerTest('nd-cli-versions-')
const run = temp.run

async function twoVersions() {
  const store = await ArticleStore.open(temp.dir, { sample: false })
  const a = await store.create({ title: 'Lũ ở Quảng Bình', body: docFromParagraphs(['Nước lên nhanh trong đêm.', 'Đã sơ tán 1.200 hộ dân.']) })
  await store.save(a.id, { title: 'Lũ ở Quảng Bình', body: docFromParagraphs(['Nước lên nhanh trong đêm.', 'Đã sơ tán 1.500 hộ dân.']) }, { reason: 'cli' })
  await store.close()
  return a
}

describe('newsdesk revisions and diff', () => {
  it('lists revisions with their words and reason', async () => {
    const a = await twoVersions()
    const r = await run('revisions', a.id, '--json')
    expect(r.code).toBe(0)
    const list = JSON.parse(r.stdout)
    expect(list).toEqual([{ rev: expect.stringMatching(/^\d{8}T\d{9}Z\.cli$/), savedAt: expect.any(String), words: 15, reason: 'cli', changed: expect.any(String) }])
  })

  it('compares the previous version with the current one: the number that changed, as ops per field', async () => {
    const a = await twoVersions()
    const r = await run('diff', a.id, '--json')
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out.to).toBe('current')
    expect(out.fields.map((f: { field: string }) => f.field)).toEqual(['body'])
    expect(out.fields[0].ops.filter((o: { op: string }) => o.op !== 'equal')).toEqual([
      { op: 'delete', text: '1.200', kind: 'number', change: 0 },
      { op: 'insert', text: '1.500', kind: 'number', change: 0 }
    ])
    // the same by revision id, and the other way round
    const rev = JSON.parse((await run('revisions', a.id, '--json')).stdout)[0].rev
    const back = JSON.parse((await run('diff', a.id, '--from', 'current', '--to', rev, '--json')).stdout)
    expect(back.fields[0].ops.find((o: { op: string }) => o.op === 'insert').text).toBe('1.200')
  })

  it('prints plain word-diff marks when not on a terminal, colours on one (unless NO_COLOR)', async () => {
    const a = await twoVersions()
    const plain = await run('diff', a.id)
    expect(plain.stdout).toContain('¶2 Đã sơ tán [-1.200-]{+1.500+} hộ dân.')
    expect(plain.stdout).not.toContain('\x1b[')
    let coloured = ''
    await main(['--store', temp.dir, 'diff', a.id], { out: (t) => (coloured += t), err: () => {}, env: {}, isTTY: true })
    expect(coloured).toContain('\x1b[1;4m\x1b[31;9m1.200\x1b[0m')
    let noColor = ''
    await main(['--store', temp.dir, 'diff', a.id], { out: (t) => (noColor += t), err: () => {}, env: { NO_COLOR: '1' }, isTTY: true })
    expect(noColor).not.toContain('\x1b[')
  })

  it('compares with the last export, and says clearly when there is none or a version is malformed', async () => {
    const a = await twoVersions()
    const none = await run('diff', a.id, '--from', 'exported')
    expect(none.code).toBe(1)
    expect(none.stderr).toContain('has not been exported')
    const out = path.join(temp.dir, 'out')
    expect((await run('export', a.id, '--out', out, '--format', 'md')).code).toBe(0)
    expect(JSON.parse((await run('diff', a.id, '--from', 'exported:md', '--json')).stdout).fields).toEqual([])
    const store = await ArticleStore.open(temp.dir)
    await store.save(a.id, { title: 'Lũ lớn ở Quảng Bình' })
    await store.close()
    const since = JSON.parse((await run('diff', a.id, '--from', 'exported', '--json')).stdout)
    expect(since.fields.map((f: { field: string }) => f.field)).toEqual(['title'])
    const bad = await run('diff', a.id, '--from', 'hôm qua')
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('"hôm qua" is not a version')
    expect((await run('diff', a.id, '--from', 'exported:rtf')).stderr).toContain('the format must be html, md, ninjs, docx, pdf')
    expect((await run('diff', 'khong-phai-id')).code).toBe(2)
  })

  it('exports with an update note at the top of the body, leaving the article as it was', async () => {
    const a = await twoVersions()
    const out = path.join(temp.dir, 'out')
    const r = await run('export', a.id, '--out', out, '--format', 'md', '--update-note', 'Cập nhật lúc 15:30: số hộ sơ tán 1.200 → 1.500.', '--json')
    expect(r.code).toBe(0)
    const md = await fs.readFile(path.join(out, JSON.parse(r.stdout).written[0].file), 'utf8')
    expect(md).toMatch(/\*Cập nhật lúc 15:30: số hộ sơ tán 1\.200 → 1\.500\.\*\n\nNước lên nhanh/)
    const shown = JSON.parse((await run('show', a.id, '--json')).stdout)
    expect(JSON.stringify(shown.body)).not.toContain('Cập nhật')
  })
})

describe('newsdesk export as Word and PDF', () => {
  it('writes .docx and .pdf files by id and in a batch with its index, photos inside', async () => {
    const a = await twoVersions()
    const out = path.join(temp.dir, 'out')
    for (const format of ['docx', 'pdf'] as const) {
      const r = await run('export', '--all', '--out', out, '--format', format, '--json')
      expect(r.code).toBe(0)
      const { written } = JSON.parse(r.stdout)
      expect(written).toEqual([{ id: a.id, file: `lu-o-quang-binh.${format}` }])
      const bytes = await fs.readFile(path.join(out, written[0].file))
      expect(bytes.subarray(0, 4).toString('latin1')).toBe(format === 'pdf' ? '%PDF' : 'PK\u0003\u0004')
    }
    // what was exported is remembered for both
    expect(JSON.parse((await run('diff', a.id, '--from', 'exported:pdf', '--json')).stdout).fields).toEqual([])
    const bad = await run('export', a.id, '--out', out, '--format', 'rtf')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--format must be one of html, md, ninjs, docx, pdf')
  })

  it('still writes files that open for an article with no title, an empty body or hostile text', async () => {
    const store = await ArticleStore.open(temp.dir, { sample: false })
    await store.create({})
    await store.create({ title: '<script>alert(1)</script> & “ngoặc”', sapo: '\u202eĐảo chiều', body: docFromParagraphs(['<img src=x onerror=alert(1)>', 'javascript:alert(1)']) })
    await store.close()
    const out = path.join(temp.dir, 'out')
    const { execFile } = await import('node:child_process')
    const { promisify } = await import('node:util')
    const mammoth = (await import('mammoth')).default
    for (const format of ['docx', 'pdf'] as const) {
      const r = await run('export', '--all', '--out', path.join(out, format), '--format', format, '--json')
      expect(r.code).toBe(0)
      const { written, failed } = JSON.parse(r.stdout)
      expect(failed).toEqual([])
      expect(written).toHaveLength(2)
      const texts = await Promise.all(
        written.map(async (w: { file: string }) => {
          const file = path.join(out, format, w.file)
          return format === 'pdf' ? (await promisify(execFile)('pdftotext', [file, '-'])).stdout : (await mammoth.extractRawText({ path: file })).value
        })
      )
      expect(texts.join('\n')).toContain('<script>alert(1)</script> & “ngoặc”')
    }
  })
})

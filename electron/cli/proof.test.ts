/** newsdesk check and replace on a real store. */
import { describe, expect, it } from 'vitest'
import { docFromParagraphs, jsonText } from '../../shared/doc'
import { ArticleStore } from '../services/store/article-store'
import { storePerTest } from './run-in-test'

const temp = storePerTest('nd-cli-proof-')
const run = temp.run

async function seed() {
  const store = await ArticleStore.open(temp.dir, { sample: false })
  const a = await store.create({ title: 'Bác sĩ chuẩn đoán sớm', sapo: 'VOV.VN - Bệnh viện tỉnh TK thêm.', category: 'Sức khỏe', author: 'Lê An', body: docFromParagraphs(['Đảng viên và người dân cùng dự hội nghị.']) })
  const b = await store.create({ title: 'Hội nghị đảng viên', sapo: 'VOV.VN - Một đoạn dẫn đủ ý.', category: 'Chính trị', author: 'Trần Bình', body: docFromParagraphs(['Các đảng viên trẻ phát biểu.']) })
  await store.close()
  return { a, b }
}

describe('newsdesk check', () => {
  it('lists each article\'s problems as JSON, exits 0, and 1 with --fail-on a rule that was found', async () => {
    const { a, b } = await seed()
    const r = await run('check', '--all', '--json')
    expect(r.code).toBe(0)
    const { articles } = JSON.parse(r.stdout)
    const first = articles.find((x: { id: string }) => x.id === a.id)
    expect(first.problems.map((p: { rule: string; text: string }) => [p.rule, p.text])).toEqual(expect.arrayContaining([['confusable', 'chuẩn đoán'], ['placeholder', 'TK']]))
    expect(first.problems[0]).toEqual({ rule: 'confusable', field: 'title', from: 7, to: 17, text: 'chuẩn đoán', message: 'Viết đúng là “chẩn đoán”', suggestions: ['chẩn đoán'] })
    expect(articles.find((x: { id: string }) => x.id === b.id).problems.filter((p: { rule: string }) => p.rule !== 'length')).toEqual([])
    expect((await run('check', a.id, '--fail-on', 'placeholder,required')).code).toBe(1)
    expect((await run('check', b.id, '--fail-on', 'placeholder')).code).toBe(0)
    const bad = await run('check', '--all', '--fail-on', 'grammar')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--fail-on: no rule "grammar"')
    expect((await run('check')).stderr).toContain('check takes article ids, or one of --all')
  })
})

describe('newsdesk replace', () => {
  it('previews with --dry-run, then replaces with one revision per article; accent-insensitive and whole word', async () => {
    const { a, b } = await seed()
    const dry = await run('replace', '--find', 'dang vien', '--replace', 'đảng viên Đảng Cộng sản', '--accent-insensitive', '--all', '--dry-run', '--json')
    expect(dry.code).toBe(0)
    expect(JSON.parse(dry.stdout)).toEqual({ changed: expect.arrayContaining([{ id: a.id, count: 1 }, { id: b.id, count: 2 }]), total: 3 })
    let store = await ArticleStore.open(temp.dir)
    expect(await store.revisionsOf(b.id)).toEqual([])
    await store.close()

    const done = await run('replace', '--find', 'đảng viên', '--replace', 'hội viên', '--whole-word', b.id, '--json')
    expect(JSON.parse(done.stdout)).toEqual({ changed: [{ id: b.id, count: 2 }], total: 2 })
    store = await ArticleStore.open(temp.dir)
    const after = await store.get(b.id)
    expect(after.title).toBe('Hội nghị hội viên')
    expect(jsonText(after.body)).toContain('Các hội viên trẻ')
    expect((await store.revisionsOf(b.id)).map((r) => r.reason)).toEqual(['replace'])
    await store.close()
    const bad = await run('replace', '--find', '(', '--replace', 'x', '--regex', '--all')
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('the regular expression is not valid')
    expect((await run('replace', '--replace', 'x', '--all')).stderr).toContain('replace needs --find TEXT')
  })
})

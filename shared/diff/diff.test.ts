/** The difference engine on Vietnamese text: words and numbers, diacritics-only edits, moved paragraphs, fields, composing versions. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultFields, type ArticleFields } from '../article'
import { docFromJSON, docFromParagraphs } from '../doc'
import { randomDocs } from '../../electron/services/test-support/random-docs'
import { changesOf, composeArticle, diffArticles, diffText, tokenize, updateNoteText, withUpdateNote, type DiffOp } from '.'

const article = (patch: Partial<ArticleFields>): ArticleFields => ({ ...defaultFields(), ...patch })
const changed = (ops: DiffOp[]) => ops.filter((o) => o.op !== 'equal').map((o) => `${o.op === 'insert' ? '+' : '-'}${o.text}${o.kind ? `(${o.kind})` : ''}`)

describe('words', () => {
  it('keeps numbers, dates and decimals whole and splits punctuation off', () => {
    expect(tokenize('Có 4.000 hộ, ngày 21/2; tỉ lệ 7,5%.')).toEqual(['Có', ' ', '4.000', ' ', 'hộ', ',', ' ', 'ngày', ' ', '21/2', ';', ' ', 'tỉ', ' ', 'lệ', ' ', '7,5', '%', '.'])
  })

  it('finds the one number that changed in a sentence, marked as a number', () => {
    const ops = diffText('Mưa lớn làm 4.000 hộ dân ở Quảng Trị bị ngập.', 'Mưa lớn làm 4.500 hộ dân ở Quảng Trị bị ngập.')
    expect(changed(ops)).toEqual(['-4.000(number)', '+4.500(number)'])
    expect(ops.map((o) => o.text).join('')).toContain('Mưa lớn làm ')
  })

  it('marks a changed date as a number', () => {
    expect(changed(diffText('Hội nghị khai mạc ngày 21/2.', 'Hội nghị khai mạc ngày 22/2.'))).toEqual(['-21/2(number)', '+22/2(number)'])
  })

  it('marks tone-mark placement, NFD against NFC and missing diacritics as diacritics-only', () => {
    expect(changed(diffText('Hòa bình và thủy lợi', 'Hoà bình và thuỷ lợi'))).toEqual(['-Hòa(diacritics)', '+Hoà(diacritics)', '-thủy(diacritics)', '+thuỷ(diacritics)'])
    const nfd = 'Người dân'.normalize('NFD')
    expect(changed(diffText(nfd, 'Người dân'))).toEqual([`-${nfd}(diacritics)`, '+Người dân(diacritics)'])
    expect(changed(diffText('Phóng viên tại Da Nang cho biết', 'Phóng viên tại Đà Nẵng cho biết'))).toEqual(['-Da Nang(diacritics)', '+Đà Nẵng(diacritics)'])
  })

  it('does not call a real change of word diacritics-only', () => {
    // "bán" (sell) and "bạn" (friend) fold alike but are different words: still only diacritics, which a reader may hide —
    // while a change of letters is an ordinary change
    expect(changed(diffText('chẩn đoán sớm', 'chuẩn đoán sớm'))).toEqual(['-chẩn', '+chuẩn'])
  })

  it('shows a changed phrase as one change, not word by word', () => {
    expect(changed(diffText('Kinh tế xã hội phát triển', 'Kinh tế thị trường phát triển'))).toEqual(['-xã hội', '+thị trường'])
  })

  it('an empty side is all inserted or all deleted; equal texts have no change', () => {
    expect(diffText('', 'Tin mới')).toEqual([{ op: 'insert', text: 'Tin mới' }])
    expect(diffText('Tin cũ', '')).toEqual([{ op: 'delete', text: 'Tin cũ' }])
    expect(diffText('Như cũ', 'Như cũ')).toEqual([{ op: 'equal', text: 'Như cũ' }])
    expect(diffText('', '')).toEqual([])
  })
})

describe('articles', () => {
  const before = article({
    title: 'Lũ lên nhanh ở miền Trung',
    sapo: '',
    tags: ['lũ lụt', 'miền Trung'],
    author: 'Trần Văn Bình',
    body: docFromParagraphs(['Sáng nay nước sông Hương lên nhanh.', 'Chính quyền đã sơ tán 4.000 hộ dân.', 'Các trường học cho học sinh nghỉ.'])
  })

  it('lists only the fields that differ, each with its ops; empty against filled', () => {
    const after = { ...before, sapo: 'VOV.VN - Mưa lớn kéo dài gây ngập nhiều nơi.' }
    const d = diffArticles(before, after)
    expect(d.fields.map((f) => f.field)).toEqual(['sapo'])
    expect(d.fields[0].ops).toEqual([{ op: 'insert', text: after.sapo, change: 0 }])
    expect(diffArticles(after, before).fields[0].ops).toEqual([{ op: 'delete', text: after.sapo, change: 0 }])
    expect(diffArticles(before, before).fields).toEqual([])
    expect(diffArticles(before, before, { unchanged: true }).fields.map((f) => f.field)).toContain('title')
  })

  it('compares tags as a set: order does not count, each added or removed tag is a change', () => {
    const d = diffArticles(before, { ...before, tags: ['miền Trung', 'sơ tán'] })
    expect(d.fields).toHaveLength(1)
    expect(changed(d.fields[0].ops)).toEqual(['+sơ tán', '-lũ lụt'])
    expect(diffArticles(before, { ...before, tags: ['miền Trung', 'lũ lụt'] }).fields).toEqual([])
  })

  it('compares the body block by block, then word by word in the block that changed', () => {
    const after = { ...before, body: docFromParagraphs(['Sáng nay nước sông Hương lên nhanh.', 'Chính quyền đã sơ tán 4.500 hộ dân.', 'Các trường học cho học sinh nghỉ.']) }
    const [body] = diffArticles(before, after).fields
    expect(body.field).toBe('body')
    expect(body.blocks!.map((b) => b.op)).toEqual(['equal', 'change', 'equal'])
    expect(changed(body.blocks![1].ops)).toEqual(['-4.000(number)', '+4.500(number)'])
  })

  it('sees a moved paragraph as one move, not as a deletion and an unrelated insertion', () => {
    const after = { ...before, body: docFromParagraphs(['Chính quyền đã sơ tán 4.000 hộ dân.', 'Sáng nay nước sông Hương lên nhanh.', 'Các trường học cho học sinh nghỉ.']) }
    const [body] = diffArticles(before, after).fields
    const moved = body.blocks!.filter((b) => b.moved)
    expect(moved).toHaveLength(2)
    expect(new Set(moved.map((b) => b.change)).size).toBe(1)
    expect(moved.every((b) => b.ops.every((o) => o.kind === 'moved'))).toBe(true)
    expect(body.blocks!.filter((b) => b.op === 'change')).toEqual([])
  })

  it('compares photos by file, caption and credit', () => {
    const fig = (caption: string, credit: string, sha = 'a') => ({
      type: 'doc',
      content: [{ type: 'figure', attrs: { src: `media:${sha.repeat(64)}.jpg`, alt: '', credit, width: null, height: null }, content: [{ type: 'text', text: caption }] }]
    })
    const d1 = diffArticles(article({ body: fig('Cầu Rồng về đêm', 'Minh Anh') as never }), article({ body: fig('Cầu Rồng về khuya', 'Minh Anh') as never }))
    expect(changed(d1.fields[0].blocks![0].ops)).toEqual(['-đêm', '+khuya'])
    const d2 = diffArticles(article({ body: fig('Cầu Rồng', 'Minh Anh') as never }), article({ body: fig('Cầu Rồng', 'Lê Hà', 'b') as never }))
    const block = d2.fields[0].blocks![0]
    expect(block.change).toBe(0)
    expect(block.photo?.before).toMatchObject({ credit: 'Minh Anh', src: expect.stringContaining('aaaa') })
    expect(block.photo?.after).toMatchObject({ credit: 'Lê Hà', src: expect.stringContaining('bbbb') })
    // a photo changed without a word of its caption changing is still one change
    expect(changesOf(d2)).toEqual([{ change: 0, field: 'body', removed: '', added: '' }])
  })

  it('summarises each change once, with its field and kind', () => {
    const after = { ...before, title: 'Lũ lên rất nhanh ở miền Trung', body: docFromParagraphs(['Sáng nay nước sông Hương lên nhanh.', 'Chính quyền đã sơ tán 4.500 hộ dân.', 'Các trường học cho học sinh nghỉ.']) }
    expect(changesOf(diffArticles(before, after))).toEqual([
      { change: 0, field: 'title', removed: '', added: 'rất ' },
      { change: 1, field: 'body', removed: '4.000', added: '4.500', kind: 'number' }
    ])
  })
})

describe('building a version from chosen changes', () => {
  const before = article({
    title: 'Giá xăng giảm nhẹ',
    tags: ['xăng dầu'],
    status: 'draft',
    body: {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Giá xăng ' }, { type: 'text', text: 'RON 95', marks: [{ type: 'strong' }] }, { type: 'text', text: ' giảm 300 đồng mỗi lít.' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Giá dầu giữ nguyên.' }] }
      ]
    } as never
  })
  const after = article({
    title: 'Giá xăng giảm mạnh',
    tags: ['xăng dầu', 'giá cả'],
    status: 'ready',
    body: {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Giá xăng ' }, { type: 'text', text: 'RON 95', marks: [{ type: 'strong' }] }, { type: 'text', text: ' giảm 500 đồng mỗi lít từ 15 giờ.' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Giá dầu tăng nhẹ.' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Đoạn mới.' }] }
      ]
    } as never
  })
  const d = diffArticles(before, after)

  it('all changes give the newer version, none the older', () => {
    expect(composeArticle(d, () => true)).toEqual(after)
    const none = composeArticle(d, () => false)
    expect({ ...none, body: docFromJSON(none.body).toJSON() }).toEqual({ ...before, body: docFromJSON(before.body).toJSON() })
  })

  it('takes back one change and keeps the rest, with the marks around it', () => {
    const number = changesOf(d).find((c) => c.removed === '300')!
    const back = composeArticle(d, (c) => c !== number.change)
    const first = (back.body as { content: Array<{ content: Array<{ text: string; marks?: unknown }> }> }).content[0]
    expect(first.content.map((n) => n.text).join('')).toBe('Giá xăng RON 95 giảm 300 đồng mỗi lít từ 15 giờ.')
    expect(first.content[1]).toEqual({ type: 'text', text: 'RON 95', marks: [{ type: 'strong' }] })
    expect(back.title).toBe('Giá xăng giảm mạnh')
    expect(back.tags).toEqual(['xăng dầu', 'giá cả'])
    expect(back.status).toBe('ready')
  })

  it('takes a status, a tag or a paragraph on its own', () => {
    const list = changesOf(d)
    const pick = (field: string, text: string) => list.find((c) => c.field === field && (c.added + c.removed).includes(text))!.change
    expect(composeArticle(d, (c) => c === pick('status', 'ready')).status).toBe('ready')
    expect(composeArticle(d, (c) => c === pick('tags', 'giá cả')).tags).toEqual(['xăng dầu', 'giá cả'])
    const withParagraph = composeArticle(d, (c) => c === pick('body', 'Đoạn mới'))
    expect(docFromJSON(withParagraph.body).childCount).toBe(3)
    expect(withParagraph.title).toBe('Giá xăng giảm nhẹ')
  })

  it('any choice of changes over random documents gives a valid document; all and none give the two sides', () => {
    fc.assert(
      fc.property(randomDocs, randomDocs, fc.array(fc.boolean(), { maxLength: 64 }), (x, y, picks) => {
        const dd = diffArticles(article({ body: x as never }), article({ body: y as never }))
        expect(docFromJSON(composeArticle(dd, () => true).body).eq(docFromJSON(y))).toBe(true)
        expect(docFromJSON(composeArticle(dd, () => false).body).eq(docFromJSON(x))).toBe(true)
        docFromJSON(composeArticle(dd, (c) => picks[c] ?? false).body)
      }),
      { numRuns: 200 }
    )
  })
})

describe('the update note', () => {
  const at = new Date(2026, 10, 28, 15, 30)
  const before = article({ title: 'Giá xăng giảm', tags: ['xăng dầu'], body: docFromParagraphs(['Giá xăng RON 95 giảm 300 đồng.', 'Giá dầu giữ nguyên.']) })

  it('says when and what changed: the fields a reader sees, and each changed figure', () => {
    const after = { ...before, title: 'Giá xăng giảm mạnh', body: docFromParagraphs(['Giá xăng RON 95 giảm 500 đồng.', 'Giá dầu giữ nguyên.']), notes: 'ghi chú nội bộ' }
    expect(updateNoteText(diffArticles(before, after), at)).toBe('Cập nhật lúc 15:30 28/11/2026: sửa tiêu đề; số liệu 300 → 500.')
    expect(updateNoteText(diffArticles(before, after), at, 'en')).toBe('Updated at 15:30, 28 Nov 2026: changed headline; figures 300 → 500.')
  })

  it('leaves out tone-mark-only edits and internal fields; with nothing to say, only the time', () => {
    const after = { ...before, title: 'Giá xăng giảm', notes: 'x', status: 'ready' as const, body: docFromParagraphs(['Giá xăng RON 95 giảm 300 đồng.', 'Gía dầu giữ nguyên.']) }
    expect(updateNoteText(diffArticles(before, after), at)).toBe('Cập nhật lúc 15:30 28/11/2026.')
  })

  it('goes in italics at the top of the exported copy; an empty note changes nothing', () => {
    const noted = withUpdateNote(before, '  Cập nhật lúc 15:30: sửa số liệu.  ')
    expect((noted.body as { content: unknown[] }).content[0]).toEqual({ type: 'paragraph', content: [{ type: 'text', text: 'Cập nhật lúc 15:30: sửa số liệu.', marks: [{ type: 'em' }] }] })
    expect(docFromJSON(noted.body).childCount).toBe(3)
    expect((before.body as { content: unknown[] }).content).toHaveLength(2)
    expect(withUpdateNote(before, '   ')).toBe(before)
  })
})

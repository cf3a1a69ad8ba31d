import { readFile } from 'node:fs/promises'
import path from 'node:path'
import fc from 'fast-check'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { ArticlePatchSchema } from '../../../shared/article'
import { jsonText } from '../../../shared/doc'
import { importFile } from './index'

const fixture = (name: string) => readFile(path.join(import.meta.dirname, 'fixtures', name))
const ok = async (name: string, bytes: Uint8Array) => {
  const r = await importFile(name, bytes)
  if (!r.ok) throw new Error(r.error)
  return r.fields
}
const types = (body: unknown) => ((body as { content: Array<{ type: string }> }).content ?? []).map((n) => n.type)

/** A minimal .docx (WordprocessingML in a zip) whose body is `bodyXml` (w:p elements). */
async function wordFile(bodyXml: string): Promise<Uint8Array> {
  const zip = new JSZip()
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>')
  zip.file('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
  zip.file('word/_rels/document.xml.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>')
  zip.file('word/styles.xml', '<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style></w:styles>')
  zip.file('word/document.xml', `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"><w:body>${bodyXml}</w:body></w:document>`)
  return zip.generateAsync({ type: 'uint8array' })
}

/** A minimal .docx with the given paragraphs [style, text]. */
function makeDocx(paragraphs: Array<[string | null, string]>): Promise<Uint8Array> {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')
  return wordFile(paragraphs.map(([style, text]) => `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`).join(''))
}

describe('.txt importer', () => {
  it('reads the newsroom format field by field', async () => {
    const f = await ok('hoi-thao.txt', await fixture('hoi-thao.txt'))
    expect(f.title).toBe('Hơn 300 giáo viên Huế dự hội thảo đổi mới dạy học môn Lịch sử')
    expect(f.date).toBe('2024-03-05')
    expect(f.related).toEqual(['Triển lãm “Cổ vật cung đình” mở cửa tại Đại Nội', 'Đội tuyển Việt Nam - Thái Lan hòa nhau trên sân Mỹ Đình'])
    expect(f.sapo).toBe('TTH.VN - Hội thảo do Sở Giáo dục tỉnh tổ chức nhằm chia sẻ cách dạy học Lịch sử gắn với di sản địa phương.')
    expect(f.tags).toEqual(['giáo dục', 'Lịch sử', 'di sản Huế'])
    expect(f.category).toBe('Giáo dục')
    expect(f.author).toBe('Nguyễn Minh Khoa')
    expect(f.source).toBe('TTH.VN')
    expect(types(f.body)).toEqual(['paragraph', 'paragraph', 'paragraph'])
    expect(jsonText(f.body)).toContain('“Mỗi tiết học Lịch sử')
    expect(jsonText(f.body)).not.toMatch(/Từ khóa|Thể loại|Tác giả|Nguồn tin|TTH.VN - /)
  })

  it('does not take a headline with " - " for a sapo, and keeps empty trailer values empty', async () => {
    const text = 'Tiêu đề\nQuân đội Việt Nam - Ấn Độ diễn tập chung\n(VOV) - Đây mới là sapo.\nThân bài.\nTác giả:\nNguồn tin: VOV'
    const f = await ok('a.txt', new TextEncoder().encode(text))
    expect(f.related).toEqual(['Quân đội Việt Nam - Ấn Độ diễn tập chung'])
    expect(f.sapo).toBe('(VOV) - Đây mới là sapo.')
    expect(f.author).toBe('')
    expect(f.source).toBe('VOV')
    const plain = await ok('b.txt', new TextEncoder().encode('Tiêu đề\n\nĐoạn đầu tiên.\n\nĐoạn hai.'))
    expect(plain.sapo).toBe('Đoạn đầu tiên.')
    expect(jsonText(plain.body).trim()).toBe('Đoạn hai.')
  })

  it('handles a BOM, CRLF, CR, UTF-16 and NFD text', async () => {
    const text = 'Tiêu đề Việt\r\nUpdated: 2024-01-31\r\nVOV.VN - Sapo.\rThân bài.'
    const utf8bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text.normalize('NFD'))])
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
    for (const bytes of [utf8bom, le, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])]) {
      const f = await ok('x.txt', bytes)
      expect(f.title).toBe('Tiêu đề Việt')
      expect(f.date).toBe('2024-01-31')
      expect(f.sapo).toBe('VOV.VN - Sapo.')
      expect(jsonText(f.body).trim()).toBe('Thân bài.')
    }
  })

  it('refuses empty, binary and huge files with a reason', async () => {
    expect(await importFile('a.txt', new Uint8Array())).toEqual({ ok: false, error: 'the file is empty' })
    expect(await importFile('a.txt', new TextEncoder().encode(' \n\r\n '))).toEqual({ ok: false, error: 'the file is empty' })
    expect(await importFile('a.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]))).toMatchObject({ ok: false, error: expect.stringContaining('binary') })
    expect(await importFile('a.md', new Uint8Array(20 * 1024 * 1024 + 1).fill(0x61))).toMatchObject({ ok: false, error: expect.stringContaining('larger than 20 MB') })
    expect(await importFile('a.pdf', new Uint8Array([1]))).toEqual({ ok: false, error: 'files of type .pdf are not imported' })
    expect(await importFile('Bai-cu.ODT', new Uint8Array([0x50, 0x4b]))).toEqual({ ok: false, error: 'files of type .odt are not imported (open it in Word or LibreOffice and save it as .docx)' })
  })

  it('imports a large text file (about 1 MB)', async () => {
    const text = 'Bài rất dài\nVOV.VN - Sapo.\n' + 'Một đoạn văn khá dài về đời sống người dân. '.repeat(20).concat('\n').repeat(1000)
    const f = await ok('big.txt', new TextEncoder().encode(text))
    expect(types(f.body)).toHaveLength(1000)
  })
})

describe('.md importer', () => {
  it('maps front matter and CommonMark onto the schema, keeping unsupported text', async () => {
    const f = await ok('phong-su.md', await fixture('phong-su.md'))
    expect(f).toMatchObject({
      title: 'Phóng sự: mùa nước nổi ở Đồng Tháp',
      sapo: 'Mùa nước nổi năm nay đến muộn, người dân miền Tây chủ động chuyển đổi sinh kế.',
      category: 'Đời sống',
      tags: ['nước nổi', 'Đồng Tháp', 'sinh kế'],
      author: 'Lê Thu Hà',
      source: 'Newsdesk',
      date: '2024-09-20',
      status: 'ready'
    })
    const json = JSON.stringify(f.body)
    expect(types(f.body)).toEqual(expect.arrayContaining(['heading', 'blockquote', 'bullet_list', 'ordered_list', 'horizontal_rule']))
    for (const mark of ['strong', 'em', 'link', 'underline', 'strike']) expect(json).toContain(`"type":"${mark}"`)
    expect(json).toContain('"src":"https://example.com/dong-thap.jpg"')
    expect(jsonText(f.body)).toContain('mã không hỗ trợ vẫn giữ chữ')
    expect(jsonText(f.body)).toContain('cá linh')
  })

  it('takes the first # heading as the title without front matter, and reports bad YAML', async () => {
    const f = await ok('a.md', new TextEncoder().encode('# Tiêu đề từ heading\n\nĐoạn một.\n\nThể loại: Thế giới\n'))
    expect(f.title).toBe('Tiêu đề từ heading')
    expect(f.category).toBe('Thế giới')
    expect(jsonText(f.body).trim()).toBe('Đoạn một.')
    expect(await importFile('b.md', new TextEncoder().encode('---\ntitle: [unclosed\n---\nx'))).toMatchObject({ ok: false, error: expect.stringContaining('front matter') })
    // an impossible date is dropped, the rest of the draft imports
    const c = await ok('c.md', new TextEncoder().encode('---\ndate: 31/02/2024\ntitle: Có ngày sai\n---\nx'))
    expect(c.title).toBe('Có ngày sai')
    expect(c.date).toBeUndefined()
  })
})

describe('.html importer', () => {
  it('keeps apart the words of two lines or blocks in the title, the sapo, a caption and around a part read into a field', async () => {
    const html = '<h1>Giá xăng<br>giảm mạnh</h1><div class="sapo"><p>Từ chiều nay,</p><p>giá giảm.</p></div><p>Trước<span class="byline"><span class="author">Lê An</span></span>sau</p><figure><img src="data:image/png;base64,iVBORw0KGgo=" alt=""><figcaption>Cây xăng<br>Ảnh: Hải Nam</figcaption></figure><nav>Trang chủ</nav><main>Chữ chính</main>'
    const f = await ok('dong.html', new TextEncoder().encode(html))
    expect(f.title).toBe('Giá xăng giảm mạnh')
    expect(f.sapo).toBe('Từ chiều nay, giá giảm.')
    expect(f.author).toBe('Lê An')
    const text = jsonText(f.body)
    for (const words of ['Trước', 'sau', 'Cây xăng Ảnh: Hải Nam', 'Trang chủ', 'Chữ chính']) expect(text).toContain(words)
    expect(text).not.toMatch(/Trướcsau|chủChữ|xăngẢnh/)
  })

  it('reads title, meta tags and lead, and drops everything outside the schema', async () => {
    const f = await ok('ban-tin.html', await fixture('ban-tin.html'))
    expect(f.title).toBe('Hà Nội thử nghiệm làn riêng cho xe buýt')
    expect(f.sapo).toBe('Từ tháng sau, ba tuyến phố sẽ có làn đường dành riêng cho xe buýt vào giờ cao điểm.')
    expect(f.tags).toEqual(['giao thông', 'Hà Nội'])
    expect(f.author).toBe('Phạm Quốc Bảo')
    expect(f.category).toBe('Xã hội')
    expect(f.source).toBe('Báo Giao thông')
    const json = JSON.stringify(f.body)
    expect(json).not.toMatch(/javascript|alert|steal|color|evil/)
    expect(json).toContain('https://example.com/lo-trinh')
    expect(jsonText(f.body)).not.toContain('Nguồn tin')
  })

  it('flattens a table written by hand (white space between cells, text straight in a row) into lines of its cells', async () => {
    const f = await ok('bang.html', new TextEncoder().encode('<h1>Bảng giá</h1><table>\n  <tr>\n    <td>Xăng</td>\n    <td>21.000</td>\n  </tr>\n  <tr>Dầu <td>19.500</td></tr>\n</table>'))
    expect((f.body as { content: unknown[] }).content.map((b) => jsonText(b).trim())).toEqual(['Xăng | 21.000', 'Dầu | 19.500'])
  })

  it("reads a page's category line, byline and footer lists into fields and takes them out; its other words stay", async () => {
    const page = (byline: string) =>
      new TextEncoder().encode(
        `<html><body><article><header><p class="category">Xã hội</p><h1>Tít</h1>${byline}</header><p>Thân bài.</p><footer><p>Ảnh: Hải Nam</p><ul class="tags"><li>xe buýt</li><li>Hà Nội</li></ul><ul class="related"><li>Tin cũ</li></ul></footer></article></body></html>`
      )
    const blocks = (f: { body?: unknown }) => (f.body as { content: unknown[] }).content.map((b) => jsonText(b).trim())
    // as an export writes it: date, author and source, nothing else
    const ours = await ok('a.html', page('<p class="byline"><span><time datetime="2026-11-19">19/11/2026</time></span><span class="author">Lê An</span><span class="source">VOV</span></p>'))
    expect(ours).toMatchObject({ category: 'Xã hội', author: 'Lê An', source: 'VOV', date: '2026-11-19', tags: ['xe buýt', 'Hà Nội'], related: ['Tin cũ'] })
    expect(blocks(ours)).toEqual(['Thân bài.', 'Ảnh: Hải Nam'])
    // a byline with more words stays in the body (its author is still read); one of other markup, too
    const more = await ok('a.html', page('<p class="byline"><span class="author">Lê An</span>, phóng viên thường trú</p>'))
    expect(more.author).toBe('Lê An')
    expect(blocks(more)).toEqual(['Lê An, phóng viên thường trú', 'Thân bài.', 'Ảnh: Hải Nam'])
    const plain = await ok('a.html', page('<p class="byline">Theo Lê An – VOV</p>'))
    expect(plain.author).toBeUndefined()
    expect(blocks(plain)).toEqual(['Theo Lê An – VOV', 'Thân bài.', 'Ảnh: Hải Nam'])
  })

  it('takes a bold first paragraph as the sapo', async () => {
    const f = await ok('a.htm', new TextEncoder().encode('<h1>Tít</h1><p><strong>Đoạn dẫn in đậm.</strong></p><p>Thân.</p>'))
    expect(f.sapo).toBe('Đoạn dẫn in đậm.')
    expect(jsonText(f.body).trim()).toBe('Thân.')
  })
})

describe('.docx importer', () => {
  it('reads the Title style as the title, and trailer lines', async () => {
    const bytes = await makeDocx([
      ['Title', 'Bản tin từ Word'],
      [null, 'VOV.VN - Đoạn mở đầu.'],
      ['Heading2', 'Mục nhỏ'],
      [null, 'Nội dung chính của bản tin.'],
      [null, 'Từ khóa: Word, nhập liệu'],
      [null, 'Tác giả: Đỗ Hải']
    ])
    const f = await ok('ban-tin.docx', bytes)
    expect(f.title).toBe('Bản tin từ Word')
    expect(f.tags).toEqual(['Word', 'nhập liệu'])
    expect(f.author).toBe('Đỗ Hải')
    expect(types(f.body)).toContain('heading')
    expect(jsonText(f.body)).toContain('Nội dung chính')
    expect(jsonText(f.body)).not.toContain('Từ khóa')
  })

  it('keeps the words of simple fields, carriage returns and positional tabs, which mammoth leaves out', async () => {
    const t = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`
    const bytes = await wordFile(
      [
        `<w:p>${t('Tít thử trường')}</w:p>`,
        `<w:p>${t('Xem ')}<w:fldSimple w:instr=" HYPERLINK &quot;https://vov.vn/the-thao&quot; ">${t('chuyên trang thể thao')}</w:fldSimple>${t(' để biết lịch.')}</w:p>`,
        `<w:p>${t('Cập nhật ngày ')}<w:fldSimple w:instr='DATE \\@ "dd/MM/yyyy"'>${t('28/11/2026')}</w:fldSimple><w:fldSimple w:instr="PAGE"/></w:p>`,
        `<w:p><w:r><w:t>Hà Nội</w:t><w:cr/><w:t>Đà Nẵng</w:t><w:ptab w:relativeTo="margin" w:alignment="right" w:leader="none"/><w:t>Huế</w:t></w:r></w:p>`
      ].join('')
    )
    const r = await importFile('truong.docx', bytes)
    if (!r.ok) throw new Error(r.error)
    const text = jsonText(r.fields.body)
    expect(text).toContain('Xem chuyên trang thể thao để biết lịch.')
    expect(text).toContain('Cập nhật ngày 28/11/2026')
    expect(text).toMatch(/Hà Nội\sĐà Nẵng\sHuế/)
    expect(JSON.stringify(r.fields.body)).toContain('"href":"https://vov.vn/the-thao"')
    expect(r.remarks.join(' ')).not.toContain('could not read')
  })

  it('names the Word content the converter left out (an equation)', async () => {
    const bytes = await wordFile('<w:p><w:r><w:t>Tít có công thức</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">Diện tích </w:t></w:r><m:oMath><m:r><m:t>S=πr²</m:t></m:r></m:oMath></w:p>')
    const r = await importFile('cong-thuc.docx', bytes)
    expect(r).toMatchObject({ ok: true, remarks: expect.arrayContaining(['Word content the converter could not read was left out (check against the original): oMath']) })
  })

  it('reads a draft typed as the newsroom lays it out in plain paragraphs: title, date line, related headlines, agency sapo', async () => {
    const head: Array<[string | null, string]> = [
      [null, 'Cầu Thủ Thiêm 4 hợp long nhịp chính'],
      [null, 'Cập nhật: Thứ Sáu, 27/11/2026 - 09:15'],
      [null, 'TP.HCM khởi công tuyến metro số 2'],
      [null, 'Giá vật liệu xây dựng tăng mạnh'],
      [null, 'SGGP - Sáng nay, nhịp chính của cầu đã được nối liền.'],
      [null, 'Ngày 27/11/2026, hơn 300 công nhân làm việc xuyên đêm.'],
      [null, 'Tác giả: Trần Thị Mai']
    ]
    const expected = {
      title: 'Cầu Thủ Thiêm 4 hợp long nhịp chính',
      date: '2026-11-27',
      related: ['TP.HCM khởi công tuyến metro số 2', 'Giá vật liệu xây dựng tăng mạnh'],
      sapo: 'SGGP - Sáng nay, nhịp chính của cầu đã được nối liền.',
      author: 'Trần Thị Mai'
    }
    const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;')
    for (const [name, bytes] of [
      ['cau.docx', await makeDocx(head)],
      ['cau.html', new TextEncoder().encode(head.map(([, t]) => `<p>${esc(t)}</p>`).join(''))],
      ['cau.txt', new TextEncoder().encode(head.map(([, t]) => t).join('\n'))]
    ] as const) {
      const r = await importFile(name, bytes)
      if (!r.ok) throw new Error(r.error)
      expect(r.fields, name).toMatchObject(expected)
      // a sentence that opens with a date is the body's, not a date line
      expect(jsonText(r.fields.body).trim(), name).toBe('Ngày 27/11/2026, hơn 300 công nhân làm việc xuyên đêm.')
    }
  })

  it('keeps the first paragraphs of a draft without the format\'s signs in the body', async () => {
    const r = await importFile('ghi-chep.docx', await makeDocx([[null, 'Buổi sáng ở chợ nổi'], [null, 'Ngày 12/3/2024, ghe xuồng đã đông.'], [null, 'Người bán gọi nhau í ới.']]))
    expect(r).toMatchObject({ ok: true, fields: { title: 'ghi chep' }, remarks: ['title taken from the file name'] })
    if (r.ok) expect(r.fields.date).toBeUndefined()
    if (r.ok) expect(jsonText(r.fields.body)).toMatch(/^Buổi sáng ở chợ nổi\s+Ngày 12\/3\/2024, ghe xuồng đã đông\.\s+Người bán/)
  })

  it('refuses a broken .docx with a reason', async () => {
    expect(await importFile('x.docx', new TextEncoder().encode('PK not a zip'))).toMatchObject({ ok: false, error: expect.stringContaining('not a readable .docx') })
  })
})

describe('every importer on arbitrary bytes', () => {
  it('never throws, and any success is a valid article patch', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('a.txt', 'a.md', 'a.html', 'a.docx'), fc.oneof(fc.uint8Array({ maxLength: 400 }), fc.string({ maxLength: 400 }).map((s) => new TextEncoder().encode(s))), async (name, bytes) => {
        const r = await importFile(name, bytes)
        if (r.ok) {
          // whatever came in is a valid article patch: it passes the schema again unchanged
          expect(ArticlePatchSchema.strict().parse(r.fields)).toEqual(r.fields)
          expect(typeof r.fields.title).toBe('string')
        } else expect(r.error).toMatch(/\S/)
      }),
      { numRuns: 300 }
    )
  })
})

describe('hostile drafts', () => {
  const enc = (s: string) => new TextEncoder().encode(s)
  const marker = path.join(import.meta.dirname, '..', '..', '..', 'node_modules', '.newsdesk-front-matter-ran')

  it('never runs front matter in another language (---js, ---javascript, --- js, ---coffee), refusing it with a reason', async () => {
    const { rm, access } = await import('node:fs/promises')
    await rm(marker, { force: true })
    const code = `{ title: (require("fs").writeFileSync(${JSON.stringify(marker)}, "x"), "ran") }`
    for (const opening of ['---js', '---javascript', '--- js', '---JS ', '---coffee', '---toml']) {
      const r = await importFile('bad.md', enc(`${opening}\n${code}\n---\nThân bài.\n`))
      expect(r, opening).toMatchObject({ ok: false, error: expect.stringMatching(/not YAML.*nothing in it was run/) })
    }
    await expect(access(marker)).rejects.toThrow()
  })

  it('reads YAML front matter as plain data only (no custom tags, no aliases bomb)', async () => {
    const tagged = await importFile('t.md', enc('---\ntitle: !!js/function "function(){ return 1 }"\n---\nx\n'))
    if (tagged.ok) expect(typeof tagged.fields.title).toBe('string')
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`)].join('\n')
    expect(await importFile('bomb.md', enc(`---\n${bomb}\ntitle: x\n---\nx\n`))).toMatchObject({ ok: false, error: expect.stringContaining('front matter') })
    expect(await importFile('deep.md', enc(`---\ntitle: ${'['.repeat(100_000)}\n---\nx\n`))).toMatchObject({ ok: false, error: expect.stringContaining('front matter') })
  })

  it('reads a .txt draft of 150,000 lines without overflowing the stack: refused for its size, with the reason', async () => {
    const lines = ['Tiêu đề dài', 'VOV.VN - Mở đầu.', ...Array.from({ length: 150_000 }, (_, i) => `Dòng ${i}.`)]
    expect(await importFile('dai.txt', enc(lines.join('\n')))).toEqual({ ok: false, error: expect.stringMatching(/^body: the article body is too large \(\d+\.\d MB; at most 5 MB\)$/) })
    const shorter = await ok('vua.txt', enc(lines.slice(0, 40_000).join('\n')))
    expect(types(shorter.body)).toHaveLength(39_998)
  })

  it('refuses a .docx that would unpack past the limit (zip bomb), before mammoth reads it', async () => {
    const zip = new JSZip()
    zip.file('[Content_Types].xml', '<Types/>')
    zip.file('word/document.xml', '<w:document>' + ' '.repeat(160 * 1024 * 1024) + '</w:document>')
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } })
    expect(bytes.length).toBeLessThan(1024 * 1024)
    const r = await importFile('bomb.docx', bytes)
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/unpack to more than 100 MB/) })
  })

  it('refuses a .docx whose parts say they are smaller than they are', async () => {
    const zip = new JSZip()
    zip.file('word/document.xml', 'x'.repeat(1024 * 1024))
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
    // lie in the central directory: uncompressed size 1 KB
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    for (let i = bytes.length - 22; i >= 0; i--) {
      if (view.getUint32(i, true) === 0x02014b50) {
        view.setUint32(i + 24, 1024, true)
        break
      }
    }
    expect(await importFile('lie.docx', bytes)).toMatchObject({ ok: false, error: expect.stringContaining('.docx') })
  })
})

describe('Word drafts as journalists write them', () => {
  const word = (name: string) => readFile(path.join(import.meta.dirname, 'fixtures', 'word', name))
  const imported = async (name: string) => {
    const r = await importFile(name, await word(name))
    if (!r.ok) throw new Error(r.error)
    return r
  }

  it('takes the title from a first bold line or a first heading, and says which; else from the file name', async () => {
    expect(await imported('tit-in-dam.docx')).toMatchObject({ fields: { title: 'Bão số 3 đổ bộ vào Quảng Ninh' }, remarks: ['title taken from the first line, in bold'] })
    expect(jsonText((await imported('tit-in-dam.docx')).fields.body)).not.toContain('Bão số 3')
    expect(await imported('tit-heading-1.docx')).toMatchObject({ fields: { title: 'Hội chợ nông sản Đà Lạt' }, remarks: ['title taken from the first heading'] })
    expect(await imported('lu-mien-trung_2024.docx')).toMatchObject({ fields: { title: 'lu mien trung 2024' }, remarks: ['title taken from the file name'] })
  })

  it('takes a first line in a font larger than the body as the title', async () => {
    const zip = new JSZip()
    zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    zip.file('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    const run = (text: string, size: number) => `<w:r><w:rPr><w:sz w:val="${size}"/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`
    const paragraphs = [run('Tít cỡ chữ lớn', 36), run('Đoạn thân bài thứ nhất khá dài.', 24), run('Đoạn thân bài thứ hai.', 24)]
    zip.file('word/document.xml', `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs.map((r) => `<w:p>${r}</w:p>`).join('')}</w:body></w:document>`)
    const r = await importFile('co-lon.docx', await zip.generateAsync({ type: 'uint8array' }))
    expect(r).toMatchObject({ ok: true, fields: { title: 'Tít cỡ chữ lớn' }, remarks: ['title taken from the first line, in a larger font'] })
  })

  it('keeps footnotes as a "Ghi chú" list at the end, and Word comments as editor\'s notes (never body text)', async () => {
    const notes = await imported('chu-thich.docx')
    const body = notes.fields.body as { content: Array<{ type: string; content?: unknown[] }> }
    expect(jsonText(body)).toContain('Liên bộ Công Thương - Tài chính.')
    expect(jsonText(body)).toContain('Áp dụng từ 15 giờ.')
    const heading = body.content.findIndex((n) => n.type === 'heading')
    expect(jsonText({ type: 'doc', content: [body.content[heading]] }).trim()).toBe('Ghi chú')
    expect(body.content[heading + 1].type).toBe('ordered_list')
    expect(notes.remarks).toContain('2 footnote(s) or endnote(s) kept in a "Ghi chú" list at the end')

    const commented = await imported('bang-va-binh-luan.docx')
    expect(commented.fields.notes).toBe('được truyền hình')
    expect(jsonText(commented.fields.body)).not.toMatch(/được truyền hình|\[L|Comment/)
    expect(jsonText(commented.fields.body)).toContain('Trận đấu trực tiếp trên VTV.')
  })

  it('flattens a table into one line per row, cells in order, and says so', async () => {
    const r = await imported('bang-va-binh-luan.docx')
    const text = jsonText(r.fields.body)
    expect(text).toContain('Đội nhà | Đội khách | Giờ')
    expect(text).toContain('Hà Nội | Hải Phòng | 19:15')
    expect(r.remarks).toContain('a table was flattened (one line per row, cells separated by " | ")')
    const html = await importFile('bang.html', new TextEncoder().encode('<h1>Bảng</h1><table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>'))
    expect(html).toMatchObject({ ok: true, remarks: ['title taken from the first heading', expect.stringContaining('flattened')] })
  })

  it('refuses an empty document of any format with the same reason', async () => {
    expect(await importFile('rong.docx', await word('rong.docx'))).toEqual({ ok: false, error: 'the file is empty' })
    for (const [name, text] of [['rong.html', '<html><body><p> </p></body></html>'], ['rong.md', '\n\n<!-- chỉ có ghi chú -->\n'], ['rong.txt', ' \n ']]) {
      expect(await importFile(name, new TextEncoder().encode(text)), name).toEqual({ ok: false, error: 'the file is empty' })
    }
  })

  it('takes a draft holding only trailer lines or front matter fields: its words are in its fields, so it is not empty', async () => {
    const fields = { category: 'Kinh tế', author: 'Lê An', source: 'VOV', tags: ['xăng dầu'], related: ['Tin cũ'], notes: 'Chờ ảnh' }
    const drafts: Array<[string, string, Partial<typeof fields>]> = [
      ['nguon.txt', 'Nguồn: VOV\n', { source: 'VOV' }],
      ['tac-gia.md', 'Tác giả: Lê An\n', { author: 'Lê An' }],
      ['the-loai.html', '<p>Thể loại: Kinh tế</p>', { category: 'Kinh tế' }],
      ['tu-khoa.txt', 'Từ khóa: xăng dầu\n', { tags: ['xăng dầu'] }],
      ['ghi-chu.md', '---\nnotes: Chờ ảnh\n---\n', { notes: 'Chờ ảnh' }],
      ['lien-quan.md', '---\nrelated: [Tin cũ]\n---\n', { related: ['Tin cũ'] }]
    ]
    for (const [name, text, expected] of drafts) {
      const r = await importFile(name, new TextEncoder().encode(text))
      expect(r, name).toMatchObject({ ok: true, fields: expected, remarks: ['title taken from the file name'] })
      if (r.ok) expect(jsonText(r.fields.body as never).trim(), name).toBe('')
    }
    expect(Object.keys(fields)).toHaveLength(drafts.length)
  })

  it('an HTML draft without <title> or <h1> takes a first bold line, else its file name; Markdown without a title, its file name', async () => {
    const bold = await importFile('tin.html', new TextEncoder().encode('<p><b>Tít in đậm</b></p><p>Thân bài.</p>'))
    expect(bold).toMatchObject({ ok: true, fields: { title: 'Tít in đậm' }, remarks: ['title taken from the first line, in bold'] })
    const plain = await importFile('tin-moi_nhat.html', new TextEncoder().encode('<p>Chỉ thân bài.</p>'))
    expect(plain).toMatchObject({ ok: true, fields: { title: 'tin moi nhat' }, remarks: ['title taken from the file name'] })
    const md = await importFile('ban-nhap.md', new TextEncoder().encode('Chỉ có thân bài.\n'))
    expect(md).toMatchObject({ ok: true, fields: { title: 'ban nhap' }, remarks: ['title taken from the file name'] })
  })

  it('reads a Word 97–2003 .doc as the plain-text format: head, trailer, text boxes, notes, comments, quotes as typed', async () => {
    const r = await importFile('cau-thu-thiem.doc', await word('cau-thu-thiem.doc'))
    expect(r).toMatchObject({
      ok: true,
      fields: {
        title: 'Cầu Thủ Thiêm 4 hợp long nhịp chính',
        date: '2026-11-27',
        related: ['TP.HCM khởi công tuyến metro số 2'],
        sapo: 'SGGP - Sáng nay, nhịp chính của cầu đã được nối liền sau hai năm thi công.',
        tags: ['cầu', 'giao thông'],
        author: 'Trần Thị Mai',
        notes: 'Kiểm tra lại số người'
      },
      remarks: ['1 paragraph(s) of text boxes kept at the end of the body', '1 footnote(s) or endnote(s) kept in a "Ghi chú" list at the end', "1 Word comment(s) kept as editor's notes"]
    })
    if (!r.ok) return
    const blocks = (r.fields.body as { content: Array<{ type: string }> }).content
    expect(blocks.map((b) => [b.type, jsonText(b).trim()])).toEqual([
      ['paragraph', 'Hơn 300 công nhân làm việc xuyên đêm – “kịp tiến độ” là mục tiêu.'],
      ['paragraph', 'Chữ trong hộp bên lề'],
      ['heading', 'Ghi chú'],
      ['ordered_list', 'Theo Ban Quản lý dự án giao thông.']
    ])
  })

  it('reads a .doc typed in the TCVN3 fonts as Unicode, its "ư" (a soft hyphen to Word) too', async () => {
    const r = await importFile('tcvn3-cu.doc', await word('tcvn3-cu.doc'))
    expect(r).toMatchObject({ ok: true, fields: { title: 'Hà Nội mở rộng đường vành đai', sapo: 'VOV.VN - Thành phố khởi công dự án mới cho người dân.', author: 'Lê An' }, remarks: ['converted from the old TCVN3 encoding to Unicode'] })
    if (r.ok) expect(JSON.stringify(r.fields)).not.toContain('undefined')
  })

  it('reads a .docx named .doc as a .docx, and refuses what is not a readable Word file, naming why', async () => {
    expect(await importFile('ban-tin.doc', await word('tit-in-dam.docx'))).toMatchObject({ ok: true, fields: { title: 'Bão số 3 đổ bộ vào Quảng Ninh' } })
    expect(await importFile('x.doc', new TextEncoder().encode('Chỉ là chữ'))).toEqual({ ok: false, error: 'not a Word 97–2003 (.doc) file: it does not start as one' })
    const broken = new Uint8Array(4096)
    broken.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
    expect(await importFile('hong.doc', broken)).toMatchObject({ ok: false, error: expect.stringMatching(/^not a readable \.doc file: /) })
    const truncated = (await word('cau-thu-thiem.doc')).subarray(0, 5000)
    expect(await importFile('cut.doc', truncated)).toMatchObject({ ok: false, error: expect.stringMatching(/\.doc/) })
  })

  it('never throws on a damaged .doc, read in a process of its own (fast-check: bytes of a real one changed at random)', async () => {
    const bytes = await word('cau-thu-thiem.doc')
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(bytes.length - 1), fc.nat(255)), { minLength: 1, maxLength: 40 }), async (changes) => {
        const damaged = Uint8Array.from(bytes)
        for (const [at, value] of changes) damaged[at] = value
        const r = await importFile('hong.doc', damaged)
        if (r.ok) expect(ArticlePatchSchema.safeParse(r.fields).success).toBe(true)
        // (a damaged file's reason: not a readable .doc, or no words left in it)
        else expect(r.error).toMatch(/\.doc|empty/)
      }),
      { numRuns: 20 }
    )
  }, 300_000)

  it('loses no word: every word mammoth reads in each Word fixture is in a field or the notes', async () => {
    const { readdir } = await import('node:fs/promises')
    const mammoth = (await import('mammoth')).default
    const files = (await readdir(path.join(import.meta.dirname, 'fixtures', 'word'))).filter((f) => f.endsWith('.docx'))
    expect(files.length).toBeGreaterThanOrEqual(5)
    for (const file of files) {
      const bytes = await word(file)
      const raw = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value
      const r = await importFile(file, bytes)
      if (!r.ok) {
        expect(raw.trim(), file).toBe('')
        continue
      }
      const f = r.fields
      // (footnote markers such as [1], which point to the Ghi chú list, stand between a word and its stop)
      const kept = [f.title, f.sapo, f.category, f.author, f.source, f.notes, ...(f.tags ?? []), ...(f.related ?? []), jsonText(f.body)].join(' ').normalize('NFC').replace(/\[\d+\]/g, '')
      for (const w of raw.normalize('NFC').split(/\s+/).filter(Boolean)) expect(kept, `${file}: "${w}"`).toContain(w)
    }
  })
})

describe('an exported page read back', () => {
  it('does not take the description an export derived from the body for a sapo, but keeps a real one', async () => {
    const { renderArticleHtml } = await import('../../../shared/render-html')
    const { defaultFields } = await import('../../../shared/article')
    const { docFromParagraphs } = await import('../../../shared/doc')
    const base = { ...defaultFields(), id: '44444444-4444-4444-8444-444444444444', createdAt: '2026-11-20T02:15:00.000Z', updatedAt: '2026-11-20T02:15:00.000Z', title: 'Tin không sapo', body: docFromParagraphs(['Đoạn đầu tiên của bài, dùng làm mô tả.', 'Đoạn hai.']) }
    const html = renderArticleHtml(base, { stylesheet: '' })
    expect(html).toContain('content="Đoạn đầu tiên của bài, dùng làm mô tả."')
    const back = await importFile('tin.html', new TextEncoder().encode(html))
    expect(back.ok && (back.fields.sapo ?? '')).toBe('')
    const own = await importFile('tin.html', new TextEncoder().encode('<html><head><meta name="description" content="Mô tả riêng của trang."></head><body><h1>Tin</h1><p>Đoạn đầu.</p></body></html>'))
    expect(own.ok && own.fields.sapo).toBe('Mô tả riêng của trang.')
  })

  it('reads no newsroom head into its fields: a body that opens with short lines and an agency paragraph stays the body', async () => {
    const { renderArticleHtml } = await import('../../../shared/render-html')
    const { defaultFields } = await import('../../../shared/article')
    const { docFromParagraphs } = await import('../../../shared/doc')
    const body = docFromParagraphs(['Ngày 12/3/2024', 'HÀ NỘI', '(TTXVN) - Sáng nay, hội nghị khai mạc.', 'Đoạn hai.'])
    const article = { ...defaultFields(), id: '44444444-4444-4444-8444-444444444444', createdAt: '2026-11-20T02:15:00.000Z', updatedAt: '2026-11-20T02:15:00.000Z', title: 'Tin không sapo', body }
    const back = await ok('tin.html', new TextEncoder().encode(renderArticleHtml(article, { stylesheet: '' })))
    expect(back.title).toBe('Tin không sapo')
    expect(back.sapo ?? '').toBe('')
    expect(back.date).not.toBe('2024-03-12')
    expect(back.related).toBeUndefined()
    expect((back.body as { content: unknown[] }).content.map((b) => jsonText(b).trim())).toEqual(['Ngày 12/3/2024', 'HÀ NỘI', '(TTXVN) - Sáng nay, hội nghị khai mạc.', 'Đoạn hai.'])
  })

  it('gives back every field and every word of a random body, the source (in the byline only) too', async () => {
    const { renderArticleHtml } = await import('../../../shared/render-html')
    const { defaultFields } = await import('../../../shared/article')
    const { randomDocs } = await import('../test-support/random-docs')
    const fields = { title: 'Giá xăng giảm', sapo: 'VOV.VN - Giá xăng giảm lần thứ ba.', category: 'Kinh tế', tags: ['xăng dầu', 'giá cả'], author: 'Lê An', source: 'Báo Mới', date: '2026-11-19', related: ['Giá vàng tăng'] }
    await fc.assert(
      fc.asyncProperty(randomDocs, async (body) => {
        const article = { ...defaultFields(), ...fields, id: '44444444-4444-4444-8444-444444444444', createdAt: '2026-11-20T02:15:00.000Z', updatedAt: '2026-11-20T02:15:00.000Z', body } as Parameters<typeof renderArticleHtml>[0]
        const back = await ok('tin.html', new TextEncoder().encode(renderArticleHtml(article, { stylesheet: '', remoteImages: 'keep' })))
        expect(back).toMatchObject(fields)
        // nothing of the header, byline or footer is left in the body: no line of them, no emptied block
        const empty = (doc: unknown) => (doc as { content: Array<{ type: string }> }).content.filter((b) => b.type !== 'horizontal_rule' && !jsonText(b).trim()).length
        expect(jsonText(back.body)).not.toMatch(/Báo Mới|Lê An|Giá vàng tăng|xăng dầu/)
        expect(empty(back.body)).toBeLessThanOrEqual(empty(body))
        // (a photo from the web alone in its paragraph is shown as a figure, its title as the caption: read back as text)
        const text = jsonText(back.body)
        for (const w of jsonText(body).split(/\s+/).filter(Boolean)) expect(text).toContain(w)
      }),
      { numRuns: 100 }
    )
  })
})

describe('an HTML draft from elsewhere (property)', () => {
  // the elements a browser shows as blocks (or lines): the words on either side of one are two words
  const BLOCK = new Set(['div', 'p', 'section', 'aside', 'header', 'footer', 'nav', 'main', 'figure', 'figcaption', 'table', 'tr', 'td', 'th', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'center', 'details', 'summary', 'address', 'caption', 'br', 'hr'])
  const TABLE_PARTS = new Set(['tr', 'td', 'th', 'caption'])
  // words a page is made of, and markup a page from another tool or a hand-written file may hold, even where
  // HTML does not allow it (text straight inside a table row); the classes an exported page gives its parts
  const word = fc.constantFrom('tin', 'Hà', 'Nội', 'đường', '10.', '#', '*', '_', '&amp;', '&lt;x&gt;', '2026', 'VOV.VN', '—', '“trích”', 'a|b', '[1]')
  const tag = fc.constantFrom('div', 'span', 'p', 'section', 'aside', 'header', 'footer', 'nav', 'main', 'figure', 'figcaption', 'table', 'tr', 'td', 'th', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'code', 'h1', 'h2', 'h3', 'h4', 'b', 'i', 'u', 's', 'em', 'strong', 'a', 'sup', 'sub', 'small', 'mark', 'font', 'center', 'details', 'summary', 'q', 'cite', 'address', 'caption', 'time', 'br', 'hr')
  const cls = fc.constantFrom('', 'byline', 'sapo', 'lead', 'tags', 'related', 'category', 'author', 'source', 'article-body')
  const { node } = fc.letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { maxDepth: 4, depthIdentifier: 'html' },
      fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')),
      // siblings with or without white space between them (elements side by side, as editors write them)
      // (an exported page's classes on blocks, where it puts them)
      // (no rule straight inside a list: ProseMirror's parser takes the list's end with it, and no editor writes one)
      fc.record({ tag, cls, kids: fc.array(tie('node'), { maxLength: 4 }), gap: fc.constantFrom(' ', '') }).map(({ tag, cls, kids: all, gap }) => {
        const kids = tag === 'ul' || tag === 'ol' ? all.filter((k) => !k.startsWith('<hr')) : all
        return tag === 'br' || tag === 'hr' ? `<${tag}>${kids.join(gap)}` : `<${tag}${tag === 'a' ? ' href="https://vov.vn/x"' : ''}${cls && BLOCK.has(tag) && !TABLE_PARTS.has(tag) ? ` class="${cls}"` : ''}>${kids.join(gap)}</${tag}>`
      })
    )
  }))

  /** The words a reader sees: white space and block edges part them, inline tags do not (nor a table's parts outside a table: a browser drops those tags). */
  const seenWords = (node: { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<unknown> }, inTable = false): string => {
    if (node.nodeType === 3) return node.textContent ?? ''
    const tag = node.nodeName.toLowerCase()
    const inner = Array.from(node.childNodes as ArrayLike<typeof node>).map((c) => seenWords(c, inTable || tag === 'table')).join('')
    return BLOCK.has(tag) && (inTable || !TABLE_PARTS.has(tag)) ? ` ${inner} ` : inner
  }

  it('loses no word and runs none together: every word a reader sees is a whole word of a field of the article', async () => {
    const { parseHTML } = await import('linkedom')
    await fc.assert(
      fc.asyncProperty(fc.array(node, { minLength: 1, maxLength: 6 }), async (nodes) => {
        const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Tít trang</title></head><body>${nodes.join('\n')}</body></html>`
        const words = seenWords(parseHTML(html).document.body).split(/\s+/).filter(Boolean)
        const r = await importFile('tin.html', new TextEncoder().encode(html))
        if (!r.ok) {
          expect(words).toEqual([])
          return
        }
        const f = r.fields
        const kept = new Set([f.title, f.sapo, f.category, f.author, f.source, f.notes, ...(f.tags ?? []), ...(f.related ?? []), jsonText(f.body)].join(' ').split(/\s+/))
        for (const w of words) expect(kept.has(w), `"${w}" of ${nodes.join('\n')}`).toBe(true)
      }),
      { numRuns: 300 }
    )
  })
})

describe('drafts typed in the old TCVN3 and VNI fonts', () => {
  it('come in as Unicode, with a remark saying so; ordinary drafts are left alone', async () => {
    const tcvn = await importFile('cu.txt', new TextEncoder().encode('Hµ Néi më réng ®­êng vµnh ®ai\nVOV.VN - Thµnh phè khëi c«ng dù ¸n míi.\nC«ng tr×nh dµi 12 km.\nT¸c gi¶: Lª An'))
    if (!tcvn.ok) throw new Error(tcvn.error)
    expect(tcvn.fields.title).toBe('Hà Nội mở rộng đường vành đai')
    expect(tcvn.fields.sapo).toBe('VOV.VN - Thành phố khởi công dự án mới.')
    expect(jsonText(tcvn.fields.body)).toContain('Công trình dài 12 km.')
    expect(tcvn.fields.author).toBe('Lê An')
    expect(tcvn.remarks).toContain('converted from the old TCVN3 encoding to Unicode')
    const vni = await importFile('vni.md', new TextEncoder().encode('# Ñöôøng phoá Haø Noäi\n\nNgöôøi daân ñi boä raát ñoâng.'))
    if (!vni.ok) throw new Error(vni.error)
    expect(vni.fields.title).toBe('Đường phố Hà Nội')
    expect(jsonText(vni.fields.body)).toContain('Người dân đi bộ rất đông.')
    const plain = await importFile('moi.txt', new TextEncoder().encode('Tin mới\nVOV.VN - Đà Nẵng đón khách; ông Benoît và bà Zoë.\nĐoạn một.'))
    expect(plain.ok && plain.remarks.some((r) => r.includes('encoding'))).toBe(false)
  })

  it('a plain-text draft in them is converted before it is read: its date line and related headlines read as such', async () => {
    const r = await importFile('cu.txt', new TextEncoder().encode('Hµ Néi më réng ®­êng vµnh ®ai\nCËp nhËt: 05/03/2024\nThªm tin vÒ giao th«ng\nVOV.VN - Thµnh phè khëi c«ng dù ¸n míi.\nC«ng tr×nh dµi 12 km.'))
    expect(r).toMatchObject({ ok: true, fields: { date: '2024-03-05', related: ['Thêm tin về giao thông'], sapo: 'VOV.VN - Thành phố khởi công dự án mới.' }, remarks: ['converted from the old TCVN3 encoding to Unicode'] })
  })
})

describe('text files from old computers, not in Unicode', () => {
  /** Vietnamese as Windows-1258 writes it: the base letter (with its hat or horn) in the code page, the tone as a combining mark after it. */
  const windows1258 = (text: string): Uint8Array => {
    const table = new Map<string, number>()
    const decoder = new TextDecoder('windows-1258')
    for (let b = 0; b < 256; b++) table.set(decoder.decode(new Uint8Array([b])), b)
    const tones = /[\u0300\u0301\u0303\u0309\u0323]/g
    const bytes = [...text].flatMap((c) => {
      const d = c.normalize('NFD')
      return [...(d.replace(tones, '').normalize('NFC') + (d.match(tones) ?? []).join(''))].map((x) => table.get(x)!)
    })
    return new Uint8Array(bytes)
  }

  it('reads a Windows-1258 file (Vietnamese Windows), and says so', async () => {
    const r = await importFile('cu.txt', windows1258('Hội nghị tại Đà Nẵng\nCập nhật: 05/03/2024\nVOV.VN - Sáng nay hội nghị bàn về việc học.\nThân bài có chữ quý hiếm.\nTác giả: Nguyễn Văn An'))
    expect(r).toMatchObject({
      ok: true,
      fields: { title: 'Hội nghị tại Đà Nẵng', date: '2024-03-05', sapo: 'VOV.VN - Sáng nay hội nghị bàn về việc học.', author: 'Nguyễn Văn An' },
      remarks: ['read in the old windows-1258 code page (the file is not Unicode)']
    })
    if (r.ok) expect(jsonText(r.fields.body).trim()).toBe('Thân bài có chữ quý hiếm.')
  })

  it('reads a TCVN3 file saved as 8-bit bytes (Windows-1252), converted to Unicode', async () => {
    const bytes = new Uint8Array([...'Hµ Néi më réng ®­êng vµnh ®ai\nVOV.VN - Thµnh phè khëi c«ng dù ¸n míi.\nC«ng tr×nh dµi 12 km.'].map((c) => c.charCodeAt(0)))
    const r = await importFile('cu.txt', bytes)
    expect(r).toMatchObject({ ok: true, fields: { title: 'Hà Nội mở rộng đường vành đai', sapo: 'VOV.VN - Thành phố khởi công dự án mới.' } })
    if (r.ok) expect(r.remarks).toEqual(expect.arrayContaining(['converted from the old TCVN3 encoding to Unicode', 'read in the old windows-1252 code page (the file is not Unicode)']))
  })
})

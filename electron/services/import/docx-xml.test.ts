import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { readableWordXml, withReadableText } from './docx-xml'

const run = (text: string) => `<w:r><w:t>${text}</w:t></w:r>`
const field = (type: string) => `<w:r><w:fldChar w:fldCharType="${type}"/></w:r>`

describe('Word XML made readable for mammoth', () => {
  it('writes a simple field as the complex field Word writes, its instruction as it was escaped', () => {
    expect(readableWordXml(`<w:p><w:fldSimple w:instr=" HYPERLINK &quot;https://vov.vn&quot; ">${run('VOV')}</w:fldSimple></w:p>`)).toBe(
      `<w:p>${field('begin')}<w:r><w:instrText xml:space="preserve"> HYPERLINK &quot;https://vov.vn&quot; </w:instrText></w:r>${field('separate')}${run('VOV')}${field('end')}</w:p>`
    )
    // single quotes, spaces around "=", other attributes before it
    expect(readableWordXml(`<w:fldSimple w:dirty="true" w:instr = 'DATE \\@ "dd/MM/yyyy"'>${run('28/11/2026')}</w:fldSimple >`)).toBe(
      `${field('begin')}<w:r><w:instrText xml:space="preserve">DATE \\@ "dd/MM/yyyy"</w:instrText></w:r>${field('separate')}${run('28/11/2026')}${field('end')}`
    )
    // a field with no shown text shows nothing; one without an instruction keeps its text
    expect(readableWordXml(`<w:p>${run('Trang ')}<w:fldSimple w:instr="PAGE"/></w:p>`)).toBe(`<w:p>${run('Trang ')}</w:p>`)
    expect(readableWordXml(`<w:fldSimple>${run('x')}</w:fldSimple>`)).toBe(`${field('begin')}<w:r><w:instrText xml:space="preserve"></w:instrText></w:r>${field('separate')}${run('x')}${field('end')}`)
  })

  it('writes a carriage return as a line break and a positional tab as a tab, and nothing else', () => {
    expect(readableWordXml('<w:r><w:t>Hà Nội</w:t><w:cr/><w:t>Huế</w:t><w:cr></w:cr><w:ptab w:relativeTo="margin" w:alignment="right" w:leader="none"/><w:t>x</w:t></w:r>')).toBe(
      '<w:r><w:t>Hà Nội</w:t><w:br/><w:t>Huế</w:t><w:br/><w:tab/><w:t>x</w:t></w:r>'
    )
    const other = '<w:r><w:rPr><w:caps/></w:rPr><w:t>chữ</w:t><w:br/><w:tab/></w:r>'
    expect(readableWordXml(other)).toBe(other)
  })

  it('gives back the same bytes when no part needs it, and rewrites only the Word parts that do', async () => {
    const zip = new JSZip()
    zip.file('word/document.xml', `<w:document><w:body><w:p>${run('Chữ')}</w:p></w:body></w:document>`)
    zip.file('customXml/item1.xml', '<x><w:cr/></x>')
    const plain = await zip.generateAsync({ type: 'uint8array' })
    expect(await withReadableText(plain)).toBe(plain)
    zip.file('word/footnotes.xml', '<w:footnotes><w:r><w:t>a</w:t><w:cr/></w:r></w:footnotes>')
    const out = await JSZip.loadAsync(await withReadableText(await zip.generateAsync({ type: 'uint8array' })))
    expect(await out.file('word/footnotes.xml')!.async('string')).toBe('<w:footnotes><w:r><w:t>a</w:t><w:br/></w:r></w:footnotes>')
    expect(await out.file('customXml/item1.xml')!.async('string')).toBe('<x><w:cr/></x>')
  })
})

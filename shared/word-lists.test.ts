import { parseHTML } from 'linkedom'
import { describe, expect, it } from 'vitest'
import { wordListsAsLists } from './word-lists'

/** A list paragraph as Word puts it on the clipboard: its marker in a span Word says to ignore. */
const item = (level: number, marker: string, text: string, font = 'Symbol') =>
  `<p class=MsoListParagraphCxSpMiddle style='margin-left:${36 * level}.0pt;mso-add-space:auto;text-indent:-18.0pt;mso-list:l0 level${level} lfo1'>` +
  `<![if !supportLists]><span style='font-family:${font};mso-fareast-font-family:${font}'><span style='mso-list:Ignore'>${marker}<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>` +
  `<span lang=VI>${text}</span><o:p></o:p></p>`

function converted(html: string): string {
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`)
  wordListsAsLists(document.body)
  return document.body.innerHTML.replace(/<span[^>]*>|<\/span>|<o:p><\/o:p>/g, '').replace(/\s+</g, '<').trim()
}

describe("Word's list paragraphs", () => {
  it('become a list, nested by level, numbered when the marker is a number or a letter', () => {
    const html = [
      '<p class=MsoNormal>Ba việc cần làm:</p>',
      item(1, '·', 'Sơ tán dân'),
      item(2, 'o', 'vùng trũng', 'Courier New'),
      item(2, 'o', 'ven sông', 'Courier New'),
      item(1, '·', 'Gia cố đê'),
      '<p class=MsoNormal>Các bước:</p>',
      item(1, '1.', 'Báo động'),
      item(1, '2.', 'Di dời'),
      item(2, 'a)', 'người già', 'Times New Roman')
    ].join('\n')
    expect(converted(html)).toBe(
      '<p class="MsoNormal">Ba việc cần làm:</p>' +
        '<ul><li><p>Sơ tán dân</p><ul><li><p>vùng trũng</p></li><li><p>ven sông</p></li></ul></li><li><p>Gia cố đê</p></li></ul>' +
        '<p class="MsoNormal">Các bước:</p>' +
        '<ol><li><p>Báo động</p></li><li><p>Di dời</p><ol><li><p>người già</p></li></ol></li></ol>'
    )
  })

  it('leave other paragraphs as they are, and a list that starts deeper than level 1 is still a list', () => {
    const plain = '<p class="MsoNormal" style="mso-list:none">Không phải danh sách</p><p>Đoạn thường</p>'
    expect(converted(plain)).toBe(plain)
    expect(converted(item(2, '-', 'lùi vào'))).toBe('<ul><li><p>lùi vào</p></li></ul>')
    // (a list paragraph whose marker was not written: an item all the same)
    expect(converted("<p style='mso-list:l1 level1 lfo2'>Không dấu đầu dòng</p>")).toBe('<ul><li><p>Không dấu đầu dòng</p></li></ul>')
  })
})

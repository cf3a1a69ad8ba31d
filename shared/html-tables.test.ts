/** Tables become lines of cells, in a draft's DOM (linkedom here, the browser's on paste). */
import { parseHTML } from 'linkedom'
import { describe, expect, it } from 'vitest'
import { flattenTables } from './html-tables'

const flattened = (html: string) => {
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`)
  const count = flattenTables(document.body)
  return { count, html: document.body.innerHTML }
}

describe('flattenTables', () => {
  it('makes a paragraph of each row, its cells separated by " | ", and drops rows without a word', () => {
    expect(flattened('<p>Trước</p><table><thead><tr><th>Đội</th><th> Điểm </th></tr></thead><tbody><tr><td>Hà\nNội</td><td>19</td></tr><tr><td> </td><td></td></tr></tbody></table><p>Sau</p>')).toEqual({
      count: 1,
      html: '<p>Trước</p><p>Đội | Điểm</p><p>Hà Nội | 19</p><p>Sau</p>'
    })
  })

  it('keeps a caption and text outside the rows first, a table inside a cell as that cell\'s text once, and text straight in a row', () => {
    expect(flattened('<table><caption>Bảng giá</caption><tr><td>Xăng<table><tr><td>RON 95</td><td>E5</td></tr></table></td>lạc<td>23.000</td></tr></table>')).toEqual({
      count: 1,
      html: '<p>Bảng giá</p><p>Xăng RON 95 E5 | lạc | 23.000</p>'
    })
    expect(flattened('<p>Không có bảng</p>')).toEqual({ count: 0, html: '<p>Không có bảng</p>' })
  })

  it('keeps apart the words of a cell\'s paragraphs, lines and list items, and keeps inline words whole', () => {
    expect(flattened('<table><tr><td><p>Dòng một</p><p>Dòng hai</p></td><td>Trên<br>dưới</td><td><ul><li>Một</li><li>Hai</li></ul></td><td>Hà<b>Nội</b> <i>mới</i><!-- ghi chú --></td></tr></table>').html).toBe(
      '<p>Dòng một Dòng hai | Trên dưới | Một Hai | HàNội mới</p>'
    )
  })
})

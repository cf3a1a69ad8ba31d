/** Tables become lines of cells and unknown blocks divs, in a draft's DOM (linkedom here, the browser's on paste). */
import { parseHTML } from 'linkedom'
import { describe, expect, it } from 'vitest'
import { blockText, flattenTables, plainBlocks, preformattedText } from './html-blocks'

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

describe('plainBlocks', () => {
  it('reads the block elements the parser does not know as divs, their content kept, and flattens the tables', () => {
    const { document } = parseHTML('<!DOCTYPE html><html><body><nav>Trang chủ</nav><main>Chữ <b>chính</b><details><summary>Tóm tắt</summary>Nội dung</details><table><tr><td>a</td><td>b</td></tr></table></main><center>Giữa</center><dl><dt>Từ</dt><dt>Ngữ</dt><dd>Nghĩa</dd></dl></body></html>')
    expect(plainBlocks(document.body)).toBe(1)
    expect(document.body.innerHTML).toBe('<div>Trang chủ</div><div>Chữ <b>chính</b><div><div>Tóm tắt</div>Nội dung</div><p>a | b</p></div><div>Giữa</div><dl><div>Từ</div><div>Ngữ</div><dd>Nghĩa</dd></dl>')
  })
})

describe('the words of blocks stay apart', () => {
  const body = (html: string) => parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`).document.body
  const plain = (html: string) => {
    const b = body(html)
    plainBlocks(b)
    return b.innerHTML
  }

  it('in a text: a line break, a paragraph or an item is an edge; an inline tag is not; a table\'s parts are blocks only in a table', () => {
    expect(blockText(body('<h1>Tít<br>dòng hai</h1>'))).toBe('Tít dòng hai')
    expect(blockText(body('<div><p>Một</p><p>Hai</p><ul><li>Ba</li></ul>Hà<b>Nội</b></div>'))).toBe('Một Hai Ba HàNội')
    expect(blockText(body('<p>tin<caption>tức</caption></p><table><caption>Bảng</caption><tr><td>a</td><td>b</td></tr></table>'))).toBe('tintức Bảng a b')
    expect(blockText(null)).toBe('')
    // a node inside a table: its cells are blocks
    expect(blockText(body('<table><div><td>tin</td>tức</div></table>').querySelector('div'))).toBe('tin tức')
  })

  it('a block inside a heading or paragraph becomes a line of it; a list item starting with a block starts with a paragraph', () => {
    expect(plain('<h2><div>Tít</div>phụ</h2>')).toBe('<h2><br>Tít<br>phụ</h2>')
    expect(plain('<h2>Tít<br>phụ</h2>')).toBe('<h2>Tít<br>phụ</h2>')
    expect(preformattedText(body('<pre>a b<div>c</div>d</pre>').querySelector('pre'))).toBe('a b\nc\nd')
    expect(plain('<ul><li><h4>Đề</h4> tin</li><li>Thường</li></ul>')).toBe('<ul><li><p></p><h4>Đề</h4> tin</li><li>Thường</li></ul>')
    expect(plain('<ul><li>\n <blockquote>Trích</blockquote></li></ul>')).toBe('<ul><li>\n <p></p><blockquote>Trích</blockquote></li></ul>')
  })

  it('what stands straight in a list goes in an item, each run one; a menu is a list; an item outside a list is a div', () => {
    expect(plain('<ul><li>a</li> <b>b</b>c <li>d</li></ul>')).toBe('<ul><li>a</li><li> <b>b</b>c </li><li>d</li></ul>')
    expect(plain('<ul>x<li>a</li>y</ul>')).toBe('<ul><li>x</li><li>a</li><li>y</li></ul>')
    expect(plain('<menu><li>Mục</li></menu><b><li>Lạc</li></b>')).toBe('<ul><li>Mục</li></ul><b><div>Lạc</div></b>')
    // (white space between items is not an item; a photo without words is)
    expect(plain('<ul><li>a</li>\n<li>b</li></ul><ol><img src="a.jpg"></ol>')).toBe('<ul><li>a</li>\n<li>b</li></ul><ol><li><img src="a.jpg"></li></ol>')
  })

  it('keeps each run of what stands straight in a row between its cells as one piece, and a row of one word', () => {
    expect(plain('<table><tr><td>a</td>b<i>c</i><td>d</td>e</tr><tr><td>Tổng</td></tr></table>')).toBe('<p>a | bc | d | e</p><p>Tổng</p>')
  })

  it('an empty table, or a row with nothing, still parts the words around it', () => {
    expect(plain('tin<table></table>tức')).toBe('tin<div></div>tức')
    expect(plain('<table>tin<tr></tr>tức</table>')).toBe('<p>tin tức</p>')
  })
})

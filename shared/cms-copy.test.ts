/** Copy for the CMS: clean HTML and plain text, with or without title, sapo and credits. */
import { describe, expect, it } from 'vitest'
import { cmsClipboard } from './cms-copy'

const article = {
  title: 'Phố cổ Hội An đón khách',
  sapo: 'VOV.VN - Lượng khách tăng mạnh dịp cuối tuần.',
  language: 'vi',
  body: {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Từ sáng sớm, ' }, { type: 'text', text: 'hàng nghìn', marks: [{ type: 'strong' }] }, { type: 'text', text: ' du khách đã có mặt.' }] },
      { type: 'figure', attrs: { src: `media:${'e'.repeat(64)}.jpg`, alt: 'Đèn lồng', credit: 'Lê Hà', width: 800, height: 600 }, content: [{ type: 'text', text: 'Đèn lồng trên phố' }] },
      { type: 'bullet_list', content: [{ type: 'list_item', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Vé tham quan: 120.000 đồng' }] }] }, { type: 'list_item', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Mở cửa đến 22 giờ' }] }] }] },
      { type: 'paragraph', content: [{ type: 'text', text: '<script>alert(1)</script> vẫn là chữ.' }] }
    ]
  } as never
}
const src = () => 'data:image/jpeg;base64,AAAA'

describe('copy for the CMS', () => {
  it('gives clean HTML (no page, style or script) and plain text with a blank line between paragraphs', () => {
    const { html, text } = cmsClipboard(article, { heading: true, credits: true }, src)
    expect(html.startsWith('<h1>Phố cổ Hội An đón khách</h1><p><strong>VOV.VN - Lượng khách tăng mạnh dịp cuối tuần.</strong></p><p>Từ sáng sớm, <strong>hàng nghìn</strong>')).toBe(true)
    expect(html).toContain('<img src="data:image/jpeg;base64,AAAA"')
    expect(html).toContain('<span class="credit">Ảnh: Lê Hà</span>')
    expect(html).toContain('&lt;script&gt;')
    expect(html).not.toMatch(/<(html|head|body|style|script|meta)\b/)
    expect(text).toBe(
      'Phố cổ Hội An đón khách\n\nVOV.VN - Lượng khách tăng mạnh dịp cuối tuần.\n\nTừ sáng sớm, hàng nghìn du khách đã có mặt.\n\nĐèn lồng trên phố. Ảnh: Lê Hà\n\n- Vé tham quan: 120.000 đồng\n- Mở cửa đến 22 giờ\n\n<script>alert(1)</script> vẫn là chữ.\n'
    )
  })

  it('writes a nested list indented under its item, and an item\'s second paragraph under it too', () => {
    const item = (text: string, ...more: unknown[]) => ({ type: 'list_item', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }, ...more] })
    const body = { type: 'doc', content: [{ type: 'ordered_list', attrs: { order: 3 }, content: [item('Ba', { type: 'bullet_list', content: [item('con một'), item('con hai')] }), item('Bốn', { type: 'paragraph', content: [{ type: 'text', text: 'Đoạn thêm.' }] })] }] }
    const { text } = cmsClipboard({ ...article, body: body as never }, { heading: false, credits: true }, src)
    expect(text).toBe('3. Ba\n   - con một\n   - con hai\n4. Bốn\n   Đoạn thêm.\n')
  })

  it('leaves out the title and sapo, or the credits, when the settings say so', () => {
    const { html, text } = cmsClipboard(article, { heading: false, credits: false }, src)
    expect(html).not.toContain('<h1>')
    expect(html).not.toContain('Lượng khách')
    expect(html).not.toContain('Lê Hà')
    expect(text.startsWith('Từ sáng sớm')).toBe(true)
    expect(text).toContain('Đèn lồng trên phố\n')
  })
})

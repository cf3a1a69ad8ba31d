/** A corpus of hostile HTML, and a check of what in an exported page could run or reach out. */
import { parseHTML } from 'linkedom'
import { isSafeHref, isSafeImageSrc } from '../../../shared/urls'

/** Everything a parsed export may contain that could run or reach out. */
export function unsafeParts(html: string): string[] {
  const { document } = parseHTML(html)
  const found: string[] = []
  for (const el of document.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase()
    if (tag === 'script' && el.getAttribute('type') !== 'application/ld+json') found.push('script')
    if (['iframe', 'object', 'embed', 'base', 'form', 'svg', 'math', 'link', 'frame'].includes(tag)) found.push(tag)
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) found.push(`${tag}[${attr.name}]`)
      if (attr.name === 'href' && !isSafeHref(attr.value)) found.push(`href=${attr.value}`)
      if (attr.name === 'src' && !isSafeImageSrc(attr.value)) found.push(`src=${attr.value}`)
      if (attr.name === 'style' || attr.name === 'srcset' || attr.name === 'formaction') found.push(attr.name)
    }
    if (tag === 'meta' && el.getAttribute('http-equiv')?.toLowerCase() === 'refresh') found.push('meta refresh')
  }
  const ld = [...document.querySelectorAll('script[type="application/ld+json"]')]
  if (ld.length !== 1) found.push(`${ld.length} JSON-LD blocks`)
  else JSON.parse(ld[0].textContent ?? '')
  return found
}

export const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">a</a>',
  '<a href="JaVaScRiPt:alert(1)">b</a>',
  '<a href=" javascript:alert(1)">c</a>',
  '<a href="java&#x09;script:alert(1)">d</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">e</a>',
  '<a href="jav&#x0A;ascript:alert(1)">f</a>',
  '<a href="vbscript:msgbox(1)">g</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">h</a>',
  '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
  '<svg onload=alert(1)><script>alert(2)</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  '<base href="https://evil.example/">',
  '<iframe src="https://evil.example"></iframe>',
  '<object data="x.swf"></object><embed src="x.swf">',
  '<form action="https://evil.example"><button formaction="javascript:alert(1)">x</button></form>',
  '<p style="background:url(javascript:alert(1))">kiểu</p>',
  '<meta http-equiv="refresh" content="0;url=https://evil.example">',
  '<p>Văn bản có </script><script>alert(1)</script> bên trong</p>',
  '<img src="data:image/png;base64,iVBORw0KGgo=" srcset="javascript:alert(1) 1x" alt="ảnh">',
  '<a href="https://vov.vn/" onclick="alert(1)" target="_blank">tốt</a>'
]

import { DOMParser as PMDOMParser, Node as PMNode } from 'prosemirror-model'
import { parseHTML } from 'linkedom'
import { describe, expect, it } from 'vitest'
import sample from '../resources/sample-article.json'
import { docFromJSON, docProblem, docText } from './doc'
import { schema } from './schema'
import { isSafeHref, isSafeImageSrc } from './urls'

const linkDoc = (href: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href } }] }] }]
})
const imageDoc = (src: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'image', attrs: { src } }] }] })

describe('URL rules', () => {
  it.each(['https://vov.vn/a?b=1#c', 'http://example.com', 'mailto:toasoan@example.com', '#muc-2', 'HTTPS://EXAMPLE.COM'])('allows link %s', (href) => {
    expect(isSafeHref(href)).toBe(true)
  })
  it.each(['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'vbscript:x', 'data:text/html,<script>', 'file:///etc/passwd', '//evil.com', '', 'https:evil', 'ftp://x'])(
    'refuses link %j',
    (href) => expect(isSafeHref(href)).toBe(false)
  )
  it('allows http(s) and raster data images only', () => {
    expect(isSafeImageSrc('https://cdn.example.com/a.jpg')).toBe(true)
    expect(isSafeImageSrc('data:image/png;base64,iVBORw0KGgo=')).toBe(true)
    expect(isSafeImageSrc('data:image/svg+xml;base64,PHN2Zz4=')).toBe(false)
    expect(isSafeImageSrc('data:text/html;base64,PHNjcmlwdD4=')).toBe(false)
    expect(isSafeImageSrc('javascript:alert(1)')).toBe(false)
  })
})

describe('schema', () => {
  it('round-trips the sample article through JSON', () => {
    const doc = docFromJSON(sample.body)
    expect(doc.toJSON()).toEqual(sample.body)
    const names = new Set<string>()
    doc.descendants((n) => {
      names.add(n.type.name)
      n.marks.forEach((m) => names.add(m.type.name))
    })
    // the sample shows every node and mark (but the inline image, kept so that older articles still load: photos are figures now)
    for (const name of [...Object.keys(schema.nodes), ...Object.keys(schema.marks)]) if (name !== 'doc' && name !== 'image') expect(names).toContain(name)
  })

  it('enforces link and image URL rules in fromJSON and check()', () => {
    expect(docProblem(linkDoc('https://ok.vn'))).toBeNull()
    expect(docProblem(linkDoc('javascript:alert(1)'))).toMatch(/href/)
    expect(docProblem(imageDoc('data:image/svg+xml,<svg onload=alert(1)>'))).toMatch(/src/)
    expect(docProblem({ type: 'doc', content: [{ type: 'heading', attrs: { level: 1 }, content: [] }] })).toMatch(/level/)
    expect(docProblem({ type: 'doc', content: [{ type: 'script' }] })).toMatch(/script/)
    // check() catches a node built around the validators
    const bad = PMNode.fromJSON(schema, linkDoc('https://ok.vn'))
    ;(bad.firstChild!.firstChild!.marks[0] as { attrs: Record<string, unknown> }).attrs = { href: 'javascript:x', title: null }
    expect(() => bad.check()).toThrow(/href/)
  })

  it('parses HTML through the schema, dropping what it does not allow', () => {
    const { document } = parseHTML('<html><body><div id="r"></div></body></html>')
    const root = document.getElementById('r')!
    root.innerHTML =
      '<h1>Tít</h1><p onclick="x()" style="color:red">Chữ <b>đậm</b> <a href="javascript:alert(1)">xấu</a> <a href="https://vov.vn">tốt</a></p>' +
      '<script>alert(1)</script><img src="javascript:x"><img src="https://a.vn/b.png" alt="ảnh"><ul><li>một</li></ul>'
    const doc = PMDOMParser.fromSchema(schema).parse(root as never)
    doc.check()
    const json = JSON.stringify(doc.toJSON())
    expect(json).not.toMatch(/javascript|onclick|color|alert/)
    expect(json).toContain('https://vov.vn')
    expect(json).toContain('https://a.vn/b.png')
    expect(doc.firstChild!.type.name).toBe('heading')
    expect(docText(doc)).toContain('Chữ đậm xấu tốt')
  })
})

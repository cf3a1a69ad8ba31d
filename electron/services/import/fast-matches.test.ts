/** The direct answer to simple selectors is the one linkedom's css-select gives, element by element. */
import { describe, expect, it } from 'vitest'
import { schema } from '../../../shared/schema'
import { linkedomMatches, simpleSelector } from './fast-matches'
import { parseDocument } from './html-doc'

describe('matches', () => {
  it("answers the schema's selectors, and any other, as linkedom does", () => {
    const doc = parseDocument(
      '<P>Một</P><p class="x">Hai</p><IMG SRC="a.jpg"><img><img src=""><figure data-media="m"><figcaption>c</figcaption></figure><figure></figure>' +
        '<a href="#">l</a><a name="n">m</a><H1>t</H1><h6>u</h6><b style="font-weight:normal">b</b><strike>s</strike><br><svg><a href="x">v</a></svg>' +
        '<custom-el data-x="1">k</custom-el><ul><li>i</li></ul>'
    )
    const elements = [...doc.querySelectorAll('*')]
    const rules = [...Object.values(schema.spec.nodes.toObject()), ...Object.values(schema.spec.marks.toObject())].flatMap((spec) => spec.parseDOM ?? []).flatMap((r) => ('tag' in r && r.tag ? [r.tag] : []))
    expect(rules).toEqual(expect.arrayContaining(['p', 'img[src]', 'figure[data-media]', 'a[href]', 'strong']))
    const others = ['P', 'p.x', 'div > p', '*', 'a[href^="#"]', 'custom-el', 'custom-el[data-x]', 'img[SRC]', 'li', 'ul li', 'h1, h2']
    let compared = 0
    for (const selector of [...rules, ...others]) {
      for (const el of elements) {
        expect(el.matches(selector), `${el.outerHTML.slice(0, 40)} ~ ${selector}`).toBe(linkedomMatches.call(el, selector))
        compared++
      }
    }
    expect(compared).toBeGreaterThan(500)
  })

  it("takes the schema's selectors apart once, and leaves others to linkedom", () => {
    expect(simpleSelector('p')).toEqual({ tag: 'p', attribute: undefined })
    expect(simpleSelector('h1')).toEqual({ tag: 'h1', attribute: undefined })
    expect(simpleSelector('figure[data-media]')).toEqual({ tag: 'figure', attribute: 'data-media' })
    expect(simpleSelector('img[src]')).toBe(simpleSelector('img[src]'))
    for (const other of ['P', 'p.x', 'div > p', '*', 'a[href^="#"]', 'h1, h2', '[src]', 'img[src', 'img[]', '1p', 'p[1a]']) expect(simpleSelector(other), other).toBeNull()
  })
})

/** Random documents of the schema (fast-check), shared by the property tests of export and the Markdown round trip. */
import fc from 'fast-check'
import { docFromJSON } from '../../../shared/doc'

/** Random documents of the schema: marks, links with Markdown's special characters, headings, nested lists, quotes, rules anywhere. */
const alphabet = [...'aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ0123456789*_#\\&<>[]()!~`-+=.:;"\'|']
/**
 * Markdown's own syntax as whole words, which letters drawn one by one rarely spell: at a line's start, after
 * a break or inside marks they found `__init__` read back as emphasis, a heading's closing `#`s before a
 * break, and a tab given up by a mark indenting a line into code.
 */
const syntax = ['10.', '1975.', '2)', '30/4.', '-', '+', '*', '**', '#', '##', '>', '===', '---', '`', '```', '~~', '~~~', '_', '__', '__a__', 'a_b', '\\', '1\\.', '<br>', '<u>', '<!--', '-->', '&amp;', '&nbsp;', '[a]:', '![', '](', '|---|', '\t', '<https://a.vn>']
const word = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 7 }).map((cs) => cs.join('')) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...syntax, 'a', 'Năm'), { minLength: 1, maxLength: 3 }).map((ws) => ws.join('')) }
)
const marks = fc.subarray(['em', 'strong', 'underline', 'strike'])
// addresses as typed too (a space, quotes, parentheses, a backslash, `&amp;`), with a title or not
const link = fc.record({ path: word, q: word, raw: fc.boolean(), title: fc.option(word, { freq: 3 }) }).map(({ path: p, q, raw, title }) => ({
  type: 'link',
  attrs: { href: raw ? `https://ví-dụ.vn/${p} ${q}`.replace(/[\u0000-\u001f]/g, '') : `https://ví-dụ.vn/${encodeURIComponent(p)}?a=1&b=${encodeURIComponent(q)}`, title }
}))
const image = fc.record({ src: fc.constantFrom('https://anh.vn/a.jpg', 'https://anh.vn/ảnh 1 (2).jpg', 'data:image/png;base64,iVBO Rw0='), alt: word, title: fc.option(word, { freq: 3 }) })
const inline = fc.oneof(
  { weight: 8, arbitrary: fc.record({ text: word, marks, link: fc.option(link, { freq: 5 }) }) },
  { weight: 1, arbitrary: fc.constant('break' as const) },
  { weight: 1, arbitrary: image }
)
const inlineContent = fc.array(inline, { minLength: 1, maxLength: 8 }).map((items) => {
  const out: unknown[] = []
  items.forEach((item, i) => {
    if (item === 'break') out.push({ type: 'hard_break' })
    else if ('src' in item) out.push({ type: 'image', attrs: item })
    else {
      if (i > 0) out.push({ type: 'text', text: ' ' })
      const m = [...(item.link ? [item.link] : []), ...item.marks.map((type) => ({ type }))]
      out.push({ type: 'text', text: item.text, ...(m.length ? { marks: m } : {}) })
    }
  })
  return out
})
const { block } = fc.letrec<{ block: unknown; blocks: unknown[]; item: unknown }>((tie) => ({
  block: fc.oneof(
    { maxDepth: 3, depthIdentifier: 'doc' },
    fc.record({ type: fc.constant('paragraph'), content: inlineContent }),
    fc.record({ type: fc.constant('heading'), attrs: fc.record({ level: fc.constantFrom(2, 3, 4) }), content: inlineContent }),
    fc.constant({ type: 'horizontal_rule' }),
    fc.record({ type: fc.constant('blockquote'), content: tie('blocks') }),
    fc.record({ type: fc.constant('bullet_list'), content: fc.array(tie('item'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ type: fc.constant('ordered_list'), attrs: fc.record({ order: fc.integer({ min: 1, max: 12 }) }), content: fc.array(tie('item'), { minLength: 1, maxLength: 3 }) })
  ),
  blocks: fc.array(tie('block'), { minLength: 1, maxLength: 3 }),
  item: fc.record({ type: fc.constant('list_item'), content: fc.tuple(fc.record({ type: fc.constant('paragraph'), content: inlineContent }), fc.array(tie('block'), { maxLength: 2 })).map(([p, rest]) => [p, ...rest]) })
}))
export const randomDocs = fc.array(block, { minLength: 1, maxLength: 5 }).map((content) => docFromJSON({ type: 'doc', content }).toJSON())

/** Each proofreading rule on Vietnamese sentences written for these tests: what it finds, what it suggests, and where it must stay silent. */
import { beforeAll, describe, expect, it } from 'vitest'
import { nodeSpeller } from '../../electron/services/proof/speller'
import { defaultFields, type ArticleFields } from '../article'
import { docFromJSON, docFromParagraphs } from '../doc'
import sample from '../../resources/sample-article.json'
import { NEWSROOM_WORDS } from './rules'
import { applyFix, checkArticle, defaultProofSettings, fromTcvn3, fromTelex, fromVni, ignoreKey, mayBeLegacy, normaliseToneStyle, type Problem, type ProofRule, type ProofSettings, type Speller } from '.'

let speller: Speller
beforeAll(async () => {
  speller = await nodeSpeller()
})
const settings = (patch: Partial<ProofSettings> = {}): ProofSettings => ({ ...defaultProofSettings(), bodyMinWords: 0, ...patch })
const article = (patch: Partial<ArticleFields>): ArticleFields => ({ ...defaultFields(), title: 'Tin', sapo: 'VOV.VN - Tin ngắn.', category: 'Xã hội', author: 'Lê An', ...patch })
const run = (rule: ProofRule, patch: Partial<ArticleFields>, s: Partial<ProofSettings> = {}) => checkArticle(article(patch), { settings: settings(s), speller, rules: [rule] })
const body = (...paragraphs: string[]) => ({ body: docFromParagraphs(paragraphs) })
const texts = (ps: Problem[]) => ps.map((p) => p.text)

describe('spelling', () => {
  it('flags a word the dictionary does not know, with suggestions, at its place in the body', () => {
    const [p, ...rest] = run('spelling', body('Nhiều ngưòi dân đã đến xem.'))
    expect(rest).toEqual([])
    expect(p).toMatchObject({ rule: 'spelling', field: 'body', text: 'ngưòi', from: 7, to: 12 })
    expect(p.suggestions.length).toBeGreaterThan(0)
    expect(p.message).toBe('“ngưòi” không có trong từ điển')
    // the position is the ProseMirror position of the word
    const doc = docFromJSON(article(body('Nhiều ngưòi dân đã đến xem.')).body)
    expect(doc.textBetween(p.from, p.to)).toBe('ngưòi')
  })

  it('suggests first the syllable meant when a mark is wrong or missing, with the capital typed', () => {
    const first = (text: string) => run('spelling', body(text))[0].suggestions[0]
    // Hunspell alone offered "ngòi", "trung" and "Vẹt" for these
    expect(first('Có ngưòi đến.')).toBe('người')
    expect(first('Em đuợc khen.')).toBe('được')
    expect(first('Học tiéng Anh.')).toBe('tiếng')
    expect(first('Về truờng học.')).toBe('trường')
    expect(first('Viẹt Nam.')).toBe('Việt')
    // hỏi for ngã and ngã for hỏi, which writers confuse
    expect(first('Hãy giử gìn.')).toBe('giữ')
    expect(first('Sách cũa tôi.')).toBe('của')
    // Telex typed with the input method off, the tone key last or before the last consonant
    expect(first('Có nguwowif đến.')).toBe('người')
    expect(first('Vieejt Nam và Vieetj Nam.')).toBe('Việt')
    expect(first('Em dduowcj khen.')).toBe('được')
    expect(first('Học tieengs Anh.')).toBe('tiếng')
  })

  it('reads Telex only in words of plain letters that hold a Telex key', () => {
    expect(fromTelex('truwowngf')).toContain('trường')
    // no tone key: the letters alone
    expect(fromTelex('ddaay')).toEqual(['đây'])
    expect(fromTelex('tranh')).toEqual([])
    expect(fromTelex('đaay')).toEqual([])
    expect(fromTelex('trường')).toEqual([])
    expect(fromTelex('x')).toEqual([])
  })

  it('accepts both tone-mark placements, names mid-sentence, acronyms, numbers, web addresses and quoted foreign words', () => {
    expect(run('spelling', { title: 'Hòa bình và thủy lợi, hoà bình và thuỷ lợi' })).toEqual([])
    expect(run('spelling', body('Ông Smith và bà Nguyễn Thị Hương đến Hội An hôm qua.'))).toEqual([])
    expect(run('spelling', body('HĐND tỉnh họp về mạng 5G và dịch COVID-19.'))).toEqual([])
    expect(run('spelling', body('Xem thêm tại https://vov.vn/xa-hoi/bai-viet hoặc gửi thư tới toasoan@example.com.'))).toEqual([])
    expect(run('spelling', body('Cụm từ “lockdown” được nhiều người dùng.'))).toEqual([])
    // a capital inside a word is a brand or an abbreviated title, even at the start of a sentence
    expect(run('spelling', body('iPhone mới lên kệ. ThS. Trần Thị Mai xem trên YouTube.'))).toEqual([])
    // the syllables of a hyphenated name; a hyphenated word without a capital is still checked
    expect(run('spelling', body('HLV Kim Sang-sik và ông Park Hang-seo sang Ô-xtrây-li-a.'))).toEqual([])
    expect(texts(run('spelling', body('Loại vi-rútt mới.')))).toEqual(['rútt'])
  })

  it('checks a capitalised word at the start of a sentence, and takes words from the personal dictionary', () => {
    expect(texts(run('spelling', body('Ngưòi dân đã về. Gứơng mặt vui.')))).toEqual(['Ngưòi', 'Gứơng'])
    expect(run('spelling', body('Bản tin về blockchain.'), { personalDictionary: ['Blockchain'] })).toEqual([])
    // a tag is checked as a sentence: its first word, not the capitals of a name after it
    expect(run('spelling', { tags: ['Đà Nẵng', 'thành phố Hồ Chí Minh', 'Hội An'] })).toEqual([])
    expect(texts(run('spelling', { tags: ['Ngưòi dân', 'kinh tế'] }))).toEqual(['Ngưòi'])
    expect(texts(run('spelling', body('Bản tin về blockchain.')))).toEqual(['blockchain'])
  })
})

describe('an article in another language', () => {
  it('is not read against the Vietnamese dictionary, pairs or tone placement; the other rules still run', () => {
    const english = article({ language: 'en', title: 'Vietnam economy grows faster than expected', ...body('Exports recovered , analysts said. TK figures for hoà bình.') })
    const rules = checkArticle(english, { settings: settings(), speller }).map((p) => p.rule)
    expect(rules).not.toContain('spelling')
    expect(rules).not.toContain('tone-style')
    expect(rules).toEqual(expect.arrayContaining(['spacing', 'placeholder']))
    // a Vietnamese tag with a region is Vietnamese
    expect(checkArticle({ ...english, language: 'vi-VN' }, { settings: settings(), speller }).map((p) => p.rule)).toContain('spelling')
  })
})

describe("the newsroom's words", () => {
  it('are never flagged (video, clip, sapo, camera…), and a misspelling beside them still is', () => {
    expect(run('spelling', body('Video và clip của phóng viên được đăng online trên website, fanpage và kênh livestream của tòa soạn.'))).toEqual([])
    expect(run('spelling', { title: 'Camera giám sát ghi lại vụ việc', ...body('Sapo của bài viết in đậm. Facebook và Zalo cũng đưa tin.') })).toEqual([])
    expect(texts(run('spelling', body('Xem video về ngưòi dân.')))).toEqual(['ngưòi'])
  })

  it("leave the app's own sample article, the first one a journalist opens, without a single problem", () => {
    const problems = checkArticle(sample as ArticleFields, { settings: defaultProofSettings(), speller })
    expect(problems.map((p) => `${p.rule} ${p.field}: ${p.text}`)).toEqual([])
  })

  it('are only words the dictionary does not know, in lowercase NFC', () => {
    expect(NEWSROOM_WORDS.size).toBeGreaterThan(50)
    for (const w of NEWSROOM_WORDS) {
      expect(w).toBe(w.toLowerCase().normalize('NFC'))
      expect(speller.correct(w), w).toBe(false)
    }
  })
})

describe('confusable', () => {
  it('finds valid syllables in a wrong pair and gives the right one, in the house tone style and case', () => {
    const found = run('confusable', body('Bác sĩ chuẩn đoán sớm. Hai xã sát nhập từ năm ngoái.', 'Bổ xung thêm hồ sơ.'))
    expect(found.map((p) => [p.text, p.suggestions[0]])).toEqual([
      ['chuẩn đoán', 'chẩn đoán'],
      ['sát nhập', 'sáp nhập'],
      ['Bổ xung', 'Bổ sung']
    ])
    expect(found[0].message).toBe('Viết đúng là “chẩn đoán”')
  })

  it('stays silent on the right forms and on words that only contain the pair', () => {
    expect(run('confusable', body('Bác sĩ chẩn đoán sớm; hai xã sáp nhập; nhà máy sát nhập khẩu.'.replace('sát nhập khẩu', 'sản xuất nhập khẩu')))).toEqual([])
  })
})

describe('placeholder', () => {
  it('finds TK, XXX, ???, […] and "(cần kiểm tra)" left in the text', () => {
    const found = run('placeholder', { title: 'Giá vàng TK', ...body('Có XXX người dự.', 'Con số là ??? tỷ đồng.', 'Ông nói [...] rồi đi.', 'Ngày khánh thành (cần kiểm tra).') })
    expect(texts(found)).toEqual(['TK', 'XXX', '???', '[...]', '(cần kiểm tra)'])
  })
  it('stays silent on ordinary words and a single question mark', () => {
    expect(run('placeholder', body('Tk hay tk không phải chỗ trống? Ông hỏi lại.'))).toEqual([])
  })
})

describe('spacing', () => {
  it('finds a space before punctuation, none after, double spaces, spaces inside quotes and brackets', () => {
    const found = run('spacing', body('Hà Nội , ngày 21/2.Hôm nay,trời mưa.  Ông nói “ Tốt ” và ( cười ).'))
    expect(found.map((p) => [p.text, p.suggestions[0]])).toEqual([
      [' ,', ','],
      [',', ', '],
      ['  ', ' '],
      ['“ ', '“'],
      [' ”', '”'],
      ['( ', '('],
      [' )', ')']
    ])
  })
  it('stays silent on decimals, times, web addresses and an ellipsis', () => {
    expect(run('spacing', body('Lãi suất 7,5%, lúc 15:30, xem https://vov.vn/a,b?x=1 và cứ thế…'))).toEqual([])
  })
})

describe('quotes', () => {
  it('flags straight quotes in a curly house style with the right curly one, and unbalanced marks', () => {
    const found = run('quotes', body('Ông nói "sẽ làm ngay" rồi (cười.'))
    expect(found.map((p) => [p.text, p.suggestions[0] ?? null])).toEqual([
      ['"', '“'],
      ['"', '”'],
      ['(', null]
    ])
  })
  it('stays silent on balanced curly quotes; a straight style flags curly ones', () => {
    expect(run('quotes', body('Ông nói “sẽ làm ngay” (rồi cười).'))).toEqual([])
    expect(texts(run('quotes', body('Ông nói “được”.'), { quoteStyle: 'straight' }))).toEqual(['“', '”'])
  })
})

describe('tone style', () => {
  it('flags the placement the newsroom does not use, with a one-click fix, and not the shared forms', () => {
    const found = run('tone-style', body('Hòa bình, thuỷ lợi, sức khỏe, mùa hoa, quý, hoàn thành.'))
    expect(found.map((p) => [p.text, p.suggestions[0]])).toEqual([['thuỷ', 'thủy']])
    expect(run('tone-style', body('Hòa bình, thuỷ lợi.'), { toneStyle: 'old' }).map((p) => p.suggestions[0])).toEqual(['Hoà'])
    expect(normaliseToneStyle('Hoà thuận, khoẻ mạnh, tuỳ ý', 'new')).toBe('Hòa thuận, khỏe mạnh, tùy ý')
  })
})

describe('legacy encoding', () => {
  it('recognises TCVN3 and VNI mojibake and offers the Unicode text', () => {
    const tcvn = run('legacy-encoding', body('Hµ Néi lµ thñ ®« cña ViÖt Nam.'))
    expect(tcvn.map((p) => [p.suggestions[0], p.message])).toEqual([['Hà Nội là thủ đô của Việt Nam.', 'Chữ gõ bằng bảng mã TCVN3 cũ; chuyển sang Unicode']])
    const vni = run('legacy-encoding', body('Ñöôøng phoá Haø Noäi raát ñeïp.'))
    expect(vni.map((p) => p.suggestions[0])).toEqual(['Đường phố Hà Nội rất đẹp.'])
    expect(fromTcvn3('ViÖt Nam ®· cã')).toBe('Việt Nam đã có')
    expect(fromVni('Vieät Nam ñaõ coù')).toBe('Việt Nam đã có')
  })
  it('stays silent on ordinary Vietnamese and on French names with accents', () => {
    expect(run('legacy-encoding', body('Hà Nội là thủ đô của Việt Nam; ông Benoît và bà Zoë đến thăm.'))).toEqual([])
  })
  it('asks the dictionary only for text showing legacy marks in many words (import and paste)', () => {
    expect(mayBeLegacy('Hµ Néi lµ thñ ®« cña ViÖt Nam.')).toBe(true)
    expect(mayBeLegacy('Ñöôøng phoá Haø Noäi raát ñeïp.')).toBe(true)
    const unicode = 'Người dân trong ngõ nhỏ dậy sớm quét sân rồi ra chợ mua rau cho bữa sáng. '.repeat(4)
    expect(mayBeLegacy(unicode)).toBe(false)
    // a stray vowel + “ù” pair and a «quote» in sixty words of Unicode text
    expect(mayBeLegacy(`${unicode}Ông nói «quùy» rồi cười.`)).toBe(false)
    // one legacy line pasted into a short note still counts
    expect(mayBeLegacy('Ghi chú: Vieät Nam ñaõ coù')).toBe(true)
  })
})

describe('length and required', () => {
  it('measures the title in characters and the sapo and body in syllables, against the settings', () => {
    const long = 'Một '.repeat(30).trim()
    const found = checkArticle(article({ title: long, sapo: 'Chữ '.repeat(61), ...body('Ngắn quá.') }), { settings: settings({ bodyMinWords: 300 }), speller, rules: ['length'] })
    expect(found.map((p) => [p.field, p.message])).toEqual([
      ['title', 'Tiêu đề dài 119 ký tự (tối đa 100)'],
      ['sapo', 'Sapo dài 61 chữ (tối đa 60)'],
      ['body', 'Thân bài có 2 chữ (ít nhất 300)']
    ])
  })
  it('asks for what "ready" needs, and a caption and credit for every photo', () => {
    const photo = { type: 'figure', attrs: { src: `media:${'b'.repeat(64)}.jpg`, alt: '', credit: '', width: 10, height: 10 } }
    const found = checkArticle({ ...defaultFields(), body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Đoạn.' }] }, photo] } as never }, { settings: settings(), speller, rules: ['required'], language: 'en' })
    expect(found.map((p) => [p.field, p.message])).toEqual([
      ['title', 'A title is needed'],
      ['sapo', 'A sapo is needed'],
      ['caption', 'A photo has no caption'],
      ['caption', 'A photo has no credit (Photo: …)'],
      ['author', 'An author or a source is needed'],
      ['category', 'A category is needed']
    ])
    expect(checkArticle(article({ source: '' }), { settings: settings(), speller, rules: ['required'] })).toEqual([])
  })
})

describe('the engine', () => {
  it('leaves out ignored problems and fixes a one-line field or a tag', () => {
    const a = article({ title: 'Bác sĩ chuẩn đoán bệnh', tags: ['kinh tế', 'ngưòi'] })
    const all = checkArticle(a, { settings: settings(), speller, rules: ['confusable', 'spelling'] })
    expect(all.map((p) => [p.field, p.text])).toEqual([['title', 'chuẩn đoán'], ['tags', 'ngưòi']])
    expect(applyFix(a, all[0], all[0].suggestions[0])).toEqual({ title: 'Bác sĩ chẩn đoán bệnh' })
    expect(applyFix(a, all[1], 'người')).toEqual({ tags: ['kinh tế', 'người'] })
    // typed in since the check: the text there is not the problem's any more, nothing is spliced blind
    expect(applyFix({ ...a, title: 'Tin: Bác sĩ chuẩn đoán bệnh' }, all[0], all[0].suggestions[0])).toBe('moved')
    expect(applyFix({ ...a, tags: ['kinh tế', 'người dân'] }, all[1], 'người')).toBe('moved')
    expect(applyFix({ ...a, tags: ['kinh tế'] }, all[1], 'người')).toBe('moved')
    expect(applyFix(a, { ...all[0], field: 'body' }, 'x')).toBeNull()
    expect(checkArticle(a, { settings: settings(), speller, rules: ['confusable'], ignored: new Set([ignoreKey(all[0])]) })).toEqual([])
  })

  it('checks a 5,000-word article quickly enough to run as the journalist pauses', () => {
    const words = 'Chính quyền địa phương đã sơ tán người dân ra khỏi vùng nguy hiểm trước khi bão đổ bộ vào bờ biển. '
    const a = article(body(...Array.from({ length: 250 }, () => words)))
    checkArticle(a, { settings: settings(), speller })
    const t = performance.now()
    checkArticle(a, { settings: settings(), speller })
    // the figure is measured in the bench (proof.check_5000_words_ms); this only guards against a pathological slowdown
    expect(performance.now() - t).toBeLessThan(2000)
  })
})

describe('a page of unknown words', () => {
  it('gives suggestions only to the first words asked for, and still finds every one', () => {
    const a = article(body(Array.from({ length: 60 }, (_, i) => `xyzq${'abcdefghij'[i % 10]}${i}`).join(' ').replace(/\d/g, '')))
    const found = checkArticle(a, { settings: settings(), speller, rules: ['spelling'], maxSuggestions: 5 })
    expect(found.length).toBeGreaterThan(5)
    expect(found.filter((p) => p.suggestions.length).length).toBeLessThanOrEqual(5)
  })
})

/** Which links and image sources may enter an article: the rules the importers, editor and export rely on. */
import { describe, expect, it } from 'vitest'
import { isSafeHref, isSafeImageSrc, withScheme } from './urls'

describe('links', () => {
  it('allow a fragment of the same document, but nothing that only contains one', () => {
    expect(isSafeHref('#muc-2')).toBe(true)
    expect(isSafeHref('#')).toBe(true)
    expect(isSafeHref('javascript:alert(1)#x')).toBe(false)
    expect(isSafeHref('x#y')).toBe(false)
    expect(isSafeHref('#a b')).toBe(false)
  })

  it('refuse control characters anywhere, and anything that is not a string', () => {
    expect(isSafeHref('https://vov.vn/\u0000')).toBe(false)
    expect(isSafeHref('https://vov.vn/\u001f')).toBe(false)
    expect(isSafeHref('https://vov.vn/\u007f')).toBe(false)
    expect(isSafeHref('https://vov.vn/a\tb')).toBe(false)
    expect(isSafeHref(null)).toBe(false)
    expect(isSafeHref(42)).toBe(false)
    expect(isSafeHref(undefined)).toBe(false)
  })

  it('allow http, https and mailto only, with the scheme at the start', () => {
    expect(isSafeHref('mailto:a@b.vn')).toBe(true)
    expect(isSafeHref('MAILTO:a@b.vn')).toBe(true)
    expect(isSafeHref(' mailto:a@b.vn')).toBe(false)
    expect(isSafeHref('http://vov.vn')).toBe(true)
    expect(isSafeHref(' https://vov.vn')).toBe(false)
    expect(isSafeHref('https:///vov.vn')).toBe(false)
    expect(isSafeHref('https:// vov.vn')).toBe(false)
    expect(isSafeHref('tel:0912345678')).toBe(false)
    expect(isSafeHref('a:https://vov.vn')).toBe(false)
  })

  it('refuse a link longer than 4,096 characters', () => {
    const base = 'https://vov.vn/'
    expect(isSafeHref(base + 'a'.repeat(4096 - base.length))).toBe(true)
    expect(isSafeHref(base + 'a'.repeat(4097 - base.length))).toBe(false)
  })
})

describe('image sources', () => {
  it('allow http and https images with a host', () => {
    expect(isSafeImageSrc('http://anh.vov.vn/a.jpg')).toBe(true)
    expect(isSafeImageSrc('HTTPS://anh.vov.vn/a.jpg')).toBe(true)
    expect(isSafeImageSrc('https:///a.jpg')).toBe(false)
    expect(isSafeImageSrc(' https://anh.vov.vn/a.jpg')).toBe(false)
  })

  it('allow base64 data of raster types only, and nothing after the data', () => {
    for (const type of ['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'bmp']) expect(isSafeImageSrc(`data:image/${type};base64,AAAA`), type).toBe(true)
    expect(isSafeImageSrc('data:image/JPEG;base64,AAAA')).toBe(true)
    expect(isSafeImageSrc('data:image/png;base64,AA AA AA')).toBe(true)
    expect(isSafeImageSrc('data:image/png;base64,AAA"><x')).toBe(false)
    expect(isSafeImageSrc('xdata:image/png;base64,AAAA')).toBe(false)
    expect(isSafeImageSrc(' data:image/png;base64,AAAA')).toBe(false)
    expect(isSafeImageSrc('data:image/png;base64,')).toBe(false)
    expect(isSafeImageSrc('data:image/pngx;base64,AAAA')).toBe(false)
    expect(isSafeImageSrc('data:image/svg+xml;base64,PHN2Zz4=')).toBe(false)
    expect(isSafeImageSrc('data:image/png,rawbytes')).toBe(false)
  })

  it('refuse control characters and what is not a string', () => {
    expect(isSafeImageSrc('https://anh.vov.vn/\u0000.jpg')).toBe(false)
    expect(isSafeImageSrc('https://anh.vov.vn/\u007f.jpg')).toBe(false)
    expect(isSafeImageSrc(null)).toBe(false)
    expect(isSafeImageSrc({})).toBe(false)
    expect(isSafeImageSrc('blob:https://x/1')).toBe(false)
  })
})

describe('withScheme', () => {
  it('completes what journalists type without a scheme, and leaves the rest', () => {
    expect(withScheme('danang.gov.vn/quy-hoach')).toBe('https://danang.gov.vn/quy-hoach')
    expect(withScheme(' www.vov.vn ')).toBe('https://www.vov.vn')
    expect(withScheme('báo.vn:8080/a?b=1')).toBe('https://báo.vn:8080/a?b=1')
    expect(withScheme('toasoan@vov.vn')).toBe('mailto:toasoan@vov.vn')
    expect(withScheme('http://a.vn')).toBe('http://a.vn')
    expect(withScheme('javascript:alert(1)')).toBe('javascript:alert(1)')
    expect(withScheme('#muc-2')).toBe('#muc-2')
    expect(withScheme('chỉ là chữ')).toBe('chỉ là chữ')
    expect(withScheme('../etc/passwd')).toBe('../etc/passwd')
    // a scheme already there, a fragment, an address only at the start and to the end
    expect(withScheme('mailto:toasoan@vov.vn')).toBe('mailto:toasoan@vov.vn')
    expect(withScheme('vov.vn/#')).toBe('https://vov.vn/#')
    expect(withScheme('tin/toasoan@vov.vn')).toBe('tin/toasoan@vov.vn')
    expect(withScheme('toasoan@vov.vn/lien-he')).toBe('toasoan@vov.vn/lien-he')
    // a host only at the start, with digits anywhere
    expect(withScheme('«vov.vn»')).toBe('«vov.vn»')
    expect(withScheme('24h.com.vn')).toBe('https://24h.com.vn')
    expect(withScheme('tin.24h.vn')).toBe('https://tin.24h.vn')
  })
})

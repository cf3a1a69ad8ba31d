/** URL rules: which links and image sources may enter an article. */

const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f-\u009f]/g

/** Parse the scheme the way a browser would (ignoring whitespace/control characters), lowercased. */
function schemeOf(url: string): string | null {
  const cleaned = url.replace(CONTROL_OR_SPACE, '')
  const m = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)
  return m ? m[1].toLowerCase() : null
}

/** A link may point to http(s), mailto or a fragment in the same document. */
export function isSafeHref(href: unknown): href is string {
  if (typeof href !== 'string' || href.length > 4096) return false
  if (/^#[^\s]*$/.test(href)) return true
  if (/[\u0000-\u001f\u007f]/.test(href)) return false
  const scheme = schemeOf(href)
  if (scheme === 'mailto') return /^mailto:/i.test(href)
  if (scheme === 'http' || scheme === 'https') return /^https?:\/\/[^\s/]+/i.test(href)
  return false
}

/** An image may come from http(s) or be an inline raster/vector data URL of an image type. */
export function isSafeImageSrc(src: unknown): src is string {
  if (typeof src !== 'string') return false
  if (/[\u0000-\u001f\u007f]/.test(src)) return false
  const scheme = schemeOf(src)
  if (scheme === 'http' || scheme === 'https') return /^https?:\/\/[^\s/]+/i.test(src)
  if (scheme === 'data') return /^data:image\/(png|jpe?g|gif|webp|avif|bmp);base64,[a-z0-9+/=\s]+$/i.test(src)
  return false
}

/**
 * A link as journalists type it, made whole: `danang.gov.vn/quy-hoach` gets `https://`, `toasoan@vov.vn`
 * gets `mailto:`; anything else is left as it is (and the URL rules decide).
 */
export function withScheme(href: string): string {
  const value = href.trim()
  if (!value || value.startsWith('#') || schemeOf(value)) return value
  if (/^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/u.test(value)) return 'mailto:' + value
  if (/^(www\.)?[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(:\d+)?([/?#]|$)/u.test(value)) return 'https://' + value
  return value
}

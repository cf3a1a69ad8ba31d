/**
 * The live preview: the exported HTML itself, in a sandboxed iframe (no scripts: `allow-same-origin` only,
 * so that the desk can keep its scroll position), refreshed after a pause in typing. The page is laid out at
 * a real width — a desktop browser's 1024 px or a phone's 375 px — and scaled down to fit the panel.
 */
import type { Node as PMNode } from 'prosemirror-model'
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Article } from '../../../shared/article'
import { renderArticleHtml } from '../../../shared/render-html'
import { mediaUrl } from '../editor/photos'
import stylesheet from '../../../resources/export.css?raw'

export const PREVIEW_DELAY_MS = 300
/** The widths the page is laid out at: a desktop browser's, a phone's. */
const PAGE_WIDTHS = { desktop: 1024, mobile: 375 } as const
const BOX_HEIGHT = '60vh'

/** Where the preview's photos load from: the window's own origin (a sandboxed frame has none of its own). */
const photoOrigin = () => {
  const u = new URL(document.baseURI)
  return `${u.protocol}//${u.host}`
}

/** Exactly what an HTML export of this article holds; its photos come from the store through the app's protocol. */
export function previewHtml(article: Article, body: PMNode | null): string {
  return renderArticleHtml({ ...article, body: body ? body.toJSON() : article.body }, { stylesheet, mediaSrc: mediaUrl, photoSources: photoOrigin() })
}

export function Preview({ article, body, version }: { article: Article; body: PMNode | null; version: number }) {
  const { t } = useTranslation()
  const [width, setWidth] = useState<'desktop' | 'mobile'>('desktop')
  const [html, setHtml] = useState(() => previewHtml(article, body))
  const box = useRef<HTMLDivElement>(null)
  const frame = useRef<HTMLIFrameElement>(null)
  /** Where the preview was scrolled when its page was last replaced. */
  const scrollY = useRef(0)
  const [boxWidth, setBoxWidth] = useState(0)
  useLayoutEffect(() => {
    const el = box.current
    if (!el) return
    const observer = new ResizeObserver(() => setBoxWidth(el.clientWidth))
    observer.observe(el)
    setBoxWidth(el.clientWidth)
    return () => observer.disconnect()
  }, [])
  const pageWidth = PAGE_WIDTHS[width]
  const scale = boxWidth > 0 ? Math.min(1, boxWidth / pageWidth) : 1

  useEffect(() => {
    const timer = setTimeout(() => {
      const started = performance.now()
      scrollY.current = frame.current?.contentWindow?.scrollY ?? scrollY.current
      setHtml(previewHtml(article, body))
      // measured by the benchmarks (export.preview.p95_ms)
      performance.measure('newsdesk:preview', { start: started, end: performance.now() })
    }, PREVIEW_DELAY_MS)
    return () => clearTimeout(timer)
    // `version` changes when the body does (the node itself is a ref that may stay the same object)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [article, body, version])

  return (
    <section className="preview" aria-label={t('preview.title')}>
      <div className="preview-bar">
        <h2>{t('preview.title')}</h2>
        <div className="segmented" role="group" aria-label={t('preview.width')}>
          <button type="button" aria-pressed={width === 'desktop'} onClick={() => setWidth('desktop')}>
            {t('preview.desktop')}
          </button>
          <button type="button" aria-pressed={width === 'mobile'} onClick={() => setWidth('mobile')}>
            {t('preview.mobile')}
          </button>
        </div>
      </div>
      <div className={`preview-frame ${width}`} ref={box} style={{ height: BOX_HEIGHT }}>
        <iframe
          ref={frame}
          title={t('preview.title')}
          sandbox="allow-same-origin"
          srcDoc={html}
          data-testid="preview"
          style={{ width: pageWidth, height: `calc(${BOX_HEIGHT} / ${scale})`, transform: `scale(${scale})`, transformOrigin: 'top left' }}
          // a new page after each pause in typing: back to where the journalist was reading
          onLoad={() => frame.current?.contentWindow?.scrollTo(0, scrollY.current)}
        />
      </div>
    </section>
  )
}

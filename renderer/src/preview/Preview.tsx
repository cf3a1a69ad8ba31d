/** The live preview: the exported HTML itself, in a sandboxed iframe (no scripts), refreshed after a pause in typing. */
import type { Node as PMNode } from 'prosemirror-model'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Article } from '../../../shared/article'
import { renderArticleHtml } from '../../../shared/render-html'
import { mediaUrl } from '../editor/photos'
import stylesheet from '../../../resources/export.css?raw'

export const PREVIEW_DELAY_MS = 300

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

  useEffect(() => {
    const timer = setTimeout(() => {
      const started = performance.now()
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
      <div className={`preview-frame ${width}`}>
        <iframe title={t('preview.title')} sandbox="" srcDoc={html} data-testid="preview" />
      </div>
    </section>
  )
}

/**
 * How a photo looks and is edited in the body: the image (from the store, through the app's protocol),
 * its caption typed in place (the node's content), the credit in a field under it, and a small popover
 * for the alt text and "set as featured". Changes are transactions, so undo takes them back.
 */
import type { Node as PMNode } from 'prosemirror-model'
import { NodeSelection } from 'prosemirror-state'
import type { EditorView, NodeView } from 'prosemirror-view'
import { mediaUrl } from './photos'

export interface FigureViewContext {
  /** Labels in the UI's language. */
  t: (key: string) => string
  featured: () => string
  setFeatured: (ref: string) => void
  /** The figure views on screen (redrawn when the featured photo changes). */
  live: Set<FigureView>
}

export class FigureView implements NodeView {
  dom: HTMLElement
  contentDOM: HTMLElement
  private img: HTMLImageElement
  private credit: HTMLInputElement
  private alt: HTMLInputElement
  private popover: HTMLElement
  private star: HTMLButtonElement

  constructor(
    private node: PMNode,
    private readonly view: EditorView,
    private readonly getPos: () => number | undefined,
    private readonly ctx: FigureViewContext
  ) {
    const { t } = ctx
    this.dom = document.createElement('figure')
    this.dom.className = 'photo'
    this.img = document.createElement('img')
    this.img.draggable = false
    this.img.addEventListener('mousedown', (e) => {
      // a click on the photo selects the whole figure (to move, copy or delete it)
      e.preventDefault()
      const pos = this.getPos()
      if (pos !== undefined) this.view.dispatch(this.view.state.tr.setSelection(NodeSelection.create(this.view.state.doc, pos)))
      this.view.focus()
    })
    this.contentDOM = document.createElement('figcaption')
    this.contentDOM.dataset.placeholder = t('photo.captionPlaceholder')

    const tools = document.createElement('div')
    tools.className = 'photo-tools'
    tools.contentEditable = 'false'
    this.credit = this.field(t('photo.credit'), t('photo.creditPlaceholder'), 'credit')
    this.credit.className = 'photo-credit'
    const more = document.createElement('button')
    more.type = 'button'
    more.className = 'photo-more'
    more.textContent = t('photo.details')
    more.setAttribute('aria-expanded', 'false')
    this.popover = document.createElement('div')
    this.popover.className = 'photo-popover'
    this.popover.hidden = true
    this.popover.setAttribute('role', 'group')
    this.popover.setAttribute('aria-label', t('photo.details'))
    this.alt = this.field(t('photo.alt'), t('photo.altPlaceholder'), 'alt')
    const altLabel = document.createElement('label')
    altLabel.append(t('photo.alt'), this.alt)
    this.star = document.createElement('button')
    this.star.type = 'button'
    this.star.className = 'photo-featured'
    this.star.addEventListener('click', () => this.ctx.setFeatured(this.node.attrs.src === this.ctx.featured() ? '' : this.node.attrs.src))
    this.popover.append(altLabel, this.star)
    const toggle = (open: boolean) => {
      this.popover.hidden = !open
      more.setAttribute('aria-expanded', String(open))
      if (open) this.alt.focus()
    }
    more.addEventListener('click', () => toggle(this.popover.hidden))
    this.popover.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') (e.preventDefault(), toggle(false), more.focus())
    })
    tools.append(this.credit, more, this.popover)
    this.dom.append(this.img, this.contentDOM, tools)
    this.render()
    ctx.live.add(this)
  }

  destroy(): void {
    this.ctx.live.delete(this)
  }

  /** A text field bound to one attribute of the node. */
  private field(label: string, placeholder: string, attr: 'credit' | 'alt'): HTMLInputElement {
    const input = document.createElement('input')
    input.type = 'text'
    input.placeholder = placeholder
    input.setAttribute('aria-label', label)
    input.maxLength = 2000
    input.addEventListener('input', () => {
      const pos = this.getPos()
      if (pos === undefined) return
      this.view.dispatch(this.view.state.tr.setNodeAttribute(pos, attr, input.value))
    })
    input.addEventListener('keydown', (e) => {
      // Enter leaves the field for the text after the photo
      if (e.key === 'Enter') (e.preventDefault(), this.view.focus())
    })
    return input
  }

  /** Show the node's attributes (and whether it is the featured photo). */
  render(): void {
    const { src, alt, credit, width, height } = this.node.attrs
    this.dom.dataset.media = src
    if (this.img.getAttribute('src') !== mediaUrl(src)) this.img.src = mediaUrl(src)
    this.img.alt = alt
    if (width && height) this.img.style.aspectRatio = `${width} / ${height}`
    if (this.credit.value !== credit) this.credit.value = credit
    if (this.alt.value !== alt) this.alt.value = alt
    const featured = src === this.ctx.featured()
    this.dom.classList.toggle('featured', featured)
    this.star.textContent = featured ? `★ ${this.ctx.t('photo.isFeatured')}` : `☆ ${this.ctx.t('photo.setFeatured')}`
    this.star.setAttribute('aria-pressed', String(featured))
  }

  update(node: PMNode): boolean {
    if (node.type !== this.node.type) return false
    this.node = node
    this.render()
    return true
  }

  selectNode(): void {
    this.dom.classList.add('selected')
  }

  deselectNode(): void {
    this.dom.classList.remove('selected')
  }

  /** Typing in the credit and alt fields is theirs, not the editor's. */
  stopEvent(event: Event): boolean {
    const target = event.target as Node | null
    return !!target && target !== this.contentDOM && !this.contentDOM.contains(target) && (event.target as HTMLElement).closest?.('.photo-tools') !== null
  }

  ignoreMutation(m: { target: Node; type: string }): boolean {
    return !this.contentDOM.contains(m.target) || (m.type === 'attributes' && m.target === this.dom)
  }
}

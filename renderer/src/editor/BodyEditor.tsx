/** The ProseMirror body editor: one EditorView, its state replaced when another article opens. */
import { Node as PMNode } from 'prosemirror-model'
import { EditorState, type Command } from 'prosemirror-state'
import { EditorView } from 'prosemirror-view'
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react'
import { schema } from '../../../shared/schema'
import { useTranslation } from 'react-i18next'
import type { DialogCommandId } from './editor-commands'
import { FigureView, type FigureViewContext } from './figure-view'
import { placeholderPlugin, photoFilesPlugin } from './photos'
import { highlightsPlugin } from './highlights'
import { buildPlugins, emptyBodyPlaceholder } from './plugins'

export interface BodyEditorHandle {
  view(): EditorView | null
  run(command: Command): boolean
  focus(): void
}

interface Props {
  /** Which article is shown: a new key loads `doc` into a fresh state (fresh undo history). */
  docKey: string
  doc: unknown
  label: string
  readOnly?: boolean
  onChange: (doc: PMNode) => void
  onState: (state: EditorState) => void
  /** The link or photo shortcut was pressed. */
  onDialog: (id: DialogCommandId) => void
  /** The article's featured photo (a media reference or ''), and how a figure's popover changes it. */
  featuredImage: string
  onFeatured: (ref: string) => void
  /** Image files pasted or dropped at `pos`. */
  onPhotoFiles: (files: File[], pos: number) => void
}

export const BodyEditor = forwardRef<BodyEditorHandle, Props>(function BodyEditor(props, ref) {
  const host = useRef<HTMLDivElement>(null)
  const viewRef = useRef<EditorView | null>(null)
  const latest = useRef(props)
  latest.current = props

  const { t } = useTranslation()
  const figures = useRef<FigureViewContext>({
    t: (key) => t(key),
    featured: () => latest.current.featuredImage,
    setFeatured: (ref) => latest.current.onFeatured(ref),
    live: new Set()
  })

  const makeState = (doc: unknown) =>
    EditorState.create({
      doc: PMNode.fromJSON(schema, doc),
      plugins: [
        ...buildPlugins((id) => latest.current.onDialog(id)),
        placeholderPlugin(() => t('photo.adding')),
        highlightsPlugin(),
        emptyBodyPlaceholder(() => t('editor.bodyPlaceholder')),
        photoFilesPlugin((files, pos) => latest.current.onPhotoFiles(files, pos))
      ]
    })

  useEffect(() => {
    const view = new EditorView(host.current!, {
      state: makeState(props.doc),
      attributes: { 'aria-label': props.label, role: 'textbox', 'aria-multiline': 'true', class: 'prose', spellcheck: 'true' },
      editable: () => !latest.current.readOnly,
      nodeViews: { figure: (node, view, getPos) => new FigureView(node, view, getPos, figures.current) },
      dispatchTransaction(tr) {
        const state = view.state.apply(tr)
        view.updateState(state)
        latest.current.onState(state)
        if (tr.docChanged) latest.current.onChange(state.doc)
      }
    })
    viewRef.current = view
    latest.current.onState(view.state)
    return () => {
      view.destroy()
      viewRef.current = null
    }
    // the view lives as long as the component; article changes go through docKey below
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const firstKey = useRef(props.docKey)
  useEffect(() => {
    const view = viewRef.current
    if (!view || firstKey.current === props.docKey) return
    firstKey.current = props.docKey
    view.updateState(makeState(props.doc))
    latest.current.onState(view.state)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.docKey])

  useEffect(() => {
    viewRef.current?.setProps({ editable: () => !props.readOnly })
  }, [props.readOnly])

  useEffect(() => {
    for (const figure of figures.current.live) figure.render()
  }, [props.featuredImage])

  useImperativeHandle(ref, () => ({
    view: () => viewRef.current,
    run: (command) => {
      const view = viewRef.current
      if (!view) return false
      const done = command(view.state, view.dispatch, view)
      view.focus()
      return done
    },
    focus: () => viewRef.current?.focus()
  }))

  return <div ref={host} className="body-editor" data-testid="body-editor" />
})

/** The ProseMirror body editor: one EditorView, its state replaced when another article opens. */
import { Node as PMNode } from 'prosemirror-model'
import { EditorState, type Command } from 'prosemirror-state'
import { EditorView } from 'prosemirror-view'
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react'
import { schema } from '../../../shared/schema'
import { buildPlugins } from './plugins'

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
  onLinkRequest: () => void
}

export const BodyEditor = forwardRef<BodyEditorHandle, Props>(function BodyEditor(props, ref) {
  const host = useRef<HTMLDivElement>(null)
  const viewRef = useRef<EditorView | null>(null)
  const latest = useRef(props)
  latest.current = props

  const makeState = (doc: unknown) =>
    EditorState.create({
      doc: PMNode.fromJSON(schema, doc),
      plugins: buildPlugins(() => latest.current.onLinkRequest())
    })

  useEffect(() => {
    const view = new EditorView(host.current!, {
      state: makeState(props.doc),
      attributes: { 'aria-label': props.label, role: 'textbox', 'aria-multiline': 'true', class: 'prose', spellcheck: 'true' },
      editable: () => !latest.current.readOnly,
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

/**
 * Photos into the body: from the file dialog (main reads the files), pasted or dropped (their bytes go to
 * main, which checks and keeps them). While main copies, a placeholder stands where the photos will go;
 * what main refuses is reported with the file's name, and the rest goes in.
 */
import { closeHistory } from 'prosemirror-history'
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state'
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view'
import type { AddedPhoto, PhotosAdded } from '../../../shared/contract'
import { figureJson, mediaFileOf } from '../../../shared/media'
import { schema } from '../../../shared/schema'

/** The address the window loads a photo of the store from (the app's own protocol, never a path). */
export function mediaUrl(ref: string): string {
  return new URL('media/' + mediaFileOf(ref), document.baseURI).href
}

/** The figure node of a photo just kept, its fields prefilled from the photo's own metadata. */
export function figureOf(photo: AddedPhoto) {
  return schema.nodeFromJSON(figureJson(photo))
}

/** Insert figures at `pos` (mapped through whatever happened meanwhile), as one undoable step. */
export function insertFigures(state: EditorState, pos: number, photos: AddedPhoto[]): Transaction | null {
  if (!photos.length) return null
  const $pos = state.doc.resolve(Math.min(pos, state.doc.content.size))
  // a figure is a block: it goes after the block the position is in (or at the top level where the doc allows)
  const after = $pos.depth > 0 ? $pos.after(1) : $pos.pos
  // its own undo step, never merged with typing just before
  return closeHistory(state.tr.insert(after, photos.map(figureOf)).scrollIntoView())
}

const key = new PluginKey<DecorationSet>('photo-placeholders')

/** Placeholders "adding photos…" while main copies the files. */
export function placeholderPlugin(label: () => string): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, set) {
        set = set.map(tr.mapping, tr.doc)
        const action = tr.getMeta(key) as { add?: { id: object; pos: number }; remove?: object } | undefined
        if (action?.add) {
          const widget = document.createElement('div')
          widget.className = 'photo-placeholder'
          widget.setAttribute('role', 'status')
          widget.textContent = label()
          set = set.add(tr.doc, [Decoration.widget(action.add.pos, widget, { id: action.add.id, side: -1 })])
        }
        if (action?.remove) set = set.remove(set.find(undefined, undefined, (spec) => spec.id === action.remove))
        return set
      }
    },
    props: { decorations: (state) => key.getState(state) }
  })
}

function placeholderPos(state: EditorState, id: object): number | null {
  const found = key.getState(state)?.find(undefined, undefined, (spec) => spec.id === id)
  return found?.length ? found[0].from : null
}

/**
 * Wait for main to keep the photos, with a placeholder at the selection meanwhile; then insert what was
 * added where the placeholder stood; the answer says what was added and what refused.
 */
export async function addPhotosAt(view: EditorView, pos: number, work: Promise<PhotosAdded>): Promise<PhotosAdded> {
  const id = {}
  view.dispatch(view.state.tr.setMeta(key, { add: { id, pos } }))
  let result: PhotosAdded | undefined
  try {
    result = await work
    return result
  } finally {
    if (!view.isDestroyed) {
      // where the placeholder stands now (the text may have changed meanwhile): the photos go there, in the step that removes it
      const at = placeholderPos(view.state, id) ?? view.state.selection.from
      const tr = (result && insertFigures(view.state, at, result.added)) || view.state.tr
      view.dispatch(tr.setMeta(key, { remove: id }))
      // and what comes next (typing, a deletion) is another undo step
      if (tr.docChanged) view.dispatch(closeHistory(view.state.tr))
    }
  }
}

/** A pasted or dropped image file as base64 for the bridge. */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/** The image files of a paste or a drop (anything else is left to ProseMirror). */
export function imageFiles(data: DataTransfer | null): File[] {
  return data ? [...data.files].filter((f) => f.type.startsWith('image/') || /\.(jpe?g|png|webp|gif|avif|svg)$/i.test(f.name)) : []
}

/**
 * Where the caret is as the journalist sees it: the page's selection, which ProseMirror reads only at its
 * next selection event (a paste right after a click would otherwise go where the caret was before).
 */
function caretPos(view: EditorView): number {
  const selection = document.getSelection()
  if (selection?.anchorNode && view.dom.contains(selection.anchorNode)) {
    try {
      return view.posAtDOM(selection.anchorNode, selection.anchorOffset)
    } catch {
      // a node ProseMirror does not map: its own idea of the selection
    }
  }
  return view.state.selection.from
}

/** Pasted and dropped image files go to `onFiles` (with where they go) instead of into the text. */
export function photoFilesPlugin(onFiles: (files: File[], pos: number) => void): Plugin {
  return new Plugin({
    props: {
      handlePaste(view, event) {
        const files = imageFiles(event.clipboardData)
        if (!files.length) return false
        onFiles(files, caretPos(view))
        return true
      },
      handleDrop(view, event) {
        const files = imageFiles(event.dataTransfer)
        if (!files.length) return false
        event.preventDefault()
        onFiles(files, view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos ?? view.state.selection.from)
        return true
      }
    }
  })
}

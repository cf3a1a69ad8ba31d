/** Where a problem found by a check is after the edits made since: the panel fixes it there. */
import { EditorState } from 'prosemirror-state'
import { describe, expect, it } from 'vitest'
import { docFromJSON, docFromParagraphs } from '../../../shared/doc'
import { highlightsPlugin, proofRangeNow, setHighlights } from './highlights'

function checkedState(text: string) {
  const state = EditorState.create({ doc: docFromJSON(docFromParagraphs([text])), plugins: [highlightsPlugin()] })
  const checked = state.doc
  // the check lays its problems on the document it read
  return { checked, state: state.apply(setHighlights(state.tr, 'proof', [{ from: 1, to: 4, className: 'proof proof-spelling' }])) }
}

describe('proofRangeNow', () => {
  it('is the range itself on the document checked, and follows the edits made since', () => {
    const { checked, state } = checkedState('abc def ghi')
    expect(proofRangeNow(state, checked, 5, 8)).toEqual({ from: 5, to: 8 })
    // a fix before it, shorter than the word it replaced ("abc" → "x")
    const after = state.apply(state.tr.insertText('x', 1, 4))
    expect(proofRangeNow(after, checked, 5, 8)).toEqual({ from: 3, to: 6 })
    expect(after.doc.textBetween(3, 6)).toBe('def')
    // typing after it changes nothing of it
    const typed = after.apply(after.tr.insertText('!', after.doc.content.size - 1))
    expect(proofRangeNow(typed, checked, 5, 8)).toEqual({ from: 3, to: 6 })
  })

  it('is null when the text was deleted, or the problems were not laid on the document checked', () => {
    const { checked, state } = checkedState('abc def ghi')
    const deleted = state.apply(state.tr.delete(4, 9))
    expect(proofRangeNow(deleted, checked, 5, 8)).toBeNull()
    const other = docFromJSON(docFromParagraphs(['abc def ghi']))
    const edited = state.apply(state.tr.insertText('x', 1))
    expect(proofRangeNow(edited, other, 5, 8)).toBeNull()
  })
})

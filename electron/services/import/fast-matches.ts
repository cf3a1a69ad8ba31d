/**
 * linkedom compiles a CSS selector at every `Element.matches` call, and ProseMirror's DOM parser asks it
 * for each of the schema's rules at each element of a draft: a third of an HTML import went there. The
 * rules' selectors are a tag name, or a tag with an attribute that must be present (`img[src]`); those are
 * answered directly, as css-select answers them in an HTML document (tag names without case), and any
 * other selector by linkedom as before. Imported once, by html-doc.ts, before any parsing.
 */
import { Element } from 'linkedom'

/** What of a linkedom element is used here (its own typings describe Element as a function). */
type El = { localName: string; hasAttribute(name: string): boolean }
type Matches = (this: El, selectors: string) => boolean
const prototype = Element.prototype as unknown as { matches: Matches }

const SIMPLE = /^([a-z][a-z0-9]*)(?:\[([a-z][a-z0-9-]*)\])?$/
export type Simple = { tag: string; attribute: string | undefined } | null
const simpleOf = new Map<string, Simple>()

/** linkedom's own `matches`, kept for every other selector (and for the test holding the two together). */
export const linkedomMatches: Matches = prototype.matches

/** A selector of the simple forms, taken apart (remembered: the same object each time), or null. */
export function simpleSelector(selectors: string): Simple {
  let s = simpleOf.get(selectors)
  if (s === undefined) {
    const m = SIMPLE.exec(selectors)
    s = m ? { tag: m[1], attribute: m[2] } : null
    // the rules' few selectors are remembered (not any number of others)
    if (simpleOf.size < 256) simpleOf.set(selectors, s)
  }
  return s
}

prototype.matches = function matches(this: El, selectors: string): boolean {
  const s = simpleSelector(selectors)
  if (!s) return linkedomMatches.call(this, selectors)
  return this.localName.toLowerCase() === s.tag && (s.attribute === undefined || this.hasAttribute(s.attribute))
}

/** word-extractor, as doc-text.ts uses it (its published types lack its getters' options, and its filters). */
declare module 'word-extractor' {
  interface Options {
    /** false: the text as written (true, the default, makes typographic quotes and dashes plain). */
    filterUnicode?: boolean
  }
  namespace WordExtractor {
    interface Document {
      getBody(options?: Options): string
      getFootnotes(options?: Options): string
      getEndnotes(options?: Options): string
      getAnnotations(options?: Options): string
      getTextboxes(options?: Options & { includeHeadersAndFooters?: boolean; includeBody?: boolean }): string
    }
  }
  class WordExtractor {
    extract(source: string | Buffer): Promise<WordExtractor.Document>
  }
  export default WordExtractor
}

declare module 'word-extractor/lib/filters.js' {
  const filters: { clean(text: string): string; binaryToUnicode(text: string): string }
  export default filters
}

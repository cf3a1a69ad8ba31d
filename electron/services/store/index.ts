/** The store room's entry: the article store and where it lives. */
export { ArticleStore, type OpenOptions, type SaveOptions } from './article-store'
export { APP_NAME, resolveStoreDir } from './store-location'

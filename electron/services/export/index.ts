/** The export room's entry: files in html, md or ninjs, one or a batch. */
export { EXTENSIONS, exportArticles, renderText, type ExistingChoice, type ExportFormat, type ExportOptions, type ExportResult } from './exporter'
export { exportStylesheet } from '../resources'

/** The tests that exercise the modules under mutation testing (`npm run mutation`, see stryker.config.json). */
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: [
      'shared/**/*.test.ts',
      'electron/services/store/durable-file.test.ts',
      'electron/services/store/index-file.test.ts',
      'electron/services/export/file-names.test.ts',
      'electron/services/import/import.test.ts',
      'electron/services/import/fields.test.ts',
      'electron/services/import/anatomy.test.ts',
      'electron/services/import/docx-xml.test.ts',
      'electron/services/import/fast-matches.test.ts',
      'electron/services/sync/engine.test.ts',
      'electron/services/sync/ignore.test.ts',
      'electron/services/formats/front-matter.test.ts'
    ],
    environment: 'node',
    testTimeout: 30_000
  }
})

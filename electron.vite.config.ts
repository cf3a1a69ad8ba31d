import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'

/**
 * Build targets of the Electron major in package.json (45: Chromium 154, Node 24). electron-vite 6 knows
 * majors up to 44 and would fall back to 44's; keep these in step when Electron moves.
 */
const ELECTRON_NODE = 'node24'
const ELECTRON_CHROME = 'chrome154'

export default defineConfig({
  main: {
    build: {
      target: ELECTRON_NODE,
      rollupOptions: {
        // the export worker, the .doc reader and shared chunks beside index.js: export-workers and doc.ts find them next to themselves
        input: { index: resolve('electron/main.ts'), 'export-worker': resolve('electron/services/export/export-worker.ts'), 'doc-reader': resolve('electron/services/import/doc-reader.ts') },
        output: { chunkFileNames: '[name]-[hash].js' }
      }
    }
  },
  preload: {
    build: {
      target: ELECTRON_NODE,
      rollupOptions: {
        input: { index: resolve('electron/preload.ts') },
        // CommonJS, so that the window can keep `sandbox: true`
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve('renderer'),
    build: {
      target: ELECTRON_CHROME,
      rollupOptions: { input: { index: resolve('renderer/index.html') } }
    },
    plugins: [react()]
  }
})

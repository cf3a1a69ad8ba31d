/** For the CLI's tests: run `newsdesk --store DIR …` in this process and collect what it printed. */
import { afterEach, beforeEach } from 'vitest'
import { tempDir } from '../services/test-support/temp-dir'
import { main } from './cli'

export async function runCli(store: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await main(['--store', store, ...argv], { out: (t) => (stdout += t), err: (t) => (stderr += t), env: {} })
  return { code, stdout, stderr }
}

/** A fresh store folder for each test of the calling file (`dir`), and `run` bound to it. */
export function storePerTest(prefix: string): { readonly dir: string; run: (...argv: string[]) => ReturnType<typeof runCli> } {
  let current: { dir: string; cleanup: () => Promise<void> } | undefined
  beforeEach(async () => {
    current = await tempDir(prefix)
  })
  afterEach(() => current?.cleanup())
  return {
    get dir() {
      return current!.dir
    },
    run: (...argv) => runCli(current!.dir, ...argv)
  }
}

/** For the CLI's tests: run `newsdesk --store DIR …` in this process and collect what it printed. */
import { main } from './cli'

export async function runCli(store: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await main(['--store', store, ...argv], { out: (t) => (stdout += t), err: (t) => (stderr += t), env: {} })
  return { code, stdout, stderr }
}

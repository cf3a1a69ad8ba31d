/** Where the store lives: `--store DIR`, else NEWSDESK_STORE, else `<userData>/store` (the same for app and CLI). */
import os from 'node:os'
import path from 'node:path'

export const APP_NAME = 'Newsdesk'

/** Electron's default userData folder for this app, computed without Electron so the CLI agrees with it. */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir()
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME)
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME)
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME)
}

/** The value of `--store DIR` or `--store=DIR` in argv, if any. */
export function storeArg(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--store') return argv[i + 1]
    if (argv[i].startsWith('--store=')) return argv[i].slice('--store='.length)
  }
  return undefined
}

export function resolveStoreDir(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): string {
  const chosen = storeArg(argv) ?? env.NEWSDESK_STORE
  return path.resolve(chosen && chosen.trim() ? chosen : path.join(userDataDir(env), 'store'))
}

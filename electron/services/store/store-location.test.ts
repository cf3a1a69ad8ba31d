import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveStoreDir, storeArg, userDataDir } from './store-location'

describe('store location', () => {
  it('is --store, else NEWSDESK_STORE, else <userData>/store', () => {
    const env = { XDG_CONFIG_HOME: '/home/lan/.config' }
    expect(resolveStoreDir(['node', 'x', '--store', '/srv/kho'], { ...env, NEWSDESK_STORE: '/tmp/other' })).toBe('/srv/kho')
    expect(resolveStoreDir(['--store=rel/kho'], env)).toBe(path.resolve('rel/kho'))
    expect(resolveStoreDir([], { ...env, NEWSDESK_STORE: '/tmp/other' })).toBe('/tmp/other')
    expect(resolveStoreDir([], env)).toBe('/home/lan/.config/Newsdesk/store')
    expect(storeArg(['list'])).toBeUndefined()
  })

  it('matches Electron’s userData folder on each system', () => {
    expect(userDataDir({ APPDATA: 'C:\\Users\\lan\\AppData\\Roaming' }, 'win32')).toBe(path.join('C:\\Users\\lan\\AppData\\Roaming', 'Newsdesk'))
    expect(userDataDir({}, 'darwin')).toMatch(/Library\/Application Support\/Newsdesk$/)
    expect(userDataDir({}, 'linux')).toMatch(/\.config\/Newsdesk$/)
  })
})

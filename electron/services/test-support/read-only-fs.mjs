/**
 * Loaded with `node --import` before a child process of a test: every file opened for writing fails with
 * EROFS, as on read-only media (as root, permissions cannot simulate it).
 */
import fs from 'node:fs'

const realOpen = fs.promises.open
fs.promises.open = async (file, flags, mode) => {
  if (flags !== undefined && flags !== 'r') throw Object.assign(new Error(`EROFS: read-only file system, open '${String(file)}'`), { code: 'EROFS' })
  return realOpen(file, flags, mode)
}

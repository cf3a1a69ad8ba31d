/** Which drafts-folder files the sync takes, and which sync-tool conflict copies point to which file. */
import { describe, expect, it } from 'vitest'
import { conflictOriginal, isIgnoredName, isSyncedPath } from './ignore'

describe('ignored names', () => {
  it('ignores hidden, temporary, lock and backup files of editors and sync tools', () => {
    for (const name of ['.DS_Store', '._bai.txt', '.syncthing.bai.txt.tmp', '.newsdesk-tmp-x', '~$bai.docx', '~syncthing~bai.txt.tmp', 'bai.txt.tmp', 'bai.partial', 'a.crdownload', 'a.part', 'a.swp', 'bai.txt~', 'BAI.TMP']) {
      expect(isIgnoredName(name), name).toBe(true)
    }
  })

  it('keeps ordinary names that only look a little like those', () => {
    for (const name of ['bai~2.txt', 'ban-tin.tmp.txt', 'tin.part1.md', 'swp.txt', 'a$b.docx', 'ban~$1.docx', 'x~syncthing~y.txt', 'tin.txt', 'Bài viết.docx', 'x~y.md']) {
      expect(isIgnoredName(name), name).toBe(false)
    }
  })

  it('takes a path only when no segment is ignored and its type is importable', () => {
    expect(isSyncedPath('tin.txt')).toBe(true)
    expect(isSyncedPath('thu-muc/tin.md')).toBe(true)
    expect(isSyncedPath('thu-muc\\tin.docx')).toBe(true)
    expect(isSyncedPath('.an/tin.txt')).toBe(false)
    expect(isSyncedPath('thu-muc/.an/tin.txt')).toBe(false)
    expect(isSyncedPath('thu-muc\\~$tin.docx')).toBe(false)
    expect(isSyncedPath('anh.jpg')).toBe(false)
    expect(isSyncedPath('tin')).toBe(false)
  })
})

describe('conflict copies', () => {
  it('names the file a Syncthing or Dropbox conflict copy belongs to, in its own folder', () => {
    expect(conflictOriginal('tin.sync-conflict-20260102-030405-ABCDEF1.txt')).toBe('tin.txt')
    expect(conflictOriginal('thu-muc/tin.sync-conflict-20260102-030405-ABCDEF1.md')).toBe('thu-muc/tin.md')
    expect(conflictOriginal('thu-muc\\tin.sync-conflict-20260102-030405-ABCDEF1.md')).toBe('thu-muc/tin.md')
    expect(conflictOriginal("tin (Lan's conflicted copy 2026-01-02).txt")).toBe('tin.txt')
    expect(conflictOriginal("a/b/tin (Bản sao xung đột của Lan's conflicted copy).docx")).toBe('a/b/tin.docx')
  })

  it('is null for ordinary names and near misses', () => {
    for (const rel of ['tin.sync-conflict-20260102-030405-ABCDEF1.txt.bak', "tin (Lan's conflicted copy).txt.bak", 'tin.txt', 'tin.sync-conflict-2026-030405-ABCDEF1.txt', 'tin.sync-conflict-20260102-030405-abcdef1.txt', 'tin.sync-conflict-20260102-030405-ABCDEF12.txt', 'tin (copy).txt', 'xtin.sync-conflict-20260102-030405-ABCDEF1']) {
      expect(conflictOriginal(rel), rel).toBeNull()
    }
  })
})

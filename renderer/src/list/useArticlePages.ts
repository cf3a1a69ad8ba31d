/** The list's data: total count plus pages of rows fetched on demand, so 20,000 articles stay light. */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ArticleMeta } from '../../../shared/article'
import type { ListQuery } from '../../../shared/contract'
import { api } from '../api'

export const PAGE_SIZE = 100

export function useArticlePages(query: ListQuery, refreshKey: number) {
  const [total, setTotal] = useState<number | null>(null)
  const [pages, setPages] = useState<Map<number, ArticleMeta[]>>(new Map())
  const [error, setError] = useState<string | null>(null)
  /** Bumped by retry() after a failed load. */
  const [attempt, setAttempt] = useState(0)
  const requested = useRef(new Set<number>())
  const generation = useRef(0)
  const key = JSON.stringify(query)

  const fetchPage = useCallback(
    async (page: number, gen: number) => {
      requested.current.add(page)
      try {
        const result = await api.list({ ...query, offset: page * PAGE_SIZE, limit: PAGE_SIZE })
        if (gen !== generation.current) return
        setTotal(result.total)
        setPages((prev) => new Map(prev).set(page, result.items))
        setError(null)
      } catch (err) {
        requested.current.delete(page)
        if (gen === generation.current) setError((err as Error).message)
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key]
  )

  // a new query or a refresh starts over, keeping the old rows on screen until the first page arrives
  useEffect(() => {
    const gen = ++generation.current
    requested.current = new Set()
    void (async () => {
      try {
        const result = await api.list({ ...query, offset: 0, limit: PAGE_SIZE })
        if (gen !== generation.current) return
        requested.current.add(0)
        setTotal(result.total)
        setPages(new Map([[0, result.items]]))
        setError(null)
      } catch (err) {
        if (gen === generation.current) setError((err as Error).message)
      }
    })()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, refreshKey, attempt])

  const row = useCallback(
    (index: number): ArticleMeta | undefined => {
      const page = Math.floor(index / PAGE_SIZE)
      const rows = pages.get(page)
      if (!rows && !requested.current.has(page)) void fetchPage(page, generation.current)
      return rows?.[index % PAGE_SIZE]
    },
    [pages, fetchPage]
  )

  const retry = useCallback(() => setAttempt((n) => n + 1), [])
  return { total: total ?? 0, loaded: total !== null, row, error, retry }
}

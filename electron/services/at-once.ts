/**
 * Work over many items with a few in flight at once (file reads and writes that mostly wait on the disk):
 * each of `n` runners takes the next item as soon as it finishes one. The results come in the items' order.
 * `fn` reports its own failures (a rejection stops nothing already started, and rejects the whole).
 */
export async function mapAtOnce<T, R>(items: readonly T[], n: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const runner = async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await fn(items[i])
    }
  }
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, runner))
  return results
}

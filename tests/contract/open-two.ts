import type { Store } from '../../src/core/index.js'

/**
 * Opens two stores on one fresh database — two processes, as far as the database can tell —
 * and returns them with the cleanup that closes both and drops the database.
 */
export type OpenTwo = () => Promise<[Store, Store, () => Promise<void>]>

/** The first of two stores on a fresh database, closed (with the second) when the test ends. */
export async function openOne(t: { after(fn: () => Promise<void>): void }, openTwo: OpenTwo): Promise<Store> {
  const [store, , cleanup] = await openTwo()
  t.after(cleanup)
  return store
}

/** Both stores on a fresh database, closed when the test ends. */
export async function openBoth(t: { after(fn: () => Promise<void>): void }, openTwo: OpenTwo): Promise<[Store, Store]> {
  const [a, b, cleanup] = await openTwo()
  t.after(cleanup)
  return [a, b]
}

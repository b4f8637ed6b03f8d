import type { Store } from '../../src/core/index.js'

/**
 * Two stores on one fresh database, and a way to run a statement on that database besides: for
 * what no repository offers yet (deleting an article or a member), to prove what the schema does
 * with the rows that belong to it. Returns the cleanup that closes everything and drops the database.
 */
export type OpenTwoWithSql = () => Promise<[Store, Store, (statement: string) => Promise<void>, () => Promise<void>]>

/** Both stores and the statement runner, closed when the test ends. */
export async function openWithSql(t: { after(fn: () => Promise<void>): void }, open: OpenTwoWithSql) {
  const [a, b, run, cleanup] = await open()
  t.after(cleanup)
  return { a, b, run }
}

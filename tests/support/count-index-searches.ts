import type { SearchIndex, Store } from '../../src/core/index.js'

/**
 * Counts the searches a store's index runs from now on (every search of the site and the API goes
 * through `store.search`), by mode: `all` is one per search of the reader's query or a suggested
 * one, `some` the fallback search that may follow it.
 */
export function countIndexSearches(store: Store): { all: number; some: number; readonly total: number; reset(): void } {
  const index: SearchIndex = store.search
  const search = index.search.bind(index)
  const counts = {
    all: 0,
    some: 0,
    get total() { return counts.all + counts.some },
    reset() { counts.all = 0; counts.some = 0 },
  }
  index.search = (query, filters, page, match = 'all') => {
    counts[match]++
    return search(query, filters, page, match)
  }
  return counts
}

import type { SearchIndex, Store } from '../../src/core/index.js'

export interface IndexCalls {
  /** Searches for every word: one per search of the reader's query or of a suggested one. */
  all: number
  /** The fallback searches for some of the words that may follow one. */
  some: number
  /** Look-ups of how many articles hold given stems. */
  lookups: number
  readonly total: number
}

/**
 * Counts the calls a store's search index gets until the test ends (every search of the site, the
 * API and the use cases goes through `store.search`), optionally answering them with `override`
 * instead of the index.
 */
export function countIndexSearches(t: { after(fn: () => void): void }, store: Store, override: Partial<SearchIndex> = {}): IndexCalls {
  const index: SearchIndex = store.search
  const { search, documentFrequencies } = index
  const calls: IndexCalls = { all: 0, some: 0, lookups: 0, get total() { return calls.all + calls.some } }
  index.search = (query, filters, page, match = 'all') => {
    calls[match]++
    return (override.search ?? search).call(index, query, filters, page, match)
  }
  index.documentFrequencies = (stems) => {
    calls.lookups++
    return (override.documentFrequencies ?? documentFrequencies).call(index, stems)
  }
  t.after(() => Object.assign(index, { search, documentFrequencies }))
  return calls
}

import type { ArticleId } from '../articles/article.js'
import type { ParsedQuery } from './parse-query.js'

/** Analyzed text of an article's fields, tokens separated by spaces. */
export interface IndexedFields { title: string; dek: string; body: string }

/** What the index holds for one article: its words as keys (exact, spelling folded) and as stems. */
export interface SearchDocument { id: ArticleId; keys: IndexedFields; stems: IndexedFields }

/** Which articles may be found: visible ones, optionally by desk, tag, author and date range. */
export interface SearchFilters {
  visibleAt: Date
  categoryIds?: number[]
  tagId?: number
  authorId?: number
  from?: Date
  to?: Date
}

export interface SearchHit { id: ArticleId; score: number }

/**
 * Full-text index over analyzed tokens. Analysis happens in core (the same for every database);
 * an adapter stores tokens and ranks with BM25 — title above standfirst above body, exact words
 * above stems — optionally boosted for recent articles.
 */
export interface SearchIndex {
  /** Replaces an article's entry; call it in the transaction that writes the article. */
  put(doc: SearchDocument): Promise<void>
  remove(id: ArticleId): Promise<void>
  /** Drops every entry (before a rebuild). */
  clear(): Promise<void>
  /**
   * Best first; `total` counts every match. `all`: every word matches; `some`: at least one word
   * but not every word (the fallback after the `all` results). Phrases and exclusions hold in
   * both. A query with nothing to match finds nothing.
   */
  search(query: ParsedQuery, filters: SearchFilters, page: { offset: number; limit: number }, match?: 'all' | 'some'): Promise<{ hits: SearchHit[]; total: number }>
  /** How many indexed articles contain each stem (for weighting terms of related articles). */
  documentFrequencies(stems: readonly string[]): Promise<Map<string, number>>
  size(): Promise<number>
}

import { stemMatch, type ParsedQuery, type QueryTerm } from '../../core/index.js'

/**
 * What every search adapter shares: the ranking constants and the boolean plan of a parsed query.
 * SQLite renders the plan as an FTS5 MATCH expression; PostgreSQL evaluates it over its postings
 * and reproduces FTS5's bm25 — so both find the same articles in the same order.
 */

/**
 * BM25 weights per column, in table order: exact words (keys) in title, standfirst, body; then
 * stems in the same fields. A title word counts most; a stem match a little less than the word
 * as typed. Tuned with `npm run eval:search`.
 */
export const COLUMN_WEIGHTS = [5, 2.5, 1, 4, 2, 0.8] as const
/** FTS5's bm25 constants (sqlite ext/fts5/fts5_aux.c), which PostgreSQL's ranking copies. */
export const BM25_K1 = 1.2
export const BM25_B = 0.75
/** Extra weight for recent stories: ×(1 + RECENCY / (1 + age in days / 30)). */
export const RECENCY = 0.1

/**
 * A word counts as common for `some` searches above this share of the indexed articles — and
 * above COMMON_MIN articles, so small sites, where speed is no issue, never leave a word out.
 */
export const COMMON_SHARE = 0.05
export const COMMON_MIN = 500

/** The document-frequency limit above which a word is common in an index of `size` articles. */
export const commonLimit = (size: number) => Math.max(COMMON_MIN, COMMON_SHARE * size)

/**
 * One FTS5 phrase: the tokens of `text` in a row, in the key columns or the stem columns; with
 * `prefix`, the last token is matched as the start of a word. `text` is kept as the query had it:
 * the index's tokenizer (FTS5's unicode61, or its copy on PostgreSQL) splits it.
 */
export interface Phrase { text: string; prefix: boolean; columns: 'keys' | 'stems' }

/** A boolean combination of phrases; `not` is "left but not right", as FTS5's binary NOT. */
export type SearchPlan =
  | { phrase: Phrase }
  | { and: SearchPlan[] }
  | { or: SearchPlan[] }
  | { not: [SearchPlan, SearchPlan] }

const phrase = (text: string, columns: Phrase['columns'], prefix = false): SearchPlan => ({ phrase: { text, prefix, columns } })

function termPlan(t: QueryTerm, allowPrefix = true, skip: ReadonlySet<string> = new Set()): SearchPlan {
  if (t.prefix && allowPrefix) {
    const { whole, start } = stemMatch(t)
    return { or: [phrase(t.key, 'keys', true), ...(start ? [phrase(start, 'stems', true)] : []), ...whole.map((s) => phrase(s, 'stems'))] }
  }
  const stems = t.stems.filter((s) => !skip.has(s))
  return stems.length ? { or: [phrase(t.key, 'keys'), ...stems.map((s) => phrase(s, 'stems'))] } : { or: [phrase(t.key, 'keys')] }
}

const groupPlan = (g: QueryTerm[]): SearchPlan => (g.length === 1 ? termPlan(g[0]!) : phrase(g.map((t) => t.key).join(' '), 'keys'))

/**
 * The plan of a parsed query: every phrase, none of the exclusions, and every word (`all`) or
 * some but not all of the words (`some`; null when fewer than two words). Null when there is
 * nothing positive to match.
 */
export function planSearch(q: ParsedQuery, match: 'all' | 'some' = 'all', common: ReadonlySet<string> = new Set()): SearchPlan | null {
  const words = q.terms.map((t) => termPlan(t))
  const phrases = q.phrases.map(groupPlan)
  let positive: SearchPlan[]
  if (match === 'all') positive = [...words, ...phrases]
  else if (words.length < 2) return null
  else {
    // Whole words only: a prefix OR-ed with the rest would pull in a good part of the collection.
    // Words and stem readings in a large share of the collection are left out of the "any of"
    // part (بعمل is kept, its reading عمل is not): an article matching only those would rank
    // below one with a rarer word anyway, and they make the matching set huge.
    const rare = q.terms.filter((t) => !common.has(t.key) || t.stems.some((s) => !common.has(s)))
    const exact = rare.length > 0 ? rare.map((t) => termPlan(t, false, common)) : q.terms.map((t) => termPlan(t, false))
    positive = [{ not: [{ or: exact }, { and: words }] }, ...phrases]
  }
  if (positive.length === 0) return null
  let plan: SearchPlan = { and: positive }
  for (const g of q.excluded) plan = { not: [plan, groupPlan(g)] }
  return plan
}

/** The keys and stems of a query, each once: what `some` asks the index's document frequencies for. */
export const queryWords = (q: ParsedQuery) => [...new Set(q.terms.flatMap((t) => [t.key, ...t.stems]))]

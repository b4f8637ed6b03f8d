import { arabicAnalyzer, type Analyzer } from '../../arabic/index.js'
import type { Clock, Repos } from '../store.js'
import { isSearchable, parseQuery, QUERY_MAX, type ParsedQuery, type QueryTerm } from './parse-query.js'
import { countSearchResults } from './search-articles.js'

/** A shorter query worth offering after a search found nothing, and how many articles it finds. */
export interface QuerySuggestion { q: string; total: number }

/** At most this many relaxed queries are searched, however long the reader's query. */
const SUGGEST_MAX_SEARCHES = 3
/** Relaxed queries keep at most this many of the words the index knows, the first ones typed. */
const SUGGEST_MAX_WORDS = 8
/** Totals are counted as for pages of this many results unless told otherwise (the search page's size). */
const SUGGEST_PER_PAGE = 10
/** No further relaxed query is searched once this much time has gone, in milliseconds. */
const SUGGEST_BUDGET_MS = 40

export interface SuggestDeps {
  repos: Pick<Repos, 'search'>
  clock: Clock
  analyzer?: Analyzer
  /** A monotonic reading in milliseconds for the time budget (`performance.now` by default). */
  now?: () => number
}

/** A query as parts to leave out: bare words, phrases and exclusions. */
interface Parts { words: QueryTerm[]; phrases: QueryTerm[][]; excluded: QueryTerm[][] }

const distinctByKey = (terms: readonly QueryTerm[]) => [...new Map(terms.map((t) => [t.key, t])).values()]

/**
 * A query as a reader could type it. The words come last, so the word being typed stays last and
 * is still matched as a prefix, as it was in the reader's query.
 */
function render(p: Parts): string {
  const group = (g: QueryTerm[]) => (g.length === 1 ? g[0]!.text : `"${g.map((t) => t.text).join(' ')}"`)
  return [
    ...p.phrases.map((g) => `"${g.map((t) => t.text).join(' ')}"`),
    ...p.excluded.map((g) => `-${group(g)}`),
    ...p.words.map((t) => t.text),
  ].join(' ')
}

/**
 * Shorter queries that find something, for a search that found nothing, each with its total. The
 * work is bounded, whatever the query: one look-up of how many articles hold each word, then at
 * most {@link SUGGEST_MAX_SEARCHES} searches, and none after {@link SUGGEST_BUDGET_MS} (the first
 * always runs). Works on the parsed query's distinct words (stop words already left out) rather
 * than on what was typed, so a suggestion is never the same query respelt. In order of promise:
 * 1. the query without the words no article has — also in phrases, where such a word makes the
 *    phrase match nothing, so its known words stay as plain words — and without exclusions of
 *    such words, which leave nothing out; at most the first {@link SUGGEST_MAX_WORDS} known words;
 * 2. that query without its exclusions; 3. with its phrases loosened into words;
 * 4. with one word left out, the word being typed first (it may be unfinished), then the rarest.
 * Suggestions are searched over the whole site, without the reader's filters; a total is what the
 * search of the suggestion shows with pages of `perPage` results (see {@link countSearchResults}).
 */
export async function suggestQueries(deps: SuggestDeps, input: { q: string; perPage?: number }): Promise<QuerySuggestion[]> {
  const analyzer = deps.analyzer ?? arabicAnalyzer
  const now = deps.now ?? (() => performance.now())
  const started = now()
  if (input.q.length > QUERY_MAX) return []
  const query = parseQuery(input.q, analyzer)
  if (!isSearchable(query)) return []

  const df = await documentFrequencies(deps.repos, query)
  // Stems are derived from the word alone, so an article with the word has its stems: no stem in
  // the index means no article has the word. A word being typed may still start one.
  const known = (t: QueryTerm) => t.prefix || t.stems.some((s) => (df.get(s) ?? 0) > 0)
  const rarity = (t: QueryTerm) => (t.prefix ? -1 : Math.max(0, ...t.stems.map((s) => df.get(s) ?? 0)))
  const livePhrases = query.phrases.filter((g) => g.every(known))
  const base: Parts = {
    words: distinctByKey([...query.terms, ...query.phrases.filter((g) => !g.every(known)).flat()].filter(known)).slice(0, SUGGEST_MAX_WORDS),
    phrases: livePhrases,
    excluded: query.excluded.filter((g) => g.every(known)),
  }

  const candidates: Parts[] = [base]
  if (base.excluded.length > 0) candidates.push({ ...base, excluded: [] })
  if (base.phrases.length > 0) {
    candidates.push({ ...base, words: distinctByKey([...base.words, ...base.phrases.flat()]).slice(0, SUGGEST_MAX_WORDS), phrases: [] })
  }
  if (base.words.length + base.phrases.length > 1) {
    for (const left of [...base.words].sort((a, b) => rarity(a) - rarity(b))) {
      candidates.push({ ...base, words: base.words.filter((t) => t !== left) })
    }
  }

  const asTyped = render({ words: distinctByKey(query.terms), phrases: query.phrases, excluded: query.excluded })
  const tried = new Set([asTyped])
  const out: QuerySuggestion[] = []
  let searches = 0
  for (const parts of candidates) {
    if (searches >= SUGGEST_MAX_SEARCHES || (searches > 0 && now() - started > SUGGEST_BUDGET_MS)) break
    const q = render(parts)
    if (tried.has(q) || q.length > QUERY_MAX) continue
    tried.add(q)
    // Counted as the suggestion's own search will parse it, so the total is what its link shows.
    const relaxed = parseQuery(q, analyzer)
    if (!isSearchable(relaxed)) continue
    searches++
    const total = await countSearchResults(deps, relaxed, input.perPage ?? SUGGEST_PER_PAGE)
    if (total > 0) out.push({ q, total })
  }
  return out
}

/** How many articles hold each stem of the query's words, in one look-up. */
function documentFrequencies(repos: Pick<Repos, 'search'>, q: ParsedQuery): Promise<Map<string, number>> {
  const stems = new Set([...q.terms, ...q.phrases.flat(), ...q.excluded.flat()].flatMap((t) => t.stems))
  return repos.search.documentFrequencies([...stems])
}

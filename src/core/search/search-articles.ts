import { arabicAnalyzer, type Analyzer } from '../../arabic/index.js'
import type { ArticleSummary, TagRef } from '../articles/article.js'
import { NotFoundError, ValidationError } from '../errors.js'
import type { Clock, Repos } from '../store.js'
import type { SearchFilters, SearchHit, SearchIndex } from './search-index.js'
import type { Author, Category } from '../taxonomy/taxonomy.js'
import { resolveFilters } from '../articles/resolve-filters.js'
import { isSearchable, parseQuery, QUERY_MAX, type ParsedQuery } from './parse-query.js'
import { buildSnippet, type SnippetPart } from './snippet.js'

export interface SearchInput {
  q: string
  category?: string
  tag?: string
  author?: string
  from?: Date
  to?: Date
  page: number
  perPage: number
}

export interface SearchResult {
  article: ArticleSummary
  title: SnippetPart[]
  snippet: SnippetPart[]
  score: number
}

export interface SearchResults {
  items: SearchResult[]
  total: number
  page: number
  pages: number
  query: ParsedQuery
  category: Category | null
  tag: TagRef | null
  author: Author | null
}

/**
 * Arabic-aware search over visible articles: the reader's words matched by spelling-folded key or
 * by stem, `"phrases"` and `-exclusions`, filtered by desk (with its sub-desks), tag, author and
 * date range, best first, with the passage that shows the matched words. A query with nothing to
 * match returns no results rather than an error; a filter naming something unknown, or a page
 * past the end, is NotFound.
 */
export async function searchArticles(
  deps: { repos: Pick<Repos, 'articles' | 'search' | 'categories' | 'tags' | 'authors'>; clock: Clock; analyzer?: Analyzer },
  input: SearchInput,
): Promise<SearchResults> {
  const analyzer = deps.analyzer ?? arabicAnalyzer
  const { repos } = deps
  if (input.q.length > QUERY_MAX) throw new ValidationError({ q: `longer than ${QUERY_MAX} characters` })
  if (input.from && input.to && input.from > input.to) throw new ValidationError({ from: 'after to' })
  const { category, tag, author, categoryIds } = await resolveFilters(repos, input)

  const query = parseQuery(input.q, analyzer)
  const empty: SearchResults = { items: [], total: 0, page: 1, pages: 1, query, category, tag, author }
  if (!isSearchable(query)) return empty
  const filters = {
    visibleAt: deps.clock.now(),
    categoryIds,
    tagId: tag?.id,
    authorId: author?.id,
    from: input.from,
    to: input.to,
  }
  const { hits, total } = await findPage(repos.search, query, filters, input.page, input.perPage)
  const pages = Math.max(1, Math.ceil(total / input.perPage))
  if (input.page > pages) throw new NotFoundError('page', input.page)

  const articles = new Map((await repos.articles.getMany(hits.map((h) => h.id))).map((a) => [a.id, a]))
  const items = hits.flatMap((h) => {
    const a = articles.get(h.id)
    if (!a) return []
    const { bodyText, ...summary } = a
    return [{
      article: summary,
      title: buildSnippet(analyzer, a.title, query),
      snippet: buildSnippet(analyzer, [a.dek, bodyText].filter(Boolean).join('\n'), query),
      score: h.score,
    }]
  })
  return { items, total, page: input.page, pages, query, category, tag, author }
}

/**
 * How many articles {@link searchArticles} finds for a parsed query over the whole site (no
 * filters), counted as it counts them for pages of `perPage`, without loading any article: what a
 * link to that search would show as its total.
 */
export async function countSearchResults(deps: { repos: Pick<Repos, 'search'>; clock: Clock }, query: ParsedQuery, perPage: number): Promise<number> {
  if (!isSearchable(query)) return 0
  return (await findPage(deps.repos.search, query, { visibleAt: deps.clock.now() }, 1, perPage)).total
}

/**
 * One page of hits and the total. Articles with every word come first. When they do not fill a
 * page, those with some of the words follow, so a misspelt or extra word narrows the ranking
 * instead of emptying it; when they do, the some-words search (the costly one: any word of the
 * query) is not run at all, and the total counts the every-word matches only.
 */
async function findPage(index: SearchIndex, query: ParsedQuery, filters: SearchFilters, page: number, perPage: number): Promise<{ hits: SearchHit[]; total: number }> {
  const offset = (page - 1) * perPage
  const all = await index.search(query, filters, { offset, limit: perPage }, 'all')
  const some = all.total >= perPage
    ? { hits: [], total: 0 }
    : await index.search(query, filters, { offset: Math.max(0, offset - all.total), limit: perPage - all.hits.length }, 'some')
  return { hits: [...all.hits, ...some.hits], total: all.total + some.total }
}

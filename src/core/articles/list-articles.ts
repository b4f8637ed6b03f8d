import type { ArticleSummary } from './article.js'
import { searchArticles } from '../search/search-articles.js'
import { QUERY_MAX } from '../search/parse-query.js'
import type { Clock, Repos } from '../store.js'
import { NotFoundError, ValidationError } from '../errors.js'
import type { Author, Category } from '../taxonomy/taxonomy.js'
import { resolveFilters } from './resolve-filters.js'
import type { TagRef } from './article.js'

export interface ArticleFilters {
  category?: string
  tag?: string
  author?: string
  q?: string
}

export interface ArticleList {
  items: ArticleSummary[]
  total: number
  page: number
  pages: number
  perPage: number
  /** The archive's subject, when a filter named one. */
  category: Category | null
  tag: TagRef | null
  author: Author | null
}


/**
 * A page of visible articles, newest first, filtered by category (with its sub-desks), tag and
 * author; with words (`q`), the best matches first, as `searchArticles` finds them. A filter naming something that does not exist, or a page past the end
 * (other than an empty first page), is NotFound, so archives 404 instead of showing nothing.
 */
export async function listArticles(
  deps: { repos: Pick<Repos, 'articles' | 'search' | 'categories' | 'tags' | 'authors'>; clock: Clock },
  input: ArticleFilters & { page: number; perPage: number },
): Promise<ArticleList> {
  const { repos } = deps
  if (input.q !== undefined && input.q.length > QUERY_MAX) throw new ValidationError({ q: `longer than ${QUERY_MAX} characters` })
  const q = input.q?.trim()
  if (q) {
    // Words make it a search: the same Arabic-aware matching as the search page, best first
    // (which resolves the filters by the same rule as below).
    const found = await searchArticles(deps, { q, category: input.category, tag: input.tag, author: input.author, page: input.page, perPage: input.perPage })
    const { category, tag, author } = found
    return { items: found.items.map((i) => i.article), total: found.total, page: found.page, pages: found.pages, perPage: input.perPage, category, tag, author }
  }
  const { category, tag, author, categoryIds } = await resolveFilters(repos, input)
  const filters = {
    visibleAt: deps.clock.now(),
    categoryIds,
    tagId: tag?.id,
    authorId: author?.id,
  }
  const [items, total] = await Promise.all([
    repos.articles.list({ ...filters, offset: (input.page - 1) * input.perPage, limit: input.perPage }),
    repos.articles.countMatching(filters),
  ])
  const pages = Math.max(1, Math.ceil(total / input.perPage))
  if (input.page > pages) throw new NotFoundError('page', input.page)
  return { items, total, page: input.page, pages, perPage: input.perPage, category, tag, author }
}

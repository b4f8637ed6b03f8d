import type { FastifyInstance } from 'fastify'
import { archivePath, categoryTree, QUERY_MAX, searchArticles, suggestQueries, type Category, type Repos, type SearchResults } from '../../core/index.js'
import { PageLayout, renderDocument, SearchPage, type LinkVm, type SearchVm } from '../../views/index.js'
import { buildLayout, cachedChrome } from './layout.js'
import { pageHref, presentCard, presentPagination } from './present.js'
import { SearchQuery } from './query.schema.js'
import type { SiteDeps } from './site-deps.js'
import { parseValidated } from '../hooks/validate.js'
import { perMinute } from '../hooks/rate-limit.js'
import { DayRange, endOfDay } from '../params.schema.js'

export const SEARCH_PAGE_SIZE = 10

/** Shorter queries that find something (the rule shared with the API), then the busiest desks. */
async function suggest(deps: SiteDeps, results: SearchResults, q: string, categories: readonly Category[]): Promise<LinkVm[]> {
  const found = await suggestQueries({ repos: deps.store, clock: deps.clock }, { q, perPage: SEARCH_PAGE_SIZE })
  const out: LinkVm[] = found.map((s) => ({ href: pageHref('/search', 1, { q: s.q }), name: `${s.q} (${s.total})` }))
  if (results.category) out.push({ href: pageHref('/search', 1, { q }), name: `«${q}» في كل الأقسام` })
  const desks = categoryTree(categories).slice(0, 4)
  return [...out, ...desks.map((c) => ({ href: archivePath.category(c.slug), name: c.name }))]
}

/**
 * `/search?q=&category=&from=&to=&page=`: not cached, since every query differs, and rate limited
 * per address, since a search costs far more than a cached page (the 429 page is the Arabic error
 * page). An over-long query gets the page back with
 * a message and status 400, so the reader can shorten it.
 */
export function registerSearchRoutes(app: FastifyInstance, deps: SiteDeps): void {
  app.get<{ Querystring: unknown }>('/search', perMinute(deps.searchRateLimit), async (req, reply) => {
    const { q: raw = '', page = 1, category, from, to } = parseValidated(SearchQuery, req.query)
    const query = raw.trim()
    const repos: Repos = deps.store
    const { categories } = await cachedChrome(deps.store, deps.clock)
    const vm: SearchVm = {
      query, results: [], total: 0, pagination: null, problem: null, suggestions: [],
      filters: {
        categories: categoryTree(categories).flatMap((c) => [c, ...c.children]).map((c) => ({ slug: c.slug, name: c.name, selected: c.slug === category })),
        from: from ?? '', to: to ?? '',
      },
    }
    if (query.length > QUERY_MAX) {
      vm.problem = `عبارة البحث أطول من ${QUERY_MAX} حرف. اختصرها ثم أعد المحاولة.`
      reply.code(400)
    } else if (query) {
      const days = parseValidated(DayRange, { from: from || undefined, to: to || undefined })
      const found = await searchArticles({ repos, clock: deps.clock }, {
        q: query, category: category || undefined, from: days.from, to: days.to && endOfDay(days.to), page, perPage: SEARCH_PAGE_SIZE,
      })
      vm.results = found.items.map((r) => ({ card: presentCard(r.article), title: r.title, snippet: r.snippet }))
      vm.total = found.total
      const extra = Object.fromEntries(Object.entries({ q: query, category, from, to }).filter(([, v]) => v)) as Record<string, string>
      vm.pagination = presentPagination(found.page, found.pages, (p) => pageHref('/search', p, extra))
      if (found.total === 0) vm.suggestions = await suggest(deps, found, query, categories)
    }
    const layout = await buildLayout(deps, {
      title: query ? `نتائج البحث عن «${query.slice(0, 60)}»` : 'البحث',
      path: query ? pageHref('/search', page, { q: query }) : '/search',
      searchQuery: query,
    })
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store')
      .send(renderDocument(<PageLayout vm={layout}><SearchPage vm={vm} /></PageLayout>))
  })
}

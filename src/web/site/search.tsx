import type { FastifyInstance } from 'fastify'
import { listArticles, QUERY_MAX } from '../../core/index.js'
import { PageLayout, renderDocument, SearchPage, type SearchVm } from '../../views/index.js'
import { buildLayout } from './layout.js'
import { pageHref, presentCard, presentPagination } from './present.js'
import { SearchQuery } from './query.schema.js'
import type { SiteDeps } from './site-deps.js'
import { parseValidated } from '../hooks/validate.js'

export const SEARCH_PAGE_SIZE = 10

/**
 * `/search?q=`: not cached, since every query differs. An over-long query gets the page back
 * with a message and status 400, not an error page, so the reader can shorten it.
 */
export function registerSearchRoutes(app: FastifyInstance, deps: SiteDeps): void {
  app.get<{ Querystring: unknown }>('/search', async (req, reply) => {
    const { q: raw = '', page = 1 } = parseValidated(SearchQuery, req.query)
    const query = raw.trim()
    const repos = deps.store
    const vm: SearchVm = { query, articles: [], total: 0, pagination: null, problem: null }
    if (query.length > QUERY_MAX) {
      vm.problem = `عبارة البحث أطول من ${QUERY_MAX} حرف. اختصرها ثم أعد المحاولة.`
      reply.code(400)
    } else if (query) {
      const list = await listArticles({ repos, clock: deps.clock }, { q: query, page, perPage: SEARCH_PAGE_SIZE })
      vm.articles = list.items.map(presentCard)
      vm.total = list.total
      vm.pagination = presentPagination(page, list.pages, (p) => pageHref('/search', p, { q: query }))
    }
    const layout = await buildLayout({ ...deps, repos }, {
      title: query ? `نتائج البحث عن «${query.slice(0, 60)}»` : 'البحث',
      path: query ? pageHref('/search', page, { q: query }) : '/search',
      searchQuery: query,
    })
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store')
      .send(renderDocument(<PageLayout vm={layout}><SearchPage vm={vm} /></PageLayout>))
  })
}

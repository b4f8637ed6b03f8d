import type { FastifyInstance } from 'fastify'
import { categoryTree, getArticle, listArticles, type Clock, type Store } from '../../core/index.js'
import { parseValidated } from '../hooks/validate.js'
import { ArticleIdParams, ListArticlesQuery } from './articles.schema.js'
import { presentArticle, presentArticleSummary, presentCategory } from './articles.present.js'

/** JSON API v1: the same use cases as the site, presented as data. */
export function registerApiRoutes(app: FastifyInstance, deps: { store: Store; clock: Clock }): void {
  const core = { repos: deps.store, clock: deps.clock }

  app.get('/api/v1/articles', async (req, reply) => {
    const { page, limit, ...filters } = parseValidated(ListArticlesQuery, req.query)
    const list = await listArticles(core, { ...filters, page, perPage: limit })
    reply.header('cache-control', 'no-cache')
    return { items: list.items.map(presentArticleSummary), page: list.page, pages: list.pages, limit, total: list.total }
  })

  app.get('/api/v1/articles/:id', async (req, reply) => {
    const { id } = parseValidated(ArticleIdParams, req.params)
    reply.header('cache-control', 'no-cache')
    return presentArticle(await getArticle(core, { id }))
  })

  app.get('/api/v1/categories', async () => {
    const all = await deps.store.categories.all()
    const ordered = categoryTree(all).flatMap((c) => [c, ...c.children])
    return { items: ordered.map((c) => presentCategory(c, all)) }
  })

  app.get('/healthz', async (_req, reply) => {
    reply.header('cache-control', 'no-store')
    return { status: 'ok', contentVersion: deps.store.contentVersion() }
  })
}

import type { FastifyInstance } from 'fastify'
import { articlePath, escapeHtml, searchArticles, suggestQueries, type Clock, type SnippetPart, type Store } from '../../core/index.js'
import { parseValidated } from '../hooks/validate.js'
import { SearchApiQuery } from './search.schema.js'
import { endOfDay } from '../params.schema.js'
import { perMinute } from '../hooks/rate-limit.js'

/** A snippet as HTML: text escaped, matched words in `<mark>`. */
export function snippetHtml(parts: readonly SnippetPart[]): string {
  return parts.map((p) => (p.hit ? `<mark>${escapeHtml(p.text)}</mark>` : escapeHtml(p.text))).join('')
}

/**
 * `GET /api/v1/search`: the search page's results as data; when nothing matches, the page's
 * suggestions too (`suggestions: [{ q, total }]`). Rate limited per address as the page is.
 */
export function registerSearchApi(app: FastifyInstance, deps: { store: Store; clock: Clock; searchRateLimit: number }): void {
  app.get('/api/v1/search', perMinute(deps.searchRateLimit), async (req, reply) => {
    const { q: raw, page, limit, from, to, ...filters } = parseValidated(SearchApiQuery, req.query)
    const q = raw.trim()
    const core = { repos: deps.store, clock: deps.clock }
    const found = await searchArticles(core, { q, ...filters, from, to: to && endOfDay(to), page, perPage: limit })
    const suggestions = found.total === 0 ? await suggestQueries(core, { q, perPage: limit }) : null
    reply.header('cache-control', 'no-cache')
    return {
      items: found.items.map((r) => ({
        id: r.article.id,
        externalId: r.article.externalId,
        title: r.article.title,
        url: articlePath(r.article),
        snippet: snippetHtml(r.snippet),
        score: Math.round(r.score * 1000) / 1000,
        category: { slug: r.article.category.slug, name: r.article.category.name },
        publishedAt: r.article.publishedAt?.toISOString() ?? null,
      })),
      total: found.total,
      page: found.page,
      pages: found.pages,
      ...(suggestions && { suggestions }),
    }
  })
}

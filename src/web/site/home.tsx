import type { FastifyInstance } from 'fastify'
import { archivePath, getFrontPage } from '../../core/index.js'
import { HomePage, PageLayout, renderDocument } from '../../views/index.js'
import { buildLayout } from './layout.js'
import { presentCard } from './present.js'
import type { SiteDeps } from './site-deps.js'
import { pageKey } from '../hooks/page-cache.js'

export function registerHomeRoutes(app: FastifyInstance, deps: SiteDeps): void {
  app.get('/', (req, reply) => deps.pages.send(req, reply, pageKey(req.url), async () => {
    const repos = deps.store
    const front = await getFrontPage({ repos, clock: deps.clock })
    const layout = await buildLayout(deps, { title: '', path: '/' }, front)
    const vm = {
      featured: front.featured.map(presentCard),
      latest: front.latest.map(presentCard),
      sections: front.sections.map((s) => ({
        category: { href: archivePath.category(s.category.slug), name: s.category.name },
        articles: s.articles.map(presentCard),
      })),
    }
    return renderDocument(<PageLayout vm={layout}><HomePage vm={vm} /></PageLayout>)
  }))
}

import type { FastifyInstance } from 'fastify'
import { archivePath, listArticles, type ArticleFilters } from '../../core/index.js'
import { ArchivePage, PageLayout, renderDocument } from '../../views/index.js'
import { buildLayout } from './layout.js'
import { pageHref, presentCard, presentPagination } from './present.js'
import { ArchiveQuery } from './query.schema.js'
import type { SiteDeps } from './site-deps.js'
import { parseValidated } from '../hooks/validate.js'
import { pageKey } from '../hooks/page-cache.js'

export const ARCHIVE_PAGE_SIZE = 12
/** The query parameters an archive page reads. */
export const ARCHIVE_PARAMS = ['page'] as const

const KINDS = {
  category: { label: 'قسم', filter: (slug: string): ArticleFilters => ({ category: slug }) },
  tag: { label: 'وسم', filter: (slug: string): ArticleFilters => ({ tag: slug }) },
  author: { label: 'الكاتب', filter: (slug: string): ArticleFilters => ({ author: slug }) },
} as const

/** `/category/:slug`, `/tag/:slug`, `/author/:slug`, newest first, paged by `?page=`. */
export function registerArchiveRoutes(app: FastifyInstance, deps: SiteDeps): void {
  for (const kind of Object.keys(KINDS) as Array<keyof typeof KINDS>) {
    app.get<{ Params: { slug: string }; Querystring: unknown }>(`/${kind}/:slug`, (req, reply) => {
      const { page = 1 } = parseValidated(ArchiveQuery, req.query)
      const slug = req.params.slug
      return deps.pages.send(req, reply, pageKey(req.url, { page: page > 1 ? page : undefined }), async () => {
        const list = await listArticles({ repos: deps.store, clock: deps.clock }, { ...KINDS[kind].filter(slug), page, perPage: ARCHIVE_PAGE_SIZE })
        const subject = list.category ?? list.tag ?? list.author!
        const base = archivePath[kind](subject.slug)
        const description = list.category?.description ?? list.author?.bio ?? null
        const layout = await buildLayout(deps, {
          title: page > 1 ? `${subject.name} — صفحة ${page}` : subject.name,
          description: description ?? `آخر أخبار ${subject.name} على ${deps.siteName}.`,
          path: pageHref(base, page),
          currentCategorySlug: list.category?.slug,
        })
        const vm = {
          kind: KINDS[kind].label,
          heading: subject.name,
          description,
          articles: list.items.map(presentCard),
          total: list.total,
          pagination: presentPagination(page, list.pages, (p) => pageHref(base, p)),
        }
        return renderDocument(<PageLayout vm={layout}><ArchivePage vm={vm} /></PageLayout>)
      })
    })
  }
}

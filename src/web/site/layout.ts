import { archivePath, categoryTree, FRONT_PAGE, type Repos, type Clock } from '../../core/index.js'
import type { LayoutVm } from '../../views/index.js'
import type { SiteDeps } from './site-deps.js'
import { articlePath } from '../../core/index.js'

export interface LayoutInput {
  title: string
  description?: string
  /** Site-relative path of the page's canonical URL. */
  path: string
  currentCategorySlug?: string
  og?: LayoutVm['og']
  searchQuery?: string
}

/** The chrome every page shares: desks for the navigation and the breaking-news ticker. */
export async function buildLayout(deps: Pick<SiteDeps, 'siteName' | 'siteUrl' | 'assetVersion'> & { repos: Repos; clock: Clock }, input: LayoutInput): Promise<LayoutVm> {
  const [categories, breaking] = await Promise.all([
    deps.repos.categories.all(),
    deps.repos.articles.list({ visibleAt: deps.clock.now(), breaking: true, offset: 0, limit: FRONT_PAGE.breaking }),
  ])
  return {
    siteName: deps.siteName,
    title: input.title,
    description: input.description ?? `${deps.siteName}: آخر أخبار العرب والعالم، السياسة والاقتصاد والرياضة والثقافة.`,
    canonical: deps.siteUrl + input.path,
    nav: categoryTree(categories).map((c) => ({
      href: archivePath.category(c.slug),
      name: c.name,
      current: c.slug === input.currentCategorySlug || c.children.some((k) => k.slug === input.currentCategorySlug),
      children: c.children.map((k) => ({ href: archivePath.category(k.slug), name: k.name })),
    })),
    assetVersion: deps.assetVersion,
    og: input.og,
    breaking: breaking.items.map((a) => ({ href: articlePath(a), name: a.title })),
    searchQuery: input.searchQuery ?? '',
  }
}

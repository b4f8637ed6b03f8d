import { archivePath, articlePath, categoryTree, FRONT_PAGE, type ArticleSummary, type Category, type Clock, type Repos } from '../../core/index.js'
import { formatGregorian, formatHijri } from '../../arabic/index.js'
import type { LayoutVm } from '../../views/index.js'
import type { SiteDeps } from './site-deps.js'

export interface LayoutInput {
  title: string
  description?: string
  /** Site-relative path of the page's canonical URL. */
  path: string
  currentCategorySlug?: string
  og?: LayoutVm['og']
  searchQuery?: string
}

/** What every page's chrome shows from the store: the desks and the breaking stories. */
export interface SiteChrome { categories: Category[]; breaking: ArticleSummary[] }

export async function loadChrome(repos: Repos, clock: Clock): Promise<SiteChrome> {
  const [categories, breaking] = await Promise.all([
    repos.categories.all(),
    repos.articles.list({ visibleAt: clock.now(), breaking: true, offset: 0, limit: FRONT_PAGE.breaking }),
  ])
  return { categories, breaking }
}

/** The layout's view model: navigation, ticker, metadata. Pages that already hold the chrome pass it in. */
export async function buildLayout(
  deps: Pick<SiteDeps, 'siteName' | 'siteUrl' | 'assetVersion'> & { repos: Repos; clock: Clock },
  input: LayoutInput,
  chrome?: SiteChrome,
): Promise<LayoutVm> {
  const { categories, breaking } = chrome ?? await loadChrome(deps.repos, deps.clock)
  const now = deps.clock.now()
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
    breaking: breaking.map((a) => ({ href: articlePath(a), name: a.title })),
    searchQuery: input.searchQuery ?? '',
    today: { iso: now.toISOString().slice(0, 10), gregorian: formatGregorian(now), hijri: formatHijri(now) },
  }
}

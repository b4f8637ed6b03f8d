import { archivePath, articlePath, categoryTree, FRONT_PAGE, type ArticleSummary, type Category, type Clock, type Repos, type Store } from '../../core/index.js'
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

async function loadChrome(repos: Pick<Repos, 'articles' | 'categories'>, clock: Clock): Promise<SiteChrome> {
  const [categories, breaking] = await Promise.all([
    repos.categories.all(),
    repos.articles.list({ visibleAt: clock.now(), breaking: true, offset: 0, limit: FRONT_PAGE.breaking }),
  ])
  return { categories, breaking }
}

// Pages that are never cached whole (search results, errors) still share the chrome: kept while
// the content version is unchanged, and for at most a minute (a scheduled breaking story).
const chromeMemo = new WeakMap<Store, { version: string; until: number; chrome: Promise<SiteChrome> }>()

export function cachedChrome(store: Store, clock: Clock): Promise<SiteChrome> {
  const version = store.contentVersion()
  const now = clock.now().getTime()
  const memo = chromeMemo.get(store)
  if (memo && memo.version === version && memo.until > now) return memo.chrome
  const chrome = loadChrome(store, clock)
  chromeMemo.set(store, { version, until: now + 60_000, chrome })
  chrome.catch(() => chromeMemo.delete(store))
  return chrome
}

/** The layout's view model: navigation, ticker, metadata. Pages that already hold the chrome pass it in. */
export async function buildLayout(
  deps: Pick<SiteDeps, 'siteName' | 'siteUrl' | 'assetVersion'> & { store: Store; clock: Clock },
  input: LayoutInput,
  chrome?: SiteChrome,
): Promise<LayoutVm> {
  const { categories, breaking } = chrome ?? await cachedChrome(deps.store, deps.clock)
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

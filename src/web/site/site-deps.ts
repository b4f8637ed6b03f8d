import type { Clock, Store } from '../../core/index.js'
import type { PageCache } from '../hooks/page-cache.js'
import type { FormTokens } from '../hooks/form-token.js'

/** What the public site's handlers are given by the app. */
export interface SiteDeps {
  store: Store
  clock: Clock
  pages: PageCache
  tokens: FormTokens
  siteName: string
  siteUrl: string
  assetVersion: string
  /** Searches a minute per client address; 0 for no limit. */
  searchRateLimit: number
}

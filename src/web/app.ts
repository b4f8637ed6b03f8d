import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import Fastify, { LogController, type FastifyInstance, type FastifyRequest } from 'fastify'
import formbody from '@fastify/formbody'
import rateLimit from '@fastify/rate-limit'
import fastifyStatic from '@fastify/static'
import type { Redis } from 'ioredis'
import { isVisible, sessionUser, type Clock, type Store } from '../core/index.js'
import { createPageCache } from './hooks/page-cache.js'
import { createFormTokens } from './hooks/form-token.js'
import { registerErrorHandling } from './hooks/errors.js'
import { registerFrontHook } from './hooks/front-hook.js'
import { registerHomeRoutes } from './site/home.js'
import { ARTICLE_PARAMS, emptyForm, registerArticleRoutes, renderArticle } from './site/article.js'
import { ARCHIVE_PARAMS, registerArchiveRoutes } from './site/archives.js'
import { registerSearchRoutes } from './site/search.js'
import { registerApiRoutes } from './api/articles.routes.js'
import { registerSearchApi } from './api/search.routes.js'
import { adminApi } from './api/admin.routes.js'
import { newsroom } from './newsroom/newsroom.js'
import { STATUS_LABELS } from './newsroom/present.js'
import { hasSessionCookie, sessionToken } from './hooks/session-cookie.js'

export interface AppOptions {
  store: Store
  clock?: Clock
  siteName: string
  siteUrl: string
  /** Signs the public forms' tokens. */
  secret: string
  /** Folder of uploaded and generated media, served at /media/. */
  mediaDir: string
  logLevel?: string
  /** How long a rendered page may be served from memory without re-checking the clock; 0 renders every request. */
  pageCacheTtlMs?: number
  /** Memory the rendered pages may take, in bytes. */
  pageCacheMaxBytes?: number
  /** Searches a minute per client address, on the page and the API each (default 120); 0 for no limit. */
  searchRateLimit?: number
  /** Which of `khabar serve`'s workers this is: sent as `x-khabar-worker`, so a check can tell who answered. */
  workerId?: number
  /**
   * Proxies whose X-Forwarded-For names the client (Fastify's `trustProxy`): `true` for any, a hop
   * count, or addresses and CIDR ranges. Off by default, since a client reaching the app directly
   * could otherwise choose its own address and so dodge the rate limits.
   */
  trustProxy?: boolean | number | readonly string[]
  /**
   * Count the rate limits in this Redis (see createRateLimitRedis), under keys starting with
   * `nameSpace` (default `khabar:rl:`), so every app process enforces one limit together; without
   * it each process counts its own.
   */
  sharedRateLimits?: { redis: Redis; nameSpace?: string }
}

const here = dirname(fileURLToPath(import.meta.url))
const assetsDir = join(here, 'assets')
const require = createRequire(import.meta.url)
const fontDirs = ['@fontsource/noto-naskh-arabic', '@fontsource/noto-kufi-arabic']
  .map((pkg) => join(dirname(require.resolve(`${pkg}/package.json`)), 'files'))

/** A short hash of the site's and the newsroom's CSS and JS: asset URLs change when they do, so they can be cached for a year. */
function assetVersion(): string {
  const h = createHash('sha1')
  // The editor's bundle is built at install (npm run build:assets); without it the newsroom's
  // body field stays a plain textarea.
  for (const f of ['site.css', 'site.js', 'newsroom.css', 'newsroom/editor.js']) {
    if (existsSync(join(assetsDir, f))) h.update(readFileSync(join(assetsDir, f)))
  }
  return h.digest('hex').slice(0, 10)
}

/** Every query parameter a cached page reads (archives' `page`, the article's comment form state). */
const CACHED_PAGE_PARAMS = [ARCHIVE_PARAMS, ARTICLE_PARAMS].flat()

/**
 * Fastify's `trustProxy` for the option. Fastify 5.12 ignores a bare hop count (it cannot tell a
 * proxy from a client that reaches the app directly), so the count becomes the function Fastify
 * asks for instead: it carries the same caveat as `true`, but behind one proxy it believes only the
 * entry that proxy appended, where `true` believes the leftmost, which the client wrote.
 */
function trustedProxies(trust: AppOptions['trustProxy'] = false): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return (_address, hop) => hop < trust
  return typeof trust === 'object' ? [...trust] : trust
}

/**
 * @fastify/rate-limit's options for counting in Redis. When Redis is unreachable or slow, requests
 * are served uncounted (`skipOnError`): a news site keeps serving its readers through a Redis
 * outage, and limits only resume with Redis. The outage is logged once, not at every reconnection.
 */
function sharedRateLimits(app: FastifyInstance, shared: AppOptions['sharedRateLimits']) {
  if (!shared) return {}
  let down = false
  const onError = (e: Error) => {
    if (!down) app.log.warn(`rate limits are not counted while Redis is unreachable: ${e.message}`)
    down = true
  }
  const onReady = () => {
    if (down) app.log.warn('Redis is back: rate limits are counted again')
    down = false
  }
  shared.redis.on('error', onError).on('ready', onReady)
  // The client outlives the app (its owner closes it), so the app takes its listeners with it.
  app.addHook('onClose', async () => { shared.redis.off('error', onError).off('ready', onReady) })
  return { redis: shared.redis, nameSpace: shared.nameSpace ?? 'khabar:rl:', skipOnError: true }
}

/** Builds the whole HTTP app (site, API, assets) without listening, so tests can `inject`. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  // Canonical and share links are built from the site URL on every page: a bad one is refused
  // here, at boot, rather than discovered as a failing page.
  if (!/^https?:\/\/[^/?#]+$/.test(opts.siteUrl) || !URL.canParse(opts.siteUrl)) {
    throw new Error(`site URL ${JSON.stringify(opts.siteUrl)} is not an http(s) origin such as https://news.example`)
  }
  const clock = opts.clock ?? { now: () => new Date() }
  const app = Fastify({
    logger: { level: opts.logLevel ?? 'warn' },
    // Per-request access logs cost more than the cached page itself; errors are still logged.
    logController: new LogController({ disableRequestLogging: true }),
    // Percent-encoded Arabic slugs are long: each letter is six characters on the wire.
    routerOptions: { maxParamLength: 2000, ignoreTrailingSlash: true },
    return503OnClosing: true,
    // req.ip (rate-limit buckets, a comment's address) is then the client's, not the proxy's.
    trustProxy: trustedProxies(opts.trustProxy),
    // Errors Fastify meets before routing (a malformed percent-encoded path, a bad body) get the
    // same Arabic page or JSON error as everything else.
    frameworkErrors: (error, req, reply) => void handleError(error, req, reply),
  })
  // A signed-in member's public pages are rendered for them (an edit link), never from or into the cache.
  const personal = {
    present: hasSessionCookie,
    resolve: async (req: FastifyRequest) => {
      const token = sessionToken(req)
      return token ? sessionUser({ sessions: opts.store.sessions, clock }, token) : null
    },
  }
  const pages = createPageCache({
    contentVersion: () => opts.store.contentVersion(), ttlMs: opts.pageCacheTtlMs, maxBytes: opts.pageCacheMaxBytes, keyParams: CACHED_PAGE_PARAMS, personal,
  })
  const deps = {
    store: opts.store, clock, pages, tokens: createFormTokens(opts.secret),
    siteName: opts.siteName, siteUrl: opts.siteUrl, assetVersion: assetVersion(),
    searchRateLimit: opts.searchRateLimit ?? 120,
  }
  registerFrontHook(app, pages, opts.workerId === undefined ? {} : { 'x-khabar-worker': String(opts.workerId) })
  await app.register(formbody, { bodyLimit: 64 * 1024 })
  await app.register(rateLimit, { global: false, ...sharedRateLimits(app, opts.sharedRateLimits) })
  await app.register(fastifyStatic, { root: assetsDir, prefix: '/assets/', maxAge: '365d', immutable: true, index: false })
  await app.register(fastifyStatic, { root: fontDirs, prefix: '/assets/fonts/', maxAge: '365d', immutable: true, decorateReply: false, index: false })
  await app.register(fastifyStatic, { root: resolve(opts.mediaDir), prefix: '/media/', maxAge: '7d', decorateReply: false, index: false })
  const handleError = registerErrorHandling(app, deps)
  registerHomeRoutes(app, deps)
  registerArticleRoutes(app, deps)
  registerArchiveRoutes(app, deps)
  registerSearchRoutes(app, deps)
  registerApiRoutes(app, deps)
  registerSearchApi(app, deps)
  await app.register(adminApi, { prefix: '/api/v1/admin', store: opts.store, clock, siteUrl: opts.siteUrl })
  await app.register(newsroom, {
    store: opts.store, clock, siteName: opts.siteName, siteUrl: opts.siteUrl, secret: opts.secret, assetVersion: deps.assetVersion,
    forms: deps.tokens,
    renderPreview: (article) => renderArticle(deps, article, emptyForm(), isVisible(article, clock.now()) ? {} : { previewOf: STATUS_LABELS[article.status] }),
  })
  return app
}

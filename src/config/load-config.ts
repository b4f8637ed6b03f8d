import { isIP } from 'node:net'
import { resolve } from 'node:path'
import { z } from 'zod'

/** Which proxies' X-Forwarded-For to believe: none, any, so many hops, or these addresses and ranges. */
export type TrustProxy = boolean | number | readonly string[]

// proxy-addr's (and so Fastify's) names for the loopback, link-local and private ranges.
const ADDRESS_PRESETS = new Set(['loopback', 'linklocal', 'uniquelocal'])

/** An IPv4 or IPv6 address, optionally with a CIDR prefix length, or one of the preset names. */
function isAddressOrRange(item: string): boolean {
  if (ADDRESS_PRESETS.has(item)) return true
  const [address = '', bits, ...rest] = item.split('/')
  const family = isIP(address)
  if (family === 0 || rest.length > 0) return false
  return bits === undefined || (/^[0-9]{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128))
}

function isRedisUrl(value: string): boolean {
  if (!URL.canParse(value)) return false
  const url = new URL(value)
  return (url.protocol === 'redis:' || url.protocol === 'rediss:') && url.hostname !== ''
}

function parseTrustProxy(value: string, ctx: z.RefinementCtx): TrustProxy {
  const v = value.trim()
  if (v === '' || v === 'false' || v === '0') return false
  if (v === 'true') return true
  if (/^[0-9]{1,3}$/.test(v)) return Number(v)
  const list = v.split(',').map((item) => item.trim())
  const bad = list.filter((item) => !isAddressOrRange(item))
  if (bad.length === 0) return Object.freeze(list)
  ctx.addIssue({
    code: z.ZodIssueCode.custom,
    message: `${bad.map((b) => JSON.stringify(b)).join(', ')}: expected true, a hop count, or a comma-separated list of addresses and CIDR ranges (e.g. 10.0.0.0/8, ::1)`,
  })
  return z.NEVER
}

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  KHABAR_DATA_DIR: z.string().min(1).default('data'),
  KHABAR_DEMO: z.enum(['0', '1']).default('1'),
  KHABAR_SITE_NAME: z.string().min(1).default('خبر'),
  KHABAR_SITE_URL: z.string().optional(),
  KHABAR_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  /** How long a rendered page is reused while content is unchanged (ms); 0 renders every request. */
  KHABAR_PAGE_CACHE_TTL_MS: z.coerce.number().int().min(0).default(60_000),
  /** Memory the rendered pages may take (MB). */
  KHABAR_PAGE_CACHE_MB: z.coerce.number().int().min(1).max(65_536).default(64),
  /** Searches a minute one address may make, on the search page and on the API each; 0 turns the limit off. */
  KHABAR_SEARCH_RATE_LIMIT: z.coerce.number().int().min(0).default(120),
  /** Proxies whose X-Forwarded-For gives the client's address (for rate limits and comments); none by default. */
  KHABAR_TRUST_PROXY: z.string().default('').transform(parseTrustProxy),
  /** Redis in which every app process counts the rate limits together; unset, each process counts its own. */
  KHABAR_REDIS_URL: z.string().optional().refine((v) => v === undefined || isRedisUrl(v), {
    // The value is not repeated: it may carry Redis's password.
    message: 'expected a redis:// or rediss:// URL with a host, e.g. redis://127.0.0.1:6379',
  }),
  /** Secret for signing form tokens; a per-data-folder one is generated when unset (SQLite only). */
  KHABAR_SECRET: z.string().min(16).optional(),
  /** postgres://user@host:port/db: the store is PostgreSQL; unset, SQLite in KHABAR_DATA_DIR. */
  KHABAR_DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  /** Connections each process keeps open to PostgreSQL. */
  KHABAR_DB_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  /** Worker processes `khabar serve` runs on one port. */
  KHABAR_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
})

export interface Config {
  readonly port: number
  readonly host: string
  readonly dataDir: string
  readonly dbFile: string
  readonly mediaDir: string
  readonly demo: boolean
  readonly siteName: string
  readonly siteUrl: string
  readonly logLevel: z.infer<typeof Env>['KHABAR_LOG_LEVEL']
  readonly secret: string | undefined
  readonly pageCacheTtlMs: number
  readonly pageCacheMaxBytes: number
  readonly searchRateLimit: number
  readonly trustProxy: TrustProxy
  readonly redisUrl: string | undefined
  /** PostgreSQL's URL, or undefined for the embedded SQLite file `dbFile`. */
  readonly databaseUrl: string | undefined
  readonly dbPoolSize: number
  readonly workers: number
}

export class ConfigError extends Error {}

// Hosts that mean "every interface": a server listens on them, but no link can point there.
const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '::0', '0:0:0:0:0:0:0:0'])

/**
 * The public address when KHABAR_SITE_URL is unset: where the server listens, with `localhost`
 * for a wildcard host and brackets around an IPv6 address (RFC 3986 §3.2.2).
 */
function defaultSiteUrl(host: string, port: number): string {
  const bare = host.replace(/^\[(.*)\]$/, '$1')
  const name = WILDCARD_HOSTS.has(bare) ? 'localhost' : bare.includes(':') ? `[${bare}]` : bare
  try {
    const url = new URL(`http://${name}:${port}`)
    if (url.pathname === '/' && !url.username && !url.search) return url.origin
  } catch { /* reported below */ }
  throw new ConfigError(`bad configuration:\n  KHABAR_SITE_URL: cannot derive the site's address from HOST=${JSON.stringify(host)}; set KHABAR_SITE_URL (e.g. https://news.example)`)
}

/** KHABAR_SITE_URL as an origin: http(s), no path, query or credentials (pages are served from the host's root). */
function siteOrigin(value: string): string {
  let url: URL | null = null
  try {
    url = new URL(value)
  } catch { /* reported below */ }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
    throw new ConfigError(`bad configuration:\n  KHABAR_SITE_URL: ${JSON.stringify(value)} is not an http(s) origin such as https://news.example (no path, query or credentials)`)
  }
  return url.origin
}

/** Reads the environment once, reporting every bad variable together; the result is frozen. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env)
  if (!parsed.success) {
    throw new ConfigError(`bad configuration:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`)
  }
  const e = parsed.data
  // Every process must sign and check forms with one secret; a generated one lives in a data
  // folder, which several machines do not share.
  if (e.KHABAR_DATABASE_URL && !e.KHABAR_SECRET) {
    throw new ConfigError('bad configuration:\n  KHABAR_SECRET: required with KHABAR_DATABASE_URL (every app process must share it); e.g. KHABAR_SECRET=$(openssl rand -base64 32)')
  }
  const dataDir = resolve(e.KHABAR_DATA_DIR)
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir,
    dbFile: resolve(dataDir, 'khabar.db'),
    mediaDir: resolve(dataDir, 'media'),
    demo: e.KHABAR_DEMO === '1',
    siteName: e.KHABAR_SITE_NAME,
    siteUrl: e.KHABAR_SITE_URL === undefined ? defaultSiteUrl(e.HOST, e.PORT) : siteOrigin(e.KHABAR_SITE_URL),
    logLevel: e.KHABAR_LOG_LEVEL,
    secret: e.KHABAR_SECRET,
    pageCacheTtlMs: e.KHABAR_PAGE_CACHE_TTL_MS,
    pageCacheMaxBytes: e.KHABAR_PAGE_CACHE_MB * 1024 * 1024,
    searchRateLimit: e.KHABAR_SEARCH_RATE_LIMIT,
    trustProxy: e.KHABAR_TRUST_PROXY,
    redisUrl: e.KHABAR_REDIS_URL,
    databaseUrl: e.KHABAR_DATABASE_URL,
    dbPoolSize: e.KHABAR_DB_POOL_SIZE,
    workers: e.KHABAR_WORKERS,
  })
}

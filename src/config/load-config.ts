import { resolve } from 'node:path'
import { z } from 'zod'

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  KHABAR_DATA_DIR: z.string().min(1).default('data'),
  KHABAR_DEMO: z.enum(['0', '1']).default('1'),
  KHABAR_SITE_NAME: z.string().min(1).default('خبر'),
  KHABAR_SITE_URL: z.string().url().optional(),
  KHABAR_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  /** How long a rendered page is reused while content is unchanged (ms); 0 renders every request. */
  KHABAR_PAGE_CACHE_TTL_MS: z.coerce.number().int().min(0).default(60_000),
  /** Secret for signing form tokens; a per-data-folder one is generated when unset. */
  KHABAR_SECRET: z.string().min(16).optional(),
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
}

export class ConfigError extends Error {}

/** Reads the environment once, reporting every bad variable together; the result is frozen. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env)
  if (!parsed.success) {
    throw new ConfigError(`bad configuration:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`)
  }
  const e = parsed.data
  const dataDir = resolve(e.KHABAR_DATA_DIR)
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir,
    dbFile: resolve(dataDir, 'khabar.db'),
    mediaDir: resolve(dataDir, 'media'),
    demo: e.KHABAR_DEMO === '1',
    siteName: e.KHABAR_SITE_NAME,
    siteUrl: (e.KHABAR_SITE_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/$/, ''),
    logLevel: e.KHABAR_LOG_LEVEL,
    secret: e.KHABAR_SECRET,
    pageCacheTtlMs: e.KHABAR_PAGE_CACHE_TTL_MS,
  })
}

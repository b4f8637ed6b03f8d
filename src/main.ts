import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Config } from './config/index.js'
import { openStore } from './storage/index.js'
import { buildApp, createRateLimitRedis } from './web/index.js'
import { seedDemo } from './demo/index.js'
import { ensureSearchIndex, publishDueArticles, SIGN_IN_LIMITS, type Store } from './core/index.js'
import { setupToken } from './web/index.js'

/**
 * The form-signing secret: from the config (required with PostgreSQL), else one generated once per
 * data folder — exclusively (`wx`), so workers starting together cannot write two different ones.
 */
function loadSecret(config: Config): string {
  if (config.secret) return config.secret
  const file = join(config.dataDir, 'secret')
  if (!existsSync(file)) {
    try {
      writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' })
    } catch (e) {
      if ((e as { code?: string }).code !== 'EEXIST') throw e
    }
  }
  return readFileSync(file, 'utf8').trim()
}

/**
 * The composition root: config → store (migrated) → demo content on first start → web app → listen.
 * `khabar serve` (and so `npm start`) calls it; the caller owns signals and shutdown.
 */
export async function startServer(config: Config, opts: { workerId?: number } = {}): Promise<{ url: string; close: () => Promise<void> }> {
  // The folder holds the database (commenters' e-mail and IP addresses) and the form secret.
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 })
  mkdirSync(config.mediaDir, { recursive: true })
  const store = await openStore({ databaseUrl: config.databaseUrl, dbFile: config.dbFile, poolSize: config.dbPoolSize })
  // Once, whoever starts first: workers and other instances starting together wait their turn,
  // then find the work done.
  await store.exclusively('boot', async () => {
    if (await ensureSearchIndex({ store, clock: { now: () => new Date() } })) console.log('khabar: search index rebuilt')
    if (config.demo) {
      const seeded = await seedDemo(store, { mediaDir: config.mediaDir, now: new Date() })
      if (seeded) console.log(`khabar: demo content added (${seeded} articles)`)
    }
  })
  // Rate limits counted together by every process sharing this Redis; the app is served even while it is down.
  const redis = config.redisUrl ? createRateLimitRedis(config.redisUrl) : undefined
  const secret = loadSecret(config)
  const app = await buildApp({
    store, siteName: config.siteName, siteUrl: config.siteUrl, secret,
    mediaDir: config.mediaDir, logLevel: config.logLevel,
    pageCacheTtlMs: config.pageCacheTtlMs, pageCacheMaxBytes: config.pageCacheMaxBytes,
    searchRateLimit: config.searchRateLimit, trustProxy: config.trustProxy, sharedRateLimits: redis && { redis },
    workerId: opts.workerId,
  })
  await app.listen({ port: config.port, host: config.host })
  const scheduler = startScheduler(store)
  if (opts.workerId === undefined || opts.workerId === 1) await announceSetup(store, config.siteUrl, secret)
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`
  const where = config.databaseUrl ? `PostgreSQL ${redactedUrl(config.databaseUrl)}` : `data: ${config.dataDir}`
  if (opts.workerId === undefined) console.log(`khabar: serving ${url} (${where})`)
  const close = async () => {
    clearInterval(scheduler)
    await app.close()
    redis?.disconnect() // after the app: no request is left to count
    await store.close()
  }
  return { url, close }
}

/** How often each process looks for scheduled stories whose time has come (the job lock lets one through at a time). */
const SCHEDULER_MS = 15_000
const SWEEP_MS = 10 * 60_000

/**
 * Marks due scheduled stories published. Readers see them at their time regardless (visibility is
 * decided by the clock); this keeps the newsroom's lists true, also after a restart. Every few
 * minutes it also clears the newsroom's expired rows.
 */
function startScheduler(store: Store): NodeJS.Timeout {
  let swept = 0
  const run = async () => {
    const now = new Date()
    try {
      await publishDueArticles({ store, clock: { now: () => now } })
      // Now and then, forget expired sessions and failed sign-ins that no longer count.
      if (now.getTime() - swept > SWEEP_MS) {
        swept = now.getTime()
        await store.sessions.deleteExpired(now)
        await store.failures.deleteBefore(new Date(now.getTime() - SIGN_IN_LIMITS.windowMinutes * 60_000))
      }
    } catch (e) {
      console.error(`khabar: scheduled work failed: ${(e as Error).message}`)
    }
  }
  void run()
  return setInterval(run, SCHEDULER_MS).unref()
}

/** On a first start (no members yet), the one-time link that lets the first visitor create the administrator. */
async function announceSetup(store: Store, siteUrl: string, secret: string): Promise<void> {
  if ((await store.users.count()) > 0) return
  console.log(`khabar: the newsroom has no members yet. Create the first administrator at ${siteUrl}/newsroom/setup/${setupToken(secret)}`)
  console.log('khabar: (or run: khabar user add EMAIL --name NAME --role admin)')
}

/** The database URL without its password, for logs. */
function redactedUrl(url: string): string {
  const u = new URL(url)
  if (u.password) u.password = '***'
  return u.toString()
}

import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { Store } from '../../src/core/index.js'
import { addArticle, type ArticleOverrides } from './newsroom.js'
import { openPostgresStore, openSqliteStore } from '../../src/storage/index.js'
import { createTestSchema } from './postgres.js'
import { buildApp, type AppOptions } from '../../src/web/index.js'
import { seedDemo } from '../../src/demo/index.js'

export const TEST_SECRET = 'test-secret-for-form-tokens-0123456789'

export interface TestApp {
  app: FastifyInstance
  store: Store
  mediaDir: string
  /** Adds a published article (defaults filled in) and returns its id. */
  article(overrides?: ArticleOverrides): Promise<number>
  close(): Promise<void>
}

/**
 * The store the HTTP tests run on: in-memory SQLite; or, when KHABAR_TEST_STORE=postgres (as
 * `npm run test:pg` sets it), PostgreSQL in a schema of its own that is dropped on close.
 */
async function openTestStore(): Promise<Store> {
  if (process.env.KHABAR_TEST_STORE !== 'postgres') return openSqliteStore(':memory:')
  const schema = await createTestSchema()
  const store = await openPostgresStore(schema.url, { schema: schema.schema, poolSize: 4 })
  return { ...store, close: () => store.close().then(() => schema.drop()) }
}

/**
 * The whole app over a fresh store (see openTestStore), for `app.inject()` tests. With `demo: true`
 * the store holds the shipped demo content (41 articles including the seed article). With `dbFile`
 * the store is that SQLite file instead, for tests that read what was written with SQL of their own.
 */
export async function makeTestApp(opts: Pick<AppOptions, 'clock' | 'searchRateLimit' | 'trustProxy' | 'sharedRateLimits'> & { demo?: boolean; dbFile?: string } = {}): Promise<TestApp> {
  const store = opts.dbFile ? await openSqliteStore(opts.dbFile) : await openTestStore()
  const mediaDir = mkdtempSync(join(tmpdir(), 'khabar-media-'))
  if (opts.demo) await seedDemo(store, { mediaDir, now: new Date() })
  const app = await buildApp({ store, clock: opts.clock, siteName: 'خبر', siteUrl: 'http://khabar.test', secret: TEST_SECRET, mediaDir, logLevel: 'silent', searchRateLimit: opts.searchRateLimit, trustProxy: opts.trustProxy, sharedRateLimits: opts.sharedRateLimits })
  let n = 0
  return {
    app,
    store,
    mediaDir,
    article: (o = {}) => addArticle(store, ++n, { categoryName: 'العرب والعالم', ...o }, new Date()),
    async close() {
      await app.close()
      await store.close()
    },
  }
}

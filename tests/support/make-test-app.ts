import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { Store } from '../../src/core/index.js'
import { addArticle, type ArticleOverrides } from './newsroom.js'
import { openSqliteStore } from '../../src/storage/index.js'
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
 * The whole app over an in-memory SQLite store, for `app.inject()` tests. With `demo: true` the
 * store holds the shipped demo content (41 articles including the seed article). With `dbFile` the
 * store is that SQLite file instead, for tests that read what was written with SQL of their own.
 */
export async function makeTestApp(opts: Pick<AppOptions, 'clock' | 'searchRateLimit' | 'trustProxy' | 'sharedRateLimits'> & { demo?: boolean; dbFile?: string } = {}): Promise<TestApp> {
  const store = await openSqliteStore(opts.dbFile ?? ':memory:')
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

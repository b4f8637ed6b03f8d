import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { ingestArticle, paragraphsToHtml, type Clock, type IncomingArticle, type Store } from '../../src/core/index.js'
import { openSqliteStore } from '../../src/storage/index.js'
import { buildApp } from '../../src/web/index.js'
import { seedDemo } from '../../src/demo/index.js'

export const TEST_SECRET = 'test-secret-for-form-tokens-0123456789'

export interface TestApp {
  app: FastifyInstance
  store: Store
  mediaDir: string
  /** Adds a published article (defaults filled in) and returns its id. */
  article(overrides?: Partial<IncomingArticle> & { paragraphs?: string[] }): Promise<number>
  close(): Promise<void>
}

/**
 * The whole app over an in-memory SQLite store, for `app.inject()` tests. With `demo: true` the
 * store holds the shipped demo content (41 articles including the seed article).
 */
export async function makeTestApp(opts: { demo?: boolean; clock?: Clock } = {}): Promise<TestApp> {
  const store = await openSqliteStore(':memory:')
  const mediaDir = mkdtempSync(join(tmpdir(), 'khabar-media-'))
  if (opts.demo) await seedDemo(store, { mediaDir, now: new Date() })
  const app = await buildApp({ store, clock: opts.clock, siteName: 'خبر', siteUrl: 'http://khabar.test', secret: TEST_SECRET, mediaDir, logLevel: 'silent' })
  let n = 0
  return {
    app,
    store,
    mediaDir,
    async article(o = {}) {
      n++
      const { paragraphs, ...rest } = o
      const { id } = await store.transaction((tx) => ingestArticle(tx, {
        externalId: null,
        title: `خبر تجريبي رقم ${n}`,
        bodyHtml: paragraphsToHtml(paragraphs ?? ['الفقرة الأولى من الخبر.', 'الفقرة الثانية من الخبر.']),
        categoryName: 'العرب والعالم',
        publishedAt: new Date(Date.now() - n * 60_000),
        ...rest,
      }))
      return id
    },
    async close() {
      await app.close()
      await store.close()
    },
  }
}

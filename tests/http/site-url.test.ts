import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig } from '../../src/config/index.js'
import { startServer } from '../../src/main.js'
import { openSqliteStore } from '../../src/storage/index.js'
import { buildApp } from '../../src/web/index.js'
import { addArticle } from '../support/newsroom.js'
import { TEST_SECRET } from '../support/make-test-app.js'

describe('the site URL', () => {
  it('serves every demo article when HOST is the IPv6 wildcard and no site URL is set', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'khabar-host-'))
    const server = await startServer(loadConfig({ KHABAR_DATA_DIR: dataDir, HOST: '::', PORT: '0', KHABAR_LOG_LEVEL: 'silent' }))
    try {
      const base = server.url.replace('[::]', '[::1]')
      const { items } = await (await fetch(`${base}/api/v1/articles?limit=50`)).json() as { items: Array<{ url: string }> }
      assert.ok(items.length >= 41)
      for (const { url } of items) {
        const res = await fetch(base + url, { redirect: 'manual' })
        assert.equal(res.status, 200, url)
        const html = await res.text()
        const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1]
        assert.ok(canonical?.startsWith('http://localhost:'), `canonical ${canonical}`)
      }
    } finally {
      await server.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('is refused at boot when it is not an http(s) origin', async () => {
    const store = await openSqliteStore(':memory:')
    try {
      for (const siteUrl of ['http://:::3000', 'javascript:alert(1)', 'https://news.example/sub', '']) {
        await assert.rejects(
          buildApp({ store, siteName: 'خبر', siteUrl, secret: TEST_SECRET, mediaDir: tmpdir(), logLevel: 'silent' }),
          /not an http\(s\) origin/, siteUrl,
        )
      }
    } finally {
      await store.close()
    }
  })

  it('renders an article whose cover address makes no URL, without a share image', async () => {
    const store = await openSqliteStore(':memory:')
    const app = await buildApp({ store, siteName: 'خبر', siteUrl: 'http://khabar.test', secret: TEST_SECRET, mediaDir: tmpdir(), logLevel: 'silent' })
    try {
      await addArticle(store, 1, { cover: { src: 'http://[bad', alt: 'صورة', caption: null, credit: null } }, new Date())
      const { items } = (await app.inject('/api/v1/articles')).json() as { items: Array<{ url: string }> }
      const res = await app.inject(items[0]!.url)
      assert.equal(res.statusCode, 200)
      assert.doesNotMatch(res.body, /og:image/)
    } finally {
      await app.close()
      await store.close()
    }
  })
})

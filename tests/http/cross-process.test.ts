import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { ingestArticle, paragraphsToHtml } from '../../src/core/index.js'
import { openSqliteStore } from '../../src/storage/index.js'
import { buildApp } from '../../src/web/index.js'
import { TEST_SECRET } from '../support/make-test-app.js'
import { url } from './support.js'

const run = promisify(execFile)

describe('a write by another process', () => {
  it('shows on the next request although the page was cached', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'khabar-xproc-'))
    const store = await openSqliteStore(join(dataDir, 'khabar.db'))
    const app = await buildApp({ store, siteName: 'خبر', siteUrl: 'http://khabar.test', secret: TEST_SECRET, mediaDir: join(dataDir, 'media'), logLevel: 'silent' })
    try {
      await store.transaction((tx) => ingestArticle(tx, {
        externalId: null, title: 'خبر قديم على الصفحة', bodyHtml: paragraphsToHtml(['نص.']),
        categoryName: 'العرب والعالم', publishedAt: new Date(Date.now() - 3_600_000),
      }))
      for (const path of ['/', url('/category/العرب-والعالم')]) {
        await app.inject(path)
        assert.equal((await app.inject(path)).headers['x-cache'], 'hit', `${path} is cached before the import`)
      }

      const title = 'وصل هذا الخبر من عملية استيراد أخرى'
      const file = join(dataDir, 'feed.ndjson')
      writeFileSync(file, JSON.stringify({
        id: 'xproc-1', title, body: 'الفقرة الأولى.\nالفقرة الثانية.', category: 'world', category_ar: 'العرب والعالم',
        date: new Date().toISOString(), source: 'وكالات', url: 'https://example.com/1',
      }) + '\n')
      const { stdout } = await run(process.execPath, ['bin/khabar.js', 'import', 'ndjson', file], { env: { ...process.env, KHABAR_DATA_DIR: dataDir } })
      assert.match(stdout, /1 created/)

      for (const path of ['/', url('/category/العرب-والعالم')]) {
        const res = await app.inject(path)
        assert.equal(res.headers['x-cache'], 'miss', `${path} renders again after the import`)
        assert.ok(res.body.includes(title), `${path} shows the imported story`)
      }
    } finally {
      await app.close()
      await store.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})

import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig } from './config/index.js'
import { openSqliteStore } from './storage/index.js'
import { startServer } from './main.js'

describe('startServer', () => {
  it('creates the data folder for its owner only, and the database and secret unreadable to others', async (t) => {
    const parent = mkdtempSync(join(tmpdir(), 'khabar-perm-'))
    t.after(() => rmSync(parent, { recursive: true, force: true }))
    const dataDir = join(parent, 'data')
    const umask = process.umask(0o022) // the usual umask, which leaves new files world-readable
    try {
      const server = await startServer(loadConfig({ KHABAR_DATA_DIR: dataDir, PORT: '0', KHABAR_DEMO: '0', KHABAR_LOG_LEVEL: 'silent' }))
      await server.close()
    } finally {
      process.umask(umask)
    }
    const mode = (path: string) => (statSync(path).mode & 0o777).toString(8)
    assert.equal(mode(dataDir), '700')
    assert.equal(mode(join(dataDir, 'khabar.db')), '600')
    assert.equal(mode(join(dataDir, 'secret')), '600')
  })

  it('serves while the Redis of KHABAR_REDIS_URL is unreachable, and lets go of it on close', async (t) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'khabar-redis-'))
    t.after(() => rmSync(dataDir, { recursive: true, force: true }))
    // Port 1 refuses connections; were the client left open on close, its reconnections would keep this test running.
    const server = await startServer(loadConfig({ KHABAR_DATA_DIR: dataDir, PORT: '0', KHABAR_DEMO: '0', KHABAR_LOG_LEVEL: 'silent', KHABAR_REDIS_URL: 'redis://127.0.0.1:1' }))
    try {
      assert.equal((await fetch(`${server.url}/search?q=x`)).status, 200)
    } finally {
      await server.close()
    }
  })

  it('stores the demo content once when two servers start on one data folder at the same time', async (t) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'khabar-boot-'))
    t.after(() => rmSync(dataDir, { recursive: true, force: true }))
    const config = loadConfig({ KHABAR_DATA_DIR: dataDir, PORT: '0', KHABAR_DEMO: '1', KHABAR_LOG_LEVEL: 'silent' })
    await (await openSqliteStore(config.dbFile)).close() // migrated ahead, so both boots reach the demo content together
    const log = console.log
    console.log = () => {} // the boot messages
    let starts: Array<PromiseSettledResult<{ close(): Promise<void> }>>
    try {
      starts = await Promise.allSettled([startServer(config), startServer(config)])
      await Promise.all(starts.map((s) => s.status === 'fulfilled' && s.value.close()))
    } finally {
      console.log = log
    }
    for (const s of starts) if (s.status === 'rejected') throw s.reason
    const store = await openSqliteStore(config.dbFile)
    t.after(() => store.close())
    const demoStories = 40 + 1 // the sample stories and the seed article
    assert.equal(await store.articles.count(), demoStories)
    assert.equal(await store.search.size(), demoStories)
  })
})

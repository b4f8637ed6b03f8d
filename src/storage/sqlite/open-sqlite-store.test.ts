import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { ingestArticle, type IncomingArticle, type Store } from '../../core/index.js'
import { wireStories } from '../../../tests/support/newsroom.js'
import { migrateToLatest } from '../migrations/index.js'
import { openSqliteStore } from './open-sqlite-store.js'
import { WriteLockTimeoutError } from './immediate-transaction.js'

/** A fresh database file in its own temp dir, removed after the test. */
function tempDbFile(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-store-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  return join(dir, 'nested', 'khabar.db')
}

const incoming = wireStories('test')

const ingest = (store: Store, o: Partial<IncomingArticle> = {}) => store.transaction((tx) => ingestArticle(tx, incoming(o)))

describe('openSqliteStore contentVersion', () => {
  // What every store guarantees is in tests/contract/store.contract.ts; these are SQLite's own cases.
  it('changes after a raw write by another process-like connection, and then stays put', async (t) => {
    const file = tempDbFile(t)
    const site = await openSqliteStore(file)
    t.after(() => site.close())
    await ingest(site)
    const other = new BetterSqlite3(file)
    t.after(() => other.close())
    const before = site.contentVersion()
    other.prepare('UPDATE articles SET title = ? WHERE id = 1').run('عنوان من عملية أخرى')
    const changed = site.contentVersion()
    assert.notEqual(changed, before)
    assert.equal(site.contentVersion(), changed)
    assert.equal((await site.articles.get(1))!.title, 'عنوان من عملية أخرى')
  })

  it('does not change when another connection only reads', async (t) => {
    const file = tempDbFile(t)
    const site = await openSqliteStore(file)
    t.after(() => site.close())
    await ingest(site)
    const other = new BetterSqlite3(file, { readonly: true })
    t.after(() => other.close())
    const before = site.contentVersion()
    other.prepare('SELECT * FROM articles').all()
    assert.equal(site.contentVersion(), before)
  })
})

describe('openSqliteStore migrations', () => {
  it('creates the schema on a new file and keeps data across reopening', async (t) => {
    const file = tempDbFile(t)
    const first = await openSqliteStore(file)
    await ingest(first, { title: 'يبقى بعد إعادة الفتح' })
    await first.close()
    const second = await openSqliteStore(file)
    t.after(() => second.close())
    assert.equal(await second.articles.count(), 1)
    assert.equal((await second.articles.get(1))!.title, 'يبقى بعد إعادة الفتح')
  })

  it('runs each step once: migrating an up-to-date file does nothing', async (t) => {
    const file = tempDbFile(t)
    await (await openSqliteStore(file)).close()
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: new BetterSqlite3(file) }) })
    t.after(() => db.destroy())
    assert.deepEqual(await migrateToLatest(db, 'sqlite'), [])
  })

  it('applies every step once on an empty database', async (t) => {
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: new BetterSqlite3(':memory:') }) })
    t.after(() => db.destroy())
    assert.deepEqual(await migrateToLatest(db, 'sqlite'), ['001-content-model', '002-search', '003-no-empty-slugs', '004-postgres-search', '005-job-locks', '006-content-notifications', '007-related-by-target', '008-search-keeps-its-text', '009-newsroom-people', '010-newsroom-sessions', '011-api-tokens', '012-content-clock', '013-newsroom-articles', '014-article-revisions', '015-article-notes', '016-sign-in-failures', '017-comment-moderation'])
    assert.deepEqual(await migrateToLatest(db, 'sqlite'), [])
  })

  it('runs a step it has not run although a step named after it has run (steps written on parallel branches)', async (t) => {
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: new BetterSqlite3(':memory:') }) })
    t.after(() => db.destroy())
    await migrateToLatest(db, 'sqlite')
    await db.deleteFrom('kysely_migration').where('name', '=', '003-no-empty-slugs').execute()
    assert.deepEqual(await migrateToLatest(db, 'sqlite'), ['003-no-empty-slugs'])
  })

  it('migrates a new file once when two stores open it at the same time (two instances starting)', async (t) => {
    const file = tempDbFile(t)
    const stores = await Promise.all([openSqliteStore(file), openSqliteStore(file)])
    t.after(() => Promise.all(stores.map((s) => s.close())))
    await ingest(stores[1])
    assert.equal(await stores[0].articles.count(), 1)
  })

  it('can open without migrating', async (t) => {
    const store = await openSqliteStore(':memory:', { migrate: false })
    t.after(() => store.close())
    await assert.rejects(store.articles.count(), /no such table/)
  })
})

describe('openSqliteStore write transactions', () => {
  /** The site's store and another connection to the same file (another process, as far as SQLite can tell). */
  async function twoConnections(t: { after(fn: () => void | Promise<void>): void }, opts: { lockTimeoutMs?: number } = {}) {
    const file = tempDbFile(t)
    const store = await openSqliteStore(file, opts)
    const other = new BetterSqlite3(file)
    other.pragma('busy_timeout = 0')
    t.after(async () => {
      if (other.inTransaction) other.exec('ROLLBACK')
      other.close()
      await store.close()
    })
    return { store, other }
  }
  const category = (slug: string) => ({ slug, name: slug, description: null, parentId: null, position: 1 })

  it('holds the write lock from its start, so a write committed elsewhere cannot invalidate its reads', async (t) => {
    const { store, other } = await twoConnections(t)
    let refused: unknown = null
    await store.transaction(async (tx) => {
      await tx.categories.all() // a read first: a deferred transaction would now hold only a read snapshot
      try {
        other.prepare("INSERT INTO tags (slug, name) VALUES ('وسم', 'وسم')").run()
      } catch (e) {
        refused = e
      }
      await tx.categories.create(category('بعد-القراءة'))
    })
    assert.equal((refused as { code?: string } | null)?.code, 'SQLITE_BUSY', 'the other connection could not write meanwhile')
    assert.deepEqual((await store.categories.all()).map((c) => c.slug), ['بعد-القراءة'])
  })

  it('waits for the write lock another connection holds without holding the event loop, then commits', async (t) => {
    const { store, other } = await twoConnections(t)
    other.exec('BEGIN IMMEDIATE')
    let ticks = 0
    const ticker = setInterval(() => ticks++, 10)
    setTimeout(() => other.exec('COMMIT'), 300)
    const started = performance.now()
    try {
      await store.transaction((tx) => tx.categories.create(category('انتظر')))
    } finally {
      clearInterval(ticker)
    }
    assert.ok(performance.now() - started >= 290, 'it waited for the lock')
    assert.ok(ticks >= 15, `timers kept firing while it waited (${ticks} ticks)`)
    assert.equal((await store.categories.bySlug('انتظر'))?.slug, 'انتظر')
  })

  it('lets reads through the same store while it waits for the write lock', async (t) => {
    const { store, other } = await twoConnections(t)
    await store.transaction((tx) => tx.categories.create(category('موجود')))
    other.exec('BEGIN IMMEDIATE')
    setTimeout(() => other.exec('COMMIT'), 300)
    let readDone = 0
    const waiting = store.transaction((tx) => tx.categories.create(category('جديد')))
    await new Promise((r) => setTimeout(r, 50))
    const started = performance.now()
    assert.equal((await store.categories.all()).length, 1)
    readDone = performance.now() - started
    await waiting
    assert.ok(readDone < 100, `a read answered in ${Math.round(readDone)} ms while a write waited`)
    assert.equal((await store.categories.all()).length, 2)
  })

  it('gives up with a clear error when the lock stays taken past its deadline, and leaves the store usable', async (t) => {
    const { store, other } = await twoConnections(t, { lockTimeoutMs: 200 })
    other.exec('BEGIN IMMEDIATE')
    let ran = false
    const started = performance.now()
    await assert.rejects(store.transaction(async () => { ran = true }), (e: unknown) => {
      assert.ok(e instanceof WriteLockTimeoutError)
      assert.match(e.message, /database is busy: another connection held the write lock for more than 0\.2 s/)
      return true
    })
    assert.ok(performance.now() - started < 1000)
    assert.equal(ran, false, 'the work never ran')
    other.exec('COMMIT')
    await store.transaction((tx) => tx.categories.create(category('بعدها')))
    assert.equal((await store.categories.all()).length, 1)
  })

})

describe('openSqliteStore files', () => {
  it('creates the data folder for its owner only (0700) and the database and its WAL files 0600, under a permissive umask', async (t) => {
    const root = mkdtempSync(join(tmpdir(), 'khabar-modes-'))
    t.after(() => rmSync(root, { recursive: true, force: true }))
    const previous = process.umask(0o022)
    t.after(() => { process.umask(previous) })
    const dataDir = join(root, 'srv', 'data')
    const file = join(dataDir, 'khabar.db')
    const store = await openSqliteStore(file)
    t.after(() => store.close())
    await ingest(store) // a write, so the -wal file holds something
    const mode = (path: string) => (statSync(path).mode & 0o777).toString(8)
    assert.equal(mode(join(root, 'srv')), '700')
    assert.equal(mode(dataDir), '700')
    assert.equal(mode(file), '600')
    assert.equal(mode(`${file}-wal`), '600')
    assert.equal(mode(`${file}-shm`), '600')
  })
})

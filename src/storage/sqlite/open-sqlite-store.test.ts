import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { ingestArticle, paragraphsToHtml, type IncomingArticle, type Store } from '../../core/index.js'
import { migrateToLatest } from '../migrations/index.js'
import { openSqliteStore } from './open-sqlite-store.js'

/** A fresh database file in its own temp dir, removed after the test. */
function tempDbFile(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-store-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  return join(dir, 'nested', 'khabar.db')
}

let n = 0
function incoming(overrides: Partial<IncomingArticle> = {}): IncomingArticle {
  n++
  return {
    externalId: `test:${n}`, title: `خبر رقم ${n}`, bodyHtml: paragraphsToHtml(['نص الخبر.']),
    categoryName: 'سياسة', publishedAt: new Date('2026-11-29T06:00:00Z'), ...overrides,
  }
}

const ingest = (store: Store, o: Partial<IncomingArticle> = {}) => store.transaction((tx) => ingestArticle(tx, incoming(o)))

describe('openSqliteStore contentVersion', () => {
  it('changes after a write through the store', async (t) => {
    const store = await openSqliteStore(':memory:')
    t.after(() => store.close())
    const before = store.contentVersion()
    await ingest(store)
    const after = store.contentVersion()
    assert.notEqual(after, before)
    await store.comments.add({ articleId: 1, parentId: null, authorName: 'قارئ', authorEmail: 'r@example.com', body: 'تعليق', ip: null }, 'pending', new Date())
    assert.notEqual(store.contentVersion(), after)
  })

  it('does not change on reads', async (t) => {
    const store = await openSqliteStore(':memory:')
    t.after(() => store.close())
    const { id } = await ingest(store, { tags: ['العراق'] })
    const before = store.contentVersion()
    await store.articles.get(id)
    await store.articles.list({ visibleAt: new Date(), offset: 0, limit: 10 })
    await store.search.search({ terms: [{ text: 'خبر', key: 'خبر', stems: ['خبر'], prefix: false }], phrases: [], excluded: [] }, { visibleAt: new Date() }, { offset: 0, limit: 10 })
    await store.categories.all()
    await store.tags.bySlug('العراق')
    await store.comments.approvedFor(id)
    await store.articles.count()
    assert.equal(store.contentVersion(), before)
    assert.equal(store.contentVersion(), store.contentVersion())
  })

  it('changes after a write committed by another connection to the same file', async (t) => {
    const file = tempDbFile(t)
    const site = await openSqliteStore(file)
    const importer = await openSqliteStore(file)
    t.after(async () => {
      await importer.close()
      await site.close()
    })
    const before = site.contentVersion()
    await ingest(importer)
    assert.notEqual(site.contentVersion(), before)
    assert.equal(await site.articles.count(), 1)
  })

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

  it('applies the content model once on an empty database', async (t) => {
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: new BetterSqlite3(':memory:') }) })
    t.after(() => db.destroy())
    assert.deepEqual(await migrateToLatest(db, 'sqlite'), ['001-content-model', '002-search'])
    assert.deepEqual(await migrateToLatest(db, 'sqlite'), [])
  })

  it('can open without migrating', async (t) => {
    const store = await openSqliteStore(':memory:', { migrate: false })
    t.after(() => store.close())
    await assert.rejects(store.articles.count(), /no such table/)
  })
})

describe('openSqliteStore transactions', () => {
  it('leaves nothing behind when the work throws', async (t) => {
    const store = await openSqliteStore(':memory:')
    t.after(() => store.close())
    await assert.rejects(store.transaction(async (tx) => {
      await tx.categories.create({ slug: 'مؤقت', name: 'مؤقت', description: null, parentId: null, position: 1 })
      await tx.tags.ensure(['وسم'])
      await ingestArticle(tx, incoming({ categoryName: 'مؤقت' }))
      throw new Error('abort')
    }), /abort/)
    assert.deepEqual(await store.categories.all(), [])
    assert.equal(await store.tags.bySlug('وسم'), null)
    assert.equal(await store.articles.count(), 0)
  })

  it('keeps everything when the work succeeds, and returns its result', async (t) => {
    const store = await openSqliteStore(':memory:')
    t.after(() => store.close())
    const result = await store.transaction(async (tx) => {
      await tx.categories.create({ slug: 'باق', name: 'باق', description: null, parentId: null, position: 1 })
      return 'done'
    })
    assert.equal(result, 'done')
    assert.equal((await store.categories.all()).length, 1)
  })

  it('enforces foreign keys', async (t) => {
    const store = await openSqliteStore(':memory:')
    t.after(() => store.close())
    await assert.rejects(store.comments.add({ articleId: 999, parentId: null, authorName: 'قارئ', authorEmail: 'r@example.com', body: 'تعليق', ip: null }, 'pending', new Date()), /FOREIGN KEY/)
  })
})

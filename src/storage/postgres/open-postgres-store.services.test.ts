import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { setTimeout as sleep } from 'node:timers/promises'
import pg from 'pg'
import { BusyError, ingestArticle } from '../../core/index.js'
import { wireStories } from '../../../tests/support/newsroom.js'
import { createTestSchema } from '../../../tests/support/postgres.js'
import { openPostgresStore, type PostgresStoreOptions } from './open-postgres-store.js'

const incoming = wireStories('pg')

/** Two stores on one fresh schema, as two app processes would open them. */
async function twoProcesses(t: { after(fn: () => Promise<void>): void }, opts: PostgresStoreOptions = {}) {
  const s = await createTestSchema()
  const a = await openPostgresStore(s.url, { schema: s.schema, ...opts })
  const b = await openPostgresStore(s.url, { schema: s.schema, ...opts })
  t.after(async () => {
    await a.close()
    await b.close()
    await s.drop()
  })
  return { a, b, schema: s }
}

/** Resolves once `check` holds, polling every millisecond; fails after `ms`. */
async function eventually(check: () => boolean, ms = 2_000): Promise<number> {
  const start = performance.now()
  while (!check()) {
    if (performance.now() - start > ms) assert.fail(`not within ${ms} ms`)
    await sleep(1)
  }
  return performance.now() - start
}

describe('openPostgresStore', () => {
  it('moves every process\'s content version by the time a write transaction returns', async (t) => {
    const { a, b } = await twoProcesses(t)
    for (let i = 0; i < 20; i++) {
      const [beforeA, beforeB] = [a.contentVersion(), b.contentVersion()]
      await a.transaction((tx) => ingestArticle(tx, incoming()))
      // Each listening process acknowledges a change once its version has moved, and the writer
      // waits for every acknowledgement: no request after this can get a page cached before it.
      assert.notEqual(a.contentVersion(), beforeA)
      assert.notEqual(b.contentVersion(), beforeB, `write ${i + 1}`)
    }
  })

  it('moves every process\'s version by the time a write returns when the URL names an application', async (t) => {
    const s = await createTestSchema()
    // Operators tag connections in the URL (monitoring does); the listeners must still be counted.
    const url = `${s.url}?application_name=news-site`
    const a = await openPostgresStore(url, { schema: s.schema })
    const b = await openPostgresStore(url, { schema: s.schema })
    t.after(async () => {
      await a.close()
      await b.close()
      await s.drop()
    })
    // Writers count the processes to wait for by their listeners' name, whatever the URL says.
    const admin = new pg.Client({ connectionString: s.url })
    await admin.connect()
    const { rows } = await admin.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1', [`khabar-listen:${s.schema}`])
    await admin.end()
    assert.equal(rows[0].n, 2)
    for (let i = 0; i < 10; i++) {
      const before = b.contentVersion()
      await a.transaction((tx) => ingestArticle(tx, incoming()))
      assert.notEqual(b.contentVersion(), before, `write ${i + 1}`)
    }
  })

  it('returns from a write when a listening process never acknowledges, after the wait\'s bound', async (t) => {
    const { a, schema } = await twoProcesses(t)
    // A process that listens but never answers (hung, or an older Khabar).
    const mute = new pg.Client({ connectionString: schema.url, application_name: `khabar-listen:${schema.schema}` })
    await mute.connect()
    await mute.query('LISTEN khabar_content')
    t.after(() => mute.end())
    const start = performance.now()
    await a.transaction((tx) => ingestArticle(tx, incoming()))
    const took = performance.now() - start
    assert.ok(took >= 900 && took < 3_000, `took ${took} ms`)
  })

  it('moves the other process\'s version after a write made directly on the store', async (t) => {
    const { a, b } = await twoProcesses(t)
    await a.transaction((tx) => ingestArticle(tx, incoming()))
    const before = b.contentVersion()
    await a.comments.add({ articleId: 1, parentId: null, authorName: 'قارئ', authorEmail: 'r@example.com', body: 'تعليق', ip: null }, 'pending', new Date())
    await eventually(() => b.contentVersion() !== before)
  })

  it('keeps the version on reads and on transactions that only read', async (t) => {
    const { a, b } = await twoProcesses(t)
    const { id } = await a.transaction((tx) => ingestArticle(tx, incoming({ tags: ['العراق'] })))
    await sleep(20)
    const [va, vb] = [a.contentVersion(), b.contentVersion()]
    await a.articles.get(id)
    await a.articles.list({ visibleAt: new Date(), offset: 0, limit: 10 })
    await a.transaction((tx) => tx.articles.count())
    await sleep(20)
    assert.equal(a.contentVersion(), va)
    assert.equal(b.contentVersion(), vb)
  })

  it('sees a write made by another client entirely, such as psql', async (t) => {
    const { a, schema } = await twoProcesses(t)
    await a.transaction((tx) => ingestArticle(tx, incoming()))
    const before = a.contentVersion()
    const psql = new pg.Client({ connectionString: schema.url, options: `-c search_path=${schema.schema}` })
    await psql.connect()
    await psql.query(`UPDATE articles SET title = 'عنوان مصحح'`)
    await psql.end()
    await eventually(() => a.contentVersion() !== before)
  })

  it('refreshes the search tables\' statistics and visibility map, content unchanged', async (t) => {
    const { a, schema } = await twoProcesses(t)
    const id = (await a.transaction((tx) => ingestArticle(tx, incoming({ title: 'قمة المناخ' })))).id
    await a.refreshStatistics()
    const psql = new pg.Client({ connectionString: schema.url })
    await psql.connect()
    t.after(() => psql.end())
    const { rows } = await psql.query(`SELECT relname FROM pg_stat_user_tables
      WHERE schemaname = $1 AND last_vacuum IS NOT NULL AND last_analyze IS NOT NULL ORDER BY relname`, [schema.schema])
    assert.deepEqual(rows.map((r) => r.relname).filter((r: string) => r.startsWith('search_')), ['search_docs', 'search_postings', 'search_stats'])
    assert.equal((await a.articles.get(id))?.title, 'قمة المناخ')
  })

  it('never repeats a version while its listening connection is down, and listens again after', async (t) => {
    const { a, schema } = await twoProcesses(t)
    const admin = new pg.Client({ connectionString: schema.url })
    await admin.connect()
    t.after(() => admin.end())
    // Cut the listener's connection as a server restart or a network fault would.
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE application_name = $1`, [`khabar-listen:${schema.schema}`])
    await eventually(() => a.contentVersion() !== a.contentVersion())
    const waited = await eventually(() => a.contentVersion() === a.contentVersion(), 10_000)
    assert.ok(waited < 10_000)
  })

  it('refuses a write with BusyError when another writer keeps the lock past the deadline', async (t) => {
    const { a, b } = await twoProcesses(t, { lockTimeoutMs: 200 })
    let release!: () => void
    const held = a.transaction(() => new Promise<void>((r) => { release = r }))
    await sleep(50)
    await assert.rejects(b.transaction((tx) => ingestArticle(tx, incoming())), BusyError)
    release()
    await held
    await b.transaction((tx) => ingestArticle(tx, incoming())) // its turn now
  })

  it('runs exclusive work one process at a time', async (t) => {
    const { a, b } = await twoProcesses(t)
    const events: string[] = []
    const job = (who: string) => async () => {
      events.push(`${who} start`)
      await sleep(50)
      events.push(`${who} end`)
    }
    await Promise.all([a.exclusively('boot', job('a')), sleep(5).then(() => b.exclusively('boot', job('b')))])
    assert.deepEqual(events, ['a start', 'a end', 'b start', 'b end'])
  })

  it('migrates once when several processes open a new database at once', async (t) => {
    const s = await createTestSchema()
    t.after(() => s.drop())
    const stores = await Promise.all([1, 2, 3, 4].map(() => openPostgresStore(s.url, { schema: s.schema })))
    for (const store of stores) await store.close()
    const check = new pg.Client({ connectionString: s.url })
    await check.connect()
    const { rows } = await check.query(`SELECT name, count(*)::int AS n FROM ${s.schema}.kysely_migration GROUP BY name`)
    await check.end()
    assert.ok(rows.length >= 3)
    assert.ok(rows.every((r) => r.n === 1))
  })
})

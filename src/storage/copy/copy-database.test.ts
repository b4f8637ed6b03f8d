import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { rebuildSearchIndex } from '../../core/index.js'
import { addSampleSite, readSampleSite } from '../../../tests/support/sample-site.js'
import { openSqliteStore } from '../sqlite/open-sqlite-store.js'
import { copyDatabase, TargetNotEmptyError } from './copy-database.js'
import { verifyCopy } from './verify-copy.js'

/** A source file holding the sample site, and a path for the target, in a folder removed after the test. */
async function sampleSource(t: { after(fn: () => void): void }) {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-copy-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  const source = join(dir, 'source.db')
  const store = await openSqliteStore(source)
  const ids = await addSampleSite(store)
  await store.close()
  return { from: { sqlite: source }, to: { sqlite: join(dir, 'target', 'khabar.db') }, ids }
}

const sql = (file: string, text: string, ...params: unknown[]) => {
  const db = new BetterSqlite3(file)
  try {
    return db.prepare(text).run(...params)
  } finally {
    db.close()
  }
}

describe('copyDatabase', () => {
  it('copies every content table with its ids, so the copy searches and reads as the source does', async (t) => {
    const { from, to, ids } = await sampleSource(t)
    const copied = await copyDatabase(from, to)
    assert.deepEqual(Object.fromEntries(copied.map((c) => [c.table, c.rows])), {
      users: 2, api_tokens: 1, categories: 3, authors: 2, tags: 3, articles: 4, article_tags: 4, article_authors: 3, comments: 3, related_articles: 3, article_revisions: 2, article_notes: 2,
    })
    const checks = await verifyCopy(from, to)
    assert.ok(checks.every((c) => c.ok), JSON.stringify(checks))
    assert.equal(checks.find((c) => c.table === 'comments')?.target.rows, 3)

    const target = await openSqliteStore(to.sqlite)
    t.after(() => target.close())
    assert.equal(await rebuildSearchIndex({ store: target }), 3) // the draft is not indexed
    const source = await openSqliteStore(from.sqlite)
    t.after(() => source.close())
    const [before, after] = [await readSampleSite(source, ids), await readSampleSite(target, ids)]
    assert.deepEqual(after, before)
    assert.deepEqual(after.searchHits, [ids[0]])
    assert.equal(after.articles[0]!.comments.length, 2) // the comment and its reply
    assert.equal(after.articles[0]!.related?.length, 2)
  })

  it('refuses a target holding content, even a half-copied one, and empties it first when forced', async (t) => {
    const { from, to } = await sampleSource(t)
    await copyDatabase(from, to)
    sql(to.sqlite, 'DELETE FROM comments WHERE parent_id IS NOT NULL') // as a copy stopped midway leaves it
    sql(to.sqlite, 'DELETE FROM related_articles')
    // A member signed in on the target: the forced copy ends that session with the members it replaces.
    sql(to.sqlite, `INSERT INTO sessions (id_hash, user_id, created_at, expires_at) VALUES ('${'a'.repeat(64)}', 1, '2026-12-01T00:00:00.000Z', '2026-12-15T00:00:00.000Z')`)
    await assert.rejects(copyDatabase(from, to), (e: unknown) =>
      e instanceof TargetNotEmptyError && /not empty \(users: 2, api_tokens: 1, categories: 3, authors: 2, tags: 3, articles: 4, article_tags: 4, article_authors: 3, comments: 2, article_revisions: 2, article_notes: 2\)/.test(e.message))
    assert.ok((await verifyCopy(from, to)).some((c) => !c.ok))
    await copyDatabase(from, to, { force: true })
    assert.ok((await verifyCopy(from, to)).every((c) => c.ok))
    const target = new BetterSqlite3(to.sqlite)
    t.after(() => target.close())
    assert.deepEqual(target.prepare('SELECT count(*) AS n FROM sessions').get(), { n: 0 })
  })

  it('copies a sub-desk whose desk has the higher id', async (t) => {
    const { from, to } = await sampleSource(t)
    sql(from.sqlite, `INSERT INTO categories (id, slug, name, position) VALUES (10, 'child', 'فرع', 0)`)
    sql(from.sqlite, `INSERT INTO categories (id, slug, name, position) VALUES (11, 'parent', 'أصل', 0)`)
    sql(from.sqlite, 'UPDATE categories SET parent_id = 11 WHERE id = 10')
    await copyDatabase(from, to, { batchRows: 1 }) // one statement per row: the desk is not there yet
    assert.ok((await verifyCopy(from, to)).every((c) => c.ok))
  })

  it('names the table and the row that the target refused', async (t) => {
    const { from, to, ids } = await sampleSource(t)
    const target = await openSqliteStore(to.sqlite)
    await target.close()
    sql(to.sqlite, `CREATE TRIGGER refuse BEFORE INSERT ON articles WHEN NEW.id = ${ids[2]} BEGIN SELECT RAISE(ABORT, 'no room'); END`)
    await assert.rejects(copyDatabase(from, to), new RegExp(`copying articles, row id ${ids[2]}: no room`))
  })

  it('refuses a database with a table it does not know, rather than leave its rows behind', async (t) => {
    const { from, to } = await sampleSource(t)
    sql(from.sqlite, 'CREATE TABLE newsletters (id integer PRIMARY KEY, email text)')
    await assert.rejects(copyDatabase(from, to), /does not know \(newsletters\)/)
  })

  it('refuses a missing source rather than copy an empty database', async (t) => {
    const { to } = await sampleSource(t)
    await assert.rejects(copyDatabase({ sqlite: '/nonexistent/khabar.db' }, to), /no SQLite database at \/nonexistent\/khabar\.db/)
  })
})

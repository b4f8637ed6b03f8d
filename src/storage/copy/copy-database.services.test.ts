import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { rebuildSearchIndex } from '../../core/index.js'
import { createTestSchema } from '../../../tests/support/postgres.js'
import { addArticle } from '../../../tests/support/newsroom.js'
import { addSampleSite, readSampleSite } from '../../../tests/support/sample-site.js'
import { openSqliteStore } from '../sqlite/open-sqlite-store.js'
import { openPostgresStore } from '../postgres/open-postgres-store.js'
import { copyDatabase, TargetNotEmptyError } from './copy-database.js'
import { verifyCopy } from './verify-copy.js'

/** The sample site in a SQLite file, and a fresh PostgreSQL schema; both gone after the test. */
async function sqliteAndPostgres(t: { after(fn: () => Promise<void> | void): void }) {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-copy-pg-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  const file = join(dir, 'khabar.db') // where `khabar` finds it with KHABAR_DATA_DIR=dir
  const store = await openSqliteStore(file)
  const ids = await addSampleSite(store)
  await store.close()
  const s = await createTestSchema()
  t.after(() => s.drop())
  return { dir, sqlite: { sqlite: file }, postgres: { postgres: s.url, schema: s.schema }, ids }
}

const allOk = async (from: Parameters<typeof verifyCopy>[0], to: Parameters<typeof verifyCopy>[1]) => {
  const checks = await verifyCopy(from, to)
  assert.ok(checks.every((c) => c.ok), JSON.stringify(checks, null, 1))
  return checks
}

describe('copyDatabase between SQLite and PostgreSQL', () => {
  it('copies SQLite to PostgreSQL and back, each copy verified and read the same through the repositories', async (t) => {
    const { dir, sqlite, postgres, ids } = await sqliteAndPostgres(t)
    await copyDatabase(sqlite, postgres)
    const checks = await allOk(sqlite, postgres)
    assert.equal(checks.find((c) => c.table === 'related_articles')?.target.rows, 3)

    const source = await openSqliteStore(sqlite.sqlite)
    t.after(() => source.close())
    const pgStore = await openPostgresStore(postgres.postgres, { schema: postgres.schema })
    t.after(() => pgStore.close())
    assert.equal(await rebuildSearchIndex({ store: pgStore }), 3) // the draft is not indexed
    const original = await readSampleSite(source, ids)
    const onPostgres = await readSampleSite(pgStore, ids)
    assert.deepEqual(onPostgres, original)
    assert.deepEqual(onPostgres.searchHits, [ids[0]])

    const back = { sqlite: join(dir, 'back.db') }
    await copyDatabase(postgres, back)
    await allOk(postgres, back)
    const backStore = await openSqliteStore(back.sqlite)
    t.after(() => backStore.close())
    assert.equal(await rebuildSearchIndex({ store: backStore }), 3) // the draft is not indexed
    assert.deepEqual(await readSampleSite(backStore, ids), original)
    // The id sequences follow the copied ids: the next article is numbered after them.
    assert.equal(await addArticle(pgStore, 9, { title: 'خبر بعد النقل' }), Math.max(...ids) + 1)
  })

  it('refuses a PostgreSQL target holding content, and empties it when forced', async (t) => {
    const { sqlite, postgres } = await sqliteAndPostgres(t)
    await copyDatabase(sqlite, postgres, { batchRows: 2 })
    await assert.rejects(copyDatabase(sqlite, postgres), TargetNotEmptyError)
    await copyDatabase(sqlite, postgres, { force: true })
    await allOk(sqlite, postgres)
  })

  it('runs as `khabar db copy --to` a URL naming its schema in the search path, rebuilding the PostgreSQL search index', async (t) => {
    const { sqlite, postgres } = await sqliteAndPostgres(t)
    const url = new URL(postgres.postgres)
    url.searchParams.set('options', `-c search_path=${postgres.schema}`)
    const { KHABAR_DATABASE_URL: _, ...env } = process.env // the configured store is the SQLite one
    const khabar = fileURLToPath(new URL('../../../bin/khabar.js', import.meta.url))
    const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [khabar, 'db', 'copy', '--to', url.toString()], { env: { ...env, KHABAR_DATA_DIR: dirname(sqlite.sqlite) } },
        (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }))
    })
    assert.equal(run.code, 0, run.stderr)
    assert.match(run.stdout, /search index: 3 articles indexed/)
    assert.match(run.stdout, /verified, 12 tables identical/)
  })
})

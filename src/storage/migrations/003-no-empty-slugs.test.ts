import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { openSqliteStore } from '../sqlite/open-sqlite-store.js'

describe('migration 003-no-empty-slugs', () => {
  it('gives stored desks with an empty slug a slug of their own', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'khabar-m003-'))
    t.after(() => rmSync(dir, { recursive: true, force: true }))
    const file = join(dir, 'khabar.db')
    const store = await openSqliteStore(file)
    await store.close()
    // A database as an older Khabar left it: a desk named '—' stored with an empty slug, and the
    // step not yet run.
    const raw = new BetterSqlite3(file)
    raw.prepare(`INSERT INTO categories (slug, name, position) VALUES ('', '—', 9)`).run()
    raw.prepare(`DELETE FROM kysely_migration WHERE name = '003-no-empty-slugs'`).run()
    raw.close()

    const reopened = await openSqliteStore(file)
    t.after(() => reopened.close())
    const desk = (await reopened.categories.all()).find((c) => c.name === '—')
    assert.equal(desk?.slug, 'u2014')
  })
})

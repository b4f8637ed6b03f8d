import { Migrator, type Kysely, type Migration } from 'kysely'
import type { Dialect } from './dialect.js'
import * as m001 from './001-content-model.js'
import * as m002 from './002-search.js'
import * as m003 from './003-no-empty-slugs.js'
import * as m004 from './004-postgres-search.js'
import * as m005 from './005-job-locks.js'
import * as m006 from './006-content-notifications.js'
import * as m007 from './007-related-by-target.js'
import * as m008 from './008-search-keeps-its-text.js'
import * as m009 from './009-newsroom-people.js'
import * as m010 from './010-newsroom-sessions.js'
import * as m011 from './011-api-tokens.js'
import * as m012 from './012-content-clock.js'
import * as m013 from './013-newsroom-articles.js'
import * as m016 from './016-sign-in-failures.js'
import * as m017 from './017-comment-moderation.js'
import * as m014 from './014-article-revisions.js'
import * as m015 from './015-article-notes.js'

type Step = { up(db: Kysely<any>, dialect: Dialect): Promise<void> }

// Ordered by name; a step, once released, is never edited: add the next file instead.
const STEPS: Record<string, Step> = {
  '001-content-model': m001,
  '002-search': m002,
  '003-no-empty-slugs': m003,
  '004-postgres-search': m004,
  '005-job-locks': m005,
  '006-content-notifications': m006,
  '007-related-by-target': m007,
  '008-search-keeps-its-text': m008,
  '009-newsroom-people': m009,
  '010-newsroom-sessions': m010,
  '011-api-tokens': m011,
  '012-content-clock': m012,
  '013-newsroom-articles': m013,
  '016-sign-in-failures': m016,
  '017-comment-moderation': m017,
  '014-article-revisions': m014,
  '015-article-notes': m015,
}

/**
 * Brings the schema to the latest version; each step runs once, in name order, in a transaction
 * (on SQLite the caller's: Kysely runs SQLite's steps outside any, so openSqliteStore opens one).
 * On PostgreSQL, `schema` names where the steps are recorded: Kysely otherwise takes a record
 * table found in any schema of the database (another site's, or another test run's) for this one's.
 */
export async function migrateToLatest(db: Kysely<any>, dialect: Dialect, schema?: string): Promise<string[]> {
  const migrations: Record<string, Migration> = {}
  for (const [name, step] of Object.entries(STEPS)) migrations[name] = { up: (trx) => step.up(trx, dialect) }
  // Unordered: steps are written on parallel branches (004 may land after a database has run
  // 005), so a step is run when it has not been, even if one named after it already has. Each
  // step depends only on steps named before it, which every database has run.
  const migrator = new Migrator({
    db, provider: { getMigrations: async () => migrations }, allowUnorderedMigrations: true,
    ...(schema ? { migrationTableSchema: schema } : {}),
  })
  const { error, results } = await migrator.migrateToLatest()
  if (error) throw error
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}

/**
 * True when every step has run: a plain read, so a store opening on an up-to-date database (the
 * usual case) need not wait for the write lock that migrating takes. Reads the record table of the
 * default schema: for SQLite, which has one.
 */
export async function isMigrated(db: Kysely<any>): Promise<boolean> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true })
  if (!tables.some((t) => t.name === 'kysely_migration')) return false
  const done = new Set((await db.selectFrom('kysely_migration').select('name').execute()).map((r: { name: string }) => r.name))
  return Object.keys(STEPS).every((name) => done.has(name))
}

import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import type { Store } from '../../core/index.js'
import type { Database } from '../sql/schema.js'
import { createSqlRepos } from '../sql/repos.js'
import { createFtsSearchIndex } from './fts-search-index.js'
import { migrateToLatest } from '../migrations/index.js'

/**
 * The embedded store: one SQLite file in WAL mode, so the site keeps reading while an import
 * (even from another process) writes. `file` may be ':memory:' for tests.
 */
export async function openSqliteStore(file: string, opts: { migrate?: boolean } = {}): Promise<Store> {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const raw = new BetterSqlite3(file)
  raw.pragma('journal_mode = WAL')
  raw.pragma('synchronous = NORMAL') // durable at each checkpoint; WAL keeps the file consistent
  raw.pragma('foreign_keys = ON')
  raw.pragma('busy_timeout = 5000') // wait for another process's write instead of failing
  raw.pragma('cache_size = -32000') // 32 MB of pages: the search index's merges stay in memory
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) })
  if (opts.migrate !== false) await migrateToLatest(db, 'sqlite')

  // data_version moves when *another* connection commits; total_changes() counts this
  // connection's own writes. Together they change on every content change, from anywhere.
  const version = raw.prepare('SELECT (SELECT data_version FROM pragma_data_version) AS v, total_changes() AS c')
  return {
    ...createSqlRepos(db, createFtsSearchIndex),
    transaction: (work) => db.transaction().execute((trx) => work(createSqlRepos(trx, createFtsSearchIndex))),
    contentVersion() {
      const row = version.get() as { v: number; c: number }
      return `${row.v}.${row.c}`
    },
    async close() {
      // Table statistics let the planner pick the right index (a handful of ids over a scan of
      // every visible article). Gathered at close, after the writes (an import's, say), and read
      // by every connection; gathering them at open on a still-empty database misleads the
      // planner for the whole bulk load that follows.
      raw.pragma('optimize')
      await db.destroy()
    },
  }
}

/**
 * The connection as Kysely sees it, with prepared statements kept by SQL text. Kysely prepares
 * every query it runs; our queries come from a few dozen shapes, so preparing each shape once
 * saves a parse and plan per query (a good part of an uncached page render).
 */
function withStatementCache(raw: BetterSqlite3.Database, max = 500) {
  const statements = new Map<string, BetterSqlite3.Statement>()
  return {
    close: () => raw.close(),
    prepare(sqlText: string) {
      let stmt = statements.get(sqlText)
      if (!stmt) {
        if (statements.size >= max) statements.delete(statements.keys().next().value!)
        stmt = raw.prepare(sqlText)
        statements.set(sqlText, stmt)
      }
      return stmt
    },
  }
}

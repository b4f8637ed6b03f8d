import { closeSync, mkdirSync, openSync } from 'node:fs'
import { dirname } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import type { Store } from '../../core/index.js'
import type { Database } from '../sql/schema.js'
import { createSqlRepos } from '../sql/repos.js'
import { createFtsSearchIndex } from './fts-search-index.js'
import { isMigrated, migrateToLatest } from '../migrations/index.js'
import { createSqliteJobLock } from './job-lock.js'
import { createImmediateTransaction, isBusy, type LockWait } from './immediate-transaction.js'

export interface SqliteStoreOptions {
  /** Apply pending migrations on open (default true). */
  migrate?: boolean
  /**
   * How long one statement may block the thread waiting for another connection's lock (SQLite's
   * busy_timeout). better-sqlite3 waits synchronously, and in a server every request waits with
   * it, so the default is small (50 ms). Write transactions do not use it: they wait for the lock
   * asynchronously (`lockTimeoutMs`). What it still covers: writes outside `transaction`, the
   * statistics written at close, migrations, and the rare reader wait in WAL mode (recovery).
   * A command-line import, alone on its event loop, may give seconds.
   */
  busyTimeoutMs?: number
  /** How long `transaction` waits, asynchronously, for the write lock before giving up (default 10 s). */
  lockTimeoutMs?: number
  /**
   * The longest pause between two tries at a held write lock (default 10 ms). Whoever tries first
   * when it is let go gets it, so the site keeps this short and an import, which can wait, long.
   */
  maxBackoffMs?: number
}

/**
 * The embedded store: one SQLite file in WAL mode, so the site keeps reading while an import
 * (even from another process) writes, and writers take turns (see `transaction`). `file` may be
 * ':memory:' for tests. A new database file — it holds commenters' e-mail and IP addresses — is
 * readable by its owner only (0600, and so are its -wal and -shm files, which SQLite creates with
 * the database file's mode), in a folder created 0700.
 */
export async function openSqliteStore(file: string, opts: SqliteStoreOptions = {}): Promise<Store> {
  const { busyTimeoutMs = 50, lockTimeoutMs = 10_000, maxBackoffMs = 10 } = opts
  const wait: LockWait = { lockTimeoutMs, maxBackoffMs }
  if (file !== ':memory:') {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
    closeSync(openSync(file, 'a', 0o600)) // created empty if missing (SQLite takes it as a new database)
  }
  const raw = new BetterSqlite3(file)
  raw.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`)
  raw.pragma('journal_mode = WAL')
  raw.pragma('synchronous = NORMAL') // durable at each checkpoint; WAL keeps the file consistent
  raw.pragma('foreign_keys = ON')
  raw.pragma('cache_size = -32000') // 32 MB of pages: the search index's merges stay in memory
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) })
  if (opts.migrate !== false) await migrateWhenFree(raw, db, { busyTimeoutMs, ...wait })

  const contentVersion = contentClock(raw)
  return {
    ...createSqlRepos(db, createFtsSearchIndex),
    transaction: createImmediateTransaction(raw, db, (conn) => createSqlRepos(conn, createFtsSearchIndex), { busyTimeoutMs, ...wait }),
    exclusively: createSqliteJobLock(raw, db, { busyTimeoutMs, ...wait }),
    contentVersion,
    refreshStatistics: async () => refreshStatistics(raw),
    async close() {
      refreshStatistics(raw)
      await db.destroy()
    },
  }
}

/**
 * The content version: migration 012's count of content changes. Reading it every request would
 * start a read transaction each time, so it is read only when the file's own counters moved —
 * data_version when *another* connection committed, total_changes for this connection's writes —
 * which they do on any write, a session's too; the count itself moves only with content.
 */
function contentClock(raw: BetterSqlite3.Database): () => string {
  const counters = raw.prepare('SELECT (SELECT data_version FROM pragma_data_version) AS v, total_changes() AS c')
  let clock: BetterSqlite3.Statement | undefined // prepared at first use: a store may open unmigrated
  let seen = ''
  let ticks = ''
  return () => {
    const row = counters.get() as { v: number; c: number }
    const now = `${row.v}.${row.c}`
    if (now !== seen) {
      // Read after the counters: a commit in between only makes the next call read again.
      clock ??= raw.prepare('SELECT ticks FROM content_clock').pluck()
      ticks = String(clock.get())
      seen = now
    }
    return ticks
  }
}

/**
 * Table statistics let the planner pick the right index (a handful of ids over a scan of every
 * visible article). Gathered after bulk writes and at close, and read by every connection;
 * gathering them at open on a still-empty database misleads the planner for the whole bulk load
 * that follows. Skipped while another connection writes: they can wait for the next time.
 */
function refreshStatistics(raw: BetterSqlite3.Database): void {
  try {
    raw.pragma('optimize')
  } catch (e) {
    if (!isBusy(e)) throw e
  }
}

/**
 * Migrations hold the write lock from their start (BEGIN IMMEDIATE): Kysely runs SQLite's steps
 * outside any transaction and with no lock of its own, so two processes opening a new file at once
 * would both find a step pending and the second would fail on the first's tables. Under the lock,
 * the second waits (asynchronously), then finds every step done; and the steps land together or not
 * at all. An up-to-date file is recognized by a plain read, without the lock.
 */
async function migrateWhenFree(raw: BetterSqlite3.Database, db: Kysely<Database>, opts: LockWait & { busyTimeoutMs: number }): Promise<void> {
  if (await isMigrated(db)) return
  await createImmediateTransaction(raw, db, (conn) => conn, opts)((conn) => migrateToLatest(conn, 'sqlite'))
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

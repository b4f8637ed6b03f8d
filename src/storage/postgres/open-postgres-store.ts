import { createHash, randomUUID } from 'node:crypto'
import { Kysely, PostgresDialect, sql, type KyselyPlugin } from 'kysely'
import pg from 'pg'
import { BusyError, type Store } from '../../core/index.js'
import type { Database } from '../sql/schema.js'
import { createSqlRepos } from '../sql/repos.js'
import { migrateToLatest } from '../migrations/index.js'
import { listenForContentChanges } from './content-signal.js'
import { createPgSearchIndex } from './pg-search-index.js'

export interface PostgresStoreOptions {
  /** Apply pending migrations on open (default true); several processes may start at once. */
  migrate?: boolean
  /** Connections in the pool (default 10). */
  poolSize?: number
  /** The schema to use instead of the connection's default (tests give each run its own). */
  schema?: string
  /** How long `transaction` waits for the write lock before giving up (default 10 s). */
  lockTimeoutMs?: number
  /** How a process learns of other processes' writes; logged when the listener drops. */
  log?: (message: string) => void
}

/** PostgreSQL's lock_not_available: lock_timeout ran out. */
const LOCK_NOT_AVAILABLE = '55P03'

/** A stable 64-bit advisory-lock key for a name, per schema (several sites may share a server). */
export function advisoryKey(schema: string, name: string): string {
  return createHash('sha256').update(`khabar\n${schema}\n${name}`).digest().readBigInt64BE(0).toString()
}

/** Counts the write statements a connection runs (the PostgreSQL driver reports affected rows only for those). */
function writeTracker(onWrite: () => void): KyselyPlugin {
  return {
    transformQuery: (args) => args.node,
    async transformResult(args) {
      if (args.result.numAffectedRows !== undefined) onWrite()
      return args.result
    },
  }
}

/**
 * The store on PostgreSQL, for several app processes (and machines) sharing one database. The
 * repositories are the shared SQL layer's (`storage/sql`); what is PostgreSQL's own is here:
 * - `transaction` holds a transaction-scoped advisory lock, so writers take turns as on SQLite
 *   and what `work` reads stays true until it commits (READ COMMITTED alone would not promise it);
 *   a turn not given within `lockTimeoutMs` is a `BusyError`.
 * - `contentVersion` follows LISTEN/NOTIFY (see `content-signal.ts`, migration 006).
 * - `exclusively` holds a session advisory lock on a connection of its own.
 */
export async function openPostgresStore(
  url: string,
  opts: PostgresStoreOptions = {},
): Promise<Store> {
  const { poolSize = 10, lockTimeoutMs = 10_000 } = opts
  const search = createPgSearchIndex
  // No JIT: before a bulk load's statistics exist, bad row estimates made PostgreSQL spend tens of
  // milliseconds compiling a search query that runs in a few.
  const connection: pg.ClientConfig = { connectionString: url, options: `-c jit=off${opts.schema ? ` -c search_path=${opts.schema}` : ''}` }
  const pool = new pg.Pool({ ...connection, max: poolSize })
  // An idle connection that the server drops (a restart) must not crash the process.
  pool.on('error', (e) => opts.log?.(`khabar: PostgreSQL connection error: ${e.message}`))
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  try {
    const schema = opts.schema ?? (await sql<{ s: string }>`SELECT current_schema() AS s`.execute(db)).rows[0]!.s
    if (opts.migrate !== false) await migrateToLatest(db, 'postgres', schema) // Kysely's migrator takes an advisory lock
    const signal = await listenForContentChanges((name) => new pg.Client({ ...connection, application_name: name }), schema, opts.log)
    // Writes made outside `transaction` commit on their own, statement by statement: they show
    // in this process at once, the others learn of them by notification. Members, sessions and
    // tokens are not content (their tables notify no one either): their writes go untracked.
    const direct = db.withPlugin(writeTracker(() => signal.changed()))
    const writeKey = advisoryKey(schema, 'write')

    return {
      ...createSqlRepos(direct, search, db),
      async transaction(work) {
        const token = randomUUID()
        let wrote = false
        let result
        try {
          result = await db.transaction().execute(async (trx) => {
            await sql`SELECT set_config('lock_timeout', ${`${lockTimeoutMs}ms`}, true),
              set_config('khabar.change', ${token}, true), pg_advisory_xact_lock(${writeKey}::bigint)`.execute(trx)
            return work(createSqlRepos(trx.withPlugin(writeTracker(() => { wrote = true })), search, trx))
          })
        } catch (e) {
          if ((e as { code?: string }).code === LOCK_NOT_AVAILABLE) {
            throw new BusyError(`database is busy: another writer held the write lock for more than ${lockTimeoutMs / 1000} s`)
          }
          throw e
        }
        if (wrote) {
          signal.changed()
          // Returns once every listening process has taken the change in, so a request that
          // follows this write, to any worker on any machine, finds the pages that show it stale.
          await signal.delivered(token, 1_000)
        }
        return result
      },
      contentVersion: () => signal.version(),
      async refreshStatistics() {
        // What autovacuum does in its own time after a bulk load: the planner's statistics, and the
        // visibility map that lets a search read the postings' index alone. VACUUM cannot run in a
        // transaction: this is a statement of its own on a pooled connection.
        await sql`VACUUM (ANALYZE) search_postings, search_docs, search_stats, articles, article_tags, article_authors, related_articles`.execute(db)
      },
      async exclusively(name, work) {
        const key = advisoryKey(schema, name)
        const client = await pool.connect()
        try {
          await client.query('SELECT pg_advisory_lock($1::bigint)', [key])
          try {
            return await work()
          } finally {
            await client.query('SELECT pg_advisory_unlock($1::bigint)', [key])
          }
        } finally {
          client.release()
        }
      },
      async close() {
        await signal.close()
        await db.destroy()
      },
    }
  } catch (e) {
    await db.destroy()
    throw e
  }
}

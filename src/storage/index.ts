import type { Store } from '../core/index.js'
import { openSqliteStore, type SqliteStoreOptions } from './sqlite/open-sqlite-store.js'
import { openPostgresStore } from './postgres/open-postgres-store.js'

export { openSqliteStore, openPostgresStore }

export interface StoreLocation {
  /** postgres://…: PostgreSQL; undefined: the SQLite file `dbFile`. */
  databaseUrl?: string | undefined
  dbFile: string
  /** PostgreSQL connections per process. */
  poolSize?: number
  /** PostgreSQL schema (tests); the connection's default otherwise. */
  schema?: string
}

/**
 * The configured store. `wait` tunes how long writes wait for their turn: the site's defaults
 * suit a server; a command-line import, alone on its event loop, waits longer.
 */
export async function openStore(at: StoreLocation, wait: SqliteStoreOptions = {}): Promise<Store> {
  if (!at.databaseUrl) return openSqliteStore(at.dbFile, wait)
  return openPostgresStore(at.databaseUrl, {
    poolSize: at.poolSize, schema: at.schema, lockTimeoutMs: wait.lockTimeoutMs,
  })
}
export { copyDatabase, TargetNotEmptyError, type CopyProgress } from './copy/copy-database.js'
export { verifyCopy, type TableCheck, type TableSum } from './copy/verify-copy.js'
export { describeLocation, type DatabaseLocation } from './copy/open-database.js'

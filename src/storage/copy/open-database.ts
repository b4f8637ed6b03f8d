import { sql, type Kysely } from 'kysely'
import type { Dialect } from '../migrations/dialect.js'
import { migrateToLatest } from '../migrations/index.js'
import { openSqliteDatabase } from '../sqlite/open-sqlite-database.js'
import { openPostgresDatabase } from '../postgres/open-postgres-database.js'

/** Where a site's database is: a SQLite file, or a PostgreSQL URL (and schema, for tests). */
export type DatabaseLocation = { sqlite: string } | { postgres: string; schema?: string }

/** An open database for whole-database work, at the schema version this code knows. */
export interface OpenDatabase {
  db: Kysely<any>
  dialect: Dialect
  /** Its tables, whatever they hold. */
  tables(): Promise<string[]>
  close(): Promise<void>
}

/**
 * Opens `at` and applies pending migrations, as every command that opens a store does, so both
 * sides of a copy have the same tables and columns. A missing SQLite file is an error when
 * `mustExist` (the side read from), and a new database otherwise.
 */
export async function openDatabase(at: DatabaseLocation, opts: { mustExist?: boolean } = {}): Promise<OpenDatabase> {
  let db: Kysely<any>
  let dialect: Dialect
  let schema: string | undefined
  if ('sqlite' in at) {
    db = openSqliteDatabase(at.sqlite, opts)
    dialect = 'sqlite'
  } else {
    ({ db, schema } = await openPostgresDatabase(at.postgres, at.schema ? { schema: at.schema } : {}))
    dialect = 'postgres'
  }
  try {
    await migrateToLatest(db, dialect, schema)
  } catch (e) {
    await db.destroy()
    throw e
  }
  return {
    db,
    dialect,
    async tables() {
      const found = dialect === 'sqlite'
        ? await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`.execute(db)
        : await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables
            WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`.execute(db)
      return found.rows.map((r) => r.name)
    },
    close: () => db.destroy(),
  }
}

/** A location as a person reads it: the file, or the URL without its password. */
export function describeLocation(at: DatabaseLocation): string {
  if ('sqlite' in at) return at.sqlite
  try {
    const url = new URL(at.postgres)
    if (url.password) url.password = '***'
    return `${url.toString()}${at.schema ? ` (schema ${at.schema})` : ''}`
  } catch {
    return 'the PostgreSQL database'
  }
}

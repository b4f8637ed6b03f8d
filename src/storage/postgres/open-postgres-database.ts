import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'

/**
 * A plain Kysely connection to PostgreSQL, for whole-database work (`khabar db copy`) that goes
 * around the repositories. `schema` sets the search path as the store does (tests); otherwise the
 * URL's own (`?options=-c search_path=…`) or the server's default applies. Returns the schema in
 * use, which must exist: PostgreSQL would otherwise quietly create tables nowhere useful.
 */
export async function openPostgresDatabase(url: string, opts: { schema?: string } = {}): Promise<{ db: Kysely<any>; schema: string }> {
  const pool = new pg.Pool({ connectionString: url, max: 2, ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}) })
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) })
  try {
    const schema = (await sql<{ s: string | null }>`SELECT current_schema() AS s`.execute(db)).rows[0]?.s
    if (!schema) throw new Error('the search path names no existing schema (create it first)')
    return { db, schema }
  } catch (e) {
    await db.destroy()
    throw e
  }
}

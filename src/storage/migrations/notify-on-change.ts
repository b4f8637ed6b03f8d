import { sql, type Kysely } from 'kysely'
import type { Dialect } from './dialect.js'

/**
 * Makes changes to `table` move every app process's content version on PostgreSQL (the trigger
 * function comes from migration 006); nothing on SQLite. Call it for each new table whose rows
 * readers can see.
 */
export async function notifyOnChange(db: Kysely<any>, dialect: Dialect, table: string): Promise<void> {
  if (dialect !== 'postgres') return
  const name = sql.id(`${table}_changed`)
  await sql`DROP TRIGGER IF EXISTS ${name} ON ${sql.table(table)}`.execute(db)
  await sql`CREATE TRIGGER ${name} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${sql.table(table)}
    FOR EACH STATEMENT EXECUTE FUNCTION khabar_content_changed()`.execute(db)
}

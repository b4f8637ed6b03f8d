import { sql, type Kysely } from 'kysely'
import type { Dialect } from './dialect.js'

/**
 * Makes changes to `table` move every app process's content version, so page caches stop serving
 * what changed. Call it for each new table whose rows readers can see — and only for those: the
 * newsroom's members, sessions and tokens are written on every sign-in, and a sign-in must not
 * empty the site's caches.
 * - PostgreSQL: a statement trigger notifies the listening processes (function from migration 006).
 * - SQLite: row triggers count the change in `content_clock` (migration 012), which every
 *   connection reads when the file has changed at all.
 */
export async function notifyOnChange(db: Kysely<any>, dialect: Dialect, table: string): Promise<void> {
  if (dialect === 'sqlite') {
    for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
      const name = sql.id(`${table}_${event.toLowerCase()}_ticks_clock`)
      await sql`DROP TRIGGER IF EXISTS ${name}`.execute(db)
      await sql`CREATE TRIGGER ${name} AFTER ${sql.raw(event)} ON ${sql.table(table)}
        BEGIN UPDATE content_clock SET ticks = ticks + 1; END`.execute(db)
    }
    return
  }
  const name = sql.id(`${table}_changed`)
  await sql`DROP TRIGGER IF EXISTS ${name} ON ${sql.table(table)}`.execute(db)
  await sql`CREATE TRIGGER ${name} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${sql.table(table)}
    FOR EACH STATEMENT EXECUTE FUNCTION khabar_content_changed()`.execute(db)
}

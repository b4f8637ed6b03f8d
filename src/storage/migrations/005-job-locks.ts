import type { Kysely } from 'kysely'
import type { Dialect } from './dialect.js'

/**
 * Named locks shared by every process on the database (`Store.exclusively`), for work that must
 * run once: a row per lock held, naming its holder, so a lock whose process died can be taken over.
 * SQLite only: PostgreSQL's adapter uses advisory locks, which need no table.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (dialect !== 'sqlite') return
  await db.schema.createTable('job_locks')
    .addColumn('name', 'varchar(200)', (c) => c.primaryKey())
    .addColumn('holder_pid', 'integer', (c) => c.notNull())
    .addColumn('host', 'varchar(255)', (c) => c.notNull())
    // Which acquisition holds it: the holder lets go of its own hold only, never of a successor's.
    .addColumn('token', 'varchar(64)', (c) => c.notNull())
    .addColumn('taken_at', 'varchar(30)', (c) => c.notNull())
    .execute()
}

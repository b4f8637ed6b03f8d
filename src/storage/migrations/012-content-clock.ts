import { sql, type Kysely } from 'kysely'
import type { Dialect } from './dialect.js'
import { notifyOnChange } from './notify-on-change.js'

/** SQLite's tables that readers see, as of this step (PostgreSQL's notify since migration 006). */
const CONTENT = ['categories', 'authors', 'tags', 'articles', 'article_tags', 'article_authors', 'comments', 'related_articles']

/**
 * SQLite: a one-row count of content changes, ticked by triggers on the content tables. The file's
 * own change counters (data_version, total_changes) move on any write, a session's too; the page
 * cache now reads this count instead, whenever those counters say the file changed.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (dialect !== 'sqlite') return
  await db.schema.createTable('content_clock')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('ticks', 'integer', (c) => c.notNull())
    .execute()
  await db.insertInto('content_clock').values({ id: 1, ticks: 0 }).execute()
  for (const table of CONTENT) await notifyOnChange(db, dialect, table)
}

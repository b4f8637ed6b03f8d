import { sql, type Kysely } from 'kysely'
import type { Dialect } from './dialect.js'
import { notifyOnChange } from './notify-on-change.js'

/**
 * PostgreSQL: every content table notifies `khabar_content` when a statement changes it, so each
 * app process (workers, other machines) learns of a commit from any writer — `khabar import`, the
 * newsroom, even `psql` — and its page cache stops serving what changed. (SQLite's equivalent is
 * migration 012's clock.) A later step that adds a table readers see calls {@link notifyOnChange}
 * for it; the newsroom's members, sessions and tokens (009–011) have none, on purpose.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (dialect !== 'postgres') return
  // The payload names the schema (several sites, or test runs, may share one server) and the
  // writer's token (`khabar.change`, set by the store's transactions so a writer can wait until
  // its own notification has gone out). Statement-level: one notification per statement at most,
  // and PostgreSQL folds identical ones within a transaction into one.
  await sql`CREATE OR REPLACE FUNCTION khabar_content_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('khabar_content', TG_TABLE_SCHEMA || ' ' || coalesce(current_setting('khabar.change', true), ''));
      RETURN NULL;
    END $$`.execute(db)
  const tables = await sql<{ table_name: string }>`SELECT table_name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'kysely_%' AND table_name <> 'job_locks'`.execute(db)
  for (const { table_name } of tables.rows) await notifyOnChange(db, dialect, table_name)
}

import type { Kysely } from 'kysely'
import { idColumn, type Dialect } from './dialect.js'

/**
 * Failed sign-ins by account (`account:<email>`) and by client address (`ip:<address>`), counted
 * by every app process alike (core/people/sign-in-throttle.ts). Not content: no page cache hears of it.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema.createTable('sign_in_failures')
    .addColumn('id', idColumn(dialect), (c) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey()))
    .addColumn('key', 'varchar(300)', (c) => c.notNull())
    .addColumn('failed_at', 'varchar(30)', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('sign_in_failures_by_key').on('sign_in_failures').columns(['key', 'failed_at']).execute()
}

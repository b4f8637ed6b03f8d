import type { Kysely } from 'kysely'
import { idColumn, type Dialect } from './dialect.js'

/** Personal Admin API tokens: found by their SHA-256 (`token_hash`), never stored themselves; they go with their member. */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema.createTable('api_tokens')
    .addColumn('id', idColumn(dialect), (c) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey()))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('label', 'varchar(200)', (c) => c.notNull())
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('revoked_at', 'varchar(30)')
    .execute()
  await db.schema.createIndex('api_tokens_by_user').on('api_tokens').column('user_id').execute()
}

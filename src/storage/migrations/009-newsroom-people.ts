import { sql, type Kysely } from 'kysely'
import { idColumn, type Dialect } from './dialect.js'

/**
 * The newsroom's members: one row per person who signs in, by a unique (lower-cased) email
 * address. `password_hash` is argon2id's PHC string, or null for a member with no password yet;
 * `active` 0 keeps their name on their work but lets them in no more. The roles are checked here
 * as core/people/user.ts defines them.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema.createTable('users')
    .addColumn('id', idColumn(dialect), (c) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey()))
    .addColumn('email', 'varchar(254)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('role', 'varchar(20)', (c) => c.notNull().check(sql`role IN ('contributor', 'author', 'editor', 'admin')`))
    .addColumn('password_hash', 'varchar(300)')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute()
}

import type { Kysely } from 'kysely'
import type { Dialect } from './dialect.js'

/**
 * Comment moderation: `from_desk` marks the publication's own replies; the moderation queue reads
 * by status, newest first. `status` gains 'trash' (the column has no CHECK: core/comments/comment.ts
 * lists the values).
 */
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('comments').addColumn('from_desk', 'integer', (c) => c.notNull().defaultTo(0)).execute()
  await db.schema.createIndex('comments_queue').on('comments').columns(['status', 'created_at']).execute()
}

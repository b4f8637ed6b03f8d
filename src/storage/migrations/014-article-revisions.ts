import type { Kysely } from 'kysely'
import { idColumn, type Dialect } from './dialect.js'

/**
 * Every save of an article: who saved it, when, and its editable content as JSON text
 * (`snapshot`, core's ArticleSnapshot), with its title beside it so a history list reads no
 * snapshot. Revisions go with their article; a deleted member's stay, with no editor. Readers
 * never see them, so no change notification (notify-on-change.ts). `note` and the long
 * `snapshot` last, for SQLite's sake (see 001).
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema.createTable('article_revisions')
    .addColumn('id', idColumn(dialect), (c) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey()))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('editor_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('title', 'varchar(400)', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .execute()
  // An article's history, newest first, is a backward scan of this index.
  await db.schema.createIndex('article_revisions_by_article').on('article_revisions').columns(['article_id', 'id']).execute()
  // ON DELETE SET NULL looks up a deleted member's revisions by this.
  await db.schema.createIndex('article_revisions_by_editor').on('article_revisions').column('editor_id').execute()
}

import { sql, type Kysely } from 'kysely'
import { idColumn, type Dialect } from './dialect.js'
import { notifyOnChange } from './notify-on-change.js'

/**
 * Corrections (تصحيح) and updates (تحديث) shown under a story, dated. The kinds are checked here
 * as core/articles/article-note.ts defines them. Notes go with their article; a deleted member's
 * stay, with no author. Readers see them, so a change moves every process's content version.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema.createTable('article_notes')
    .addColumn('id', idColumn(dialect), (c) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey()))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(20)', (c) => c.notNull().check(sql`kind IN ('correction', 'update')`))
    .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('article_notes_by_article').on('article_notes').columns(['article_id', 'id']).execute()
  await db.schema.createIndex('article_notes_by_author').on('article_notes').column('author_id').execute()
  await notifyOnChange(db, dialect, 'article_notes')
}

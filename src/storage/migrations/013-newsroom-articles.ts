import type { Kysely } from 'kysely'
import type { Dialect } from './dialect.js'

/**
 * What the newsroom keeps on an article: whose story it is (`owner_id`, the member who created it;
 * null for imported stories and once the member is deleted — the policy then leaves it to editors),
 * and the search-engine title and description an editor may set apart from the headline and dek.
 * `status` gains 'unpublished' (the column has no CHECK: core/articles/article.ts lists the values).
 * Edit locks get a table of their own: taking one is not a content change, and the articles
 * table ticks the page caches' clock.
 */
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('articles').addColumn('owner_id', 'integer', (c) => c.references('users.id').onDelete('set null')).execute()
  await db.schema.alterTable('articles').addColumn('seo_title', 'varchar(300)').execute()
  await db.schema.alterTable('articles').addColumn('seo_description', 'varchar(500)').execute()
  await db.schema.createIndex('articles_desk').on('articles').columns(['status', 'updated_at']).execute()
  await db.schema.createIndex('articles_by_owner').on('articles').columns(['owner_id', 'updated_at']).execute()
  await db.schema.createTable('article_edit_locks')
    .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('taken_at', 'varchar(30)', (c) => c.notNull())
    .execute()
}

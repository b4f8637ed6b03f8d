import { sql, type Kysely } from 'kysely'
import type { Dialect } from './dialect.js'

/**
 * Search: stored related articles (both dialects) and, on SQLite, the FTS5 index over Khabar's own
 * analyzed tokens — FTS5's tokenizers do not fold Arabic, so they only split what core analyzed.
 * Keys (title_k…) hold each word's spelling-folded form, stems (title_s…) its stems. The index is
 * contentless (the text lives in `articles`), with deletes, and prefix indexes for typed-ahead words.
 * Articles stored before this step are indexed at start-up (`ensureSearchIndex`).
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema.createTable('related_articles')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('related_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('related_articles_pk', ['article_id', 'related_id'])
    .execute()
  await db.schema.createIndex('related_articles_by_position').on('related_articles').columns(['article_id', 'position']).execute()
  if (dialect === 'sqlite') {
    await sql`CREATE VIRTUAL TABLE article_search USING fts5(
      title_k, dek_k, body_k, title_s, dek_s, body_s,
      content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0', prefix='2 3'
    )`.execute(db)
    await sql`CREATE VIRTUAL TABLE article_search_vocab USING fts5vocab(article_search, 'row')`.execute(db)
  }
}

import { sql, type Kysely } from 'kysely'
import type { Dialect } from './dialect.js'

/**
 * SQLite's FTS5 index keeps the analyzed text of each entry (step 002 made it contentless, with
 * `contentless_delete`). A contentless-delete table never takes a removed or replaced entry out of
 * the entry count and token total that bm25 reads: every edit of a story made the collection look
 * one story longer, and ranking drifted from bm25 (and from PostgreSQL, which keeps exact counts).
 * A table that keeps its text removes an entry's tokens exactly. The index is emptied here and
 * rebuilt at the next start-up (`ensureSearchIndex`: the entry count no longer matches). PostgreSQL
 * has its own index (step 004), which keeps exact counts: nothing to do there.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (dialect !== 'sqlite') return
  await sql`DROP TABLE article_search_vocab`.execute(db)
  await sql`DROP TABLE article_search`.execute(db)
  await sql`CREATE VIRTUAL TABLE article_search USING fts5(
    title_k, dek_k, body_k, title_s, dek_s, body_s,
    tokenize='unicode61 remove_diacritics 0', prefix='2 3'
  )`.execute(db)
  await sql`CREATE VIRTUAL TABLE article_search_vocab USING fts5vocab(article_search, 'row')`.execute(db)
}

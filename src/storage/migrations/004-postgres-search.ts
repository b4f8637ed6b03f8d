import { sql, type Kysely } from 'kysely'
import type { Dialect } from './dialect.js'

/**
 * Search on PostgreSQL: the tokens core analyzed, kept so that the ranking can be FTS5's bm25 to
 * the decimal (storage/postgres/pg-search-index.ts); SQLite has FTS5 (step 002), so this step does
 * nothing there.
 * - `search_postings`: one row per token, kind (0 key, 1 stem) and article, with its hits per
 *   field and the article's token count over the six fields (BM25's document length). The
 *   primary key carries those too, so ranking a word reads that index alone, its entries side by
 *   side (heap pages are read only until autovacuum marks them all-visible). `term` sorts
 *   bytewise (COLLATE "C") so that a word, or every word a typed-ahead prefix starts, is one
 *   range of the key.
 * - `search_docs`: each indexed article's token count and its six fields as tokens joined by
 *   spaces, read only to check phrases.
 * - `search_stats`: the article count and token total, kept as entries come and go, so that no
 *   search has to add them up.
 * No foreign keys, as with FTS5: the index is derived data, written with its article and rebuilt by
 * `khabar reindex`.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (dialect !== 'postgres') return
  await sql`CREATE TABLE search_postings (
    term text COLLATE "C" NOT NULL,
    kind smallint NOT NULL,
    article_id integer NOT NULL,
    tf_title integer NOT NULL,
    tf_dek integer NOT NULL,
    tf_body integer NOT NULL,
    tokens integer NOT NULL,
    PRIMARY KEY (kind, term, article_id) INCLUDE (tf_title, tf_dek, tf_body, tokens)
  )`.execute(db)
  // A search reads a few index ranges in milliseconds: starting parallel workers costs more than
  // it saves, and a planner misled by stale statistics would otherwise scan the whole table with them.
  await sql`ALTER TABLE search_postings SET (parallel_workers = 0)`.execute(db)
  await sql`CREATE INDEX search_postings_by_article ON search_postings (article_id)`.execute(db)
  await sql`CREATE TABLE search_docs (
    article_id integer PRIMARY KEY,
    tokens integer NOT NULL,
    title_k text NOT NULL, dek_k text NOT NULL, body_k text NOT NULL,
    title_s text NOT NULL, dek_s text NOT NULL, body_s text NOT NULL
  )`.execute(db)
  await sql`CREATE TABLE search_stats (
    one boolean PRIMARY KEY DEFAULT true CHECK (one),
    docs bigint NOT NULL,
    tokens bigint NOT NULL
  )`.execute(db)
  await sql`INSERT INTO search_stats (docs, tokens) VALUES (0, 0)`.execute(db)
}

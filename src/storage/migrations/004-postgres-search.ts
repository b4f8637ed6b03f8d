import { sql, type Kysely } from 'kysely'
import type { Dialect } from './dialect.js'

/**
 * Search on PostgreSQL: the tokens core analyzed, kept as postings so that the ranking can be
 * FTS5's bm25 to the decimal (storage/postgres/pg-search-index.ts); SQLite has FTS5 (step 002),
 * so this step does nothing there.
 * - `search_docs`: one row per indexed article, with its token count over the six fields (BM25's
 *   document length).
 * - `search_postings`: one row per token, kind (0 key, 1 stem) and article: hits per field, and
 *   positions (field in the top bits) for phrases. `term` sorts bytewise (COLLATE "C") so that a
 *   typed-ahead prefix (`LIKE 'قمه%'`) is a range of the primary key; the article index serves
 *   replacing and removing an entry.
 * No foreign keys, as with FTS5: the index is derived data, written with its article and rebuilt by
 * `khabar reindex`.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (dialect !== 'postgres') return
  await sql`CREATE TABLE search_docs (article_id integer PRIMARY KEY, tokens integer NOT NULL)`.execute(db)
  await sql`CREATE TABLE search_postings (
    term text COLLATE "C" NOT NULL,
    kind smallint NOT NULL,
    article_id integer NOT NULL,
    tf_title integer NOT NULL,
    tf_dek integer NOT NULL,
    tf_body integer NOT NULL,
    positions integer[] NOT NULL,
    PRIMARY KEY (term, kind, article_id)
  )`.execute(db)
  await sql`CREATE INDEX search_postings_by_article ON search_postings (article_id)`.execute(db)
}

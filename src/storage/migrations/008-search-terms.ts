import { sql, type Kysely } from 'kysely'
import type { Dialect } from './dialect.js'

/**
 * Search on PostgreSQL: how many articles hold each term, by kind (key or stem), kept as postings
 * come and go (storage/postgres/pg-search-index.ts). A search then knows a word's idf, and whether
 * it is common, from one row instead of counting the word's postings — thousands for a common
 * word, on every search that has it. SQLite's FTS5 keeps its own counts; this step does nothing there.
 * Room is left on each page so the counts' frequent updates stay on it (HOT updates).
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (dialect !== 'postgres') return
  await sql`CREATE TABLE search_terms (
    kind smallint NOT NULL,
    term text COLLATE "C" NOT NULL,
    docs integer NOT NULL,
    PRIMARY KEY (kind, term)
  ) WITH (fillfactor = 80)`.execute(db)
  await sql`INSERT INTO search_terms (kind, term, docs) SELECT kind, term, count(*) FROM search_postings GROUP BY kind, term`.execute(db)
}

/** A table `khabar db copy` moves, with the key its rows are read and compared in. */
export interface ContentTable {
  name: string
  /** The primary key's columns; rows are read, copied and checksummed in this order. Integers only (see below). */
  key: readonly string[]
  /** A column referring to this table's own key (a sub-desk's desk, a reply's comment). */
  selfRef?: string
  /** An auto-numbered `id` whose PostgreSQL sequence must follow the copied ids. */
  serial?: boolean
}

/**
 * Every content table, parents before children (foreign-key order); the copy deletes in the
 * reverse order. Keys are integers on purpose: text would sort by the server's collation on
 * PostgreSQL and bytewise on SQLite, and the two sides would then be read in different orders.
 */
export const CONTENT_TABLES: readonly ContentTable[] = [
  { name: 'users', key: ['id'], serial: true },
  { name: 'api_tokens', key: ['id'], serial: true },
  { name: 'categories', key: ['id'], selfRef: 'parent_id', serial: true },
  { name: 'authors', key: ['id'], serial: true },
  { name: 'tags', key: ['id'], serial: true },
  { name: 'articles', key: ['id'], serial: true },
  { name: 'article_tags', key: ['article_id', 'tag_id'] },
  { name: 'article_authors', key: ['article_id', 'author_id'] },
  { name: 'comments', key: ['id'], selfRef: 'parent_id', serial: true },
  { name: 'related_articles', key: ['article_id', 'related_id'] },
  { name: 'article_revisions', key: ['id'], serial: true },
  { name: 'article_notes', key: ['id'], serial: true },
]

/** Tables not copied but emptied with the content, since their rows belong to content rows (sessions to members). */
export const EMPTIED_WITH_CONTENT: readonly string[] = ['sessions', 'article_edit_locks']

/**
 * Tables that are not copied: migration records and job locks belong to the database, not to the
 * site; sessions are left behind, so members sign in again on the new database rather than carry
 * live sign-ins along in a file; and the search index (FTS5 on SQLite, postings on PostgreSQL) is rebuilt from the copied
 * articles because its form differs per dialect.
 */
const NOT_COPIED = /^(kysely_migration|kysely_migration_lock|job_locks|content_clock|sessions|article_edit_locks|sign_in_failures|search_docs|search_postings|search_stats|article_search(_.*)?|sqlite_.*)$/

/**
 * Tables found in a database that are neither copied nor knowingly left out: a migration added
 * them and this list was not told. The copy refuses rather than leave a site's data behind.
 */
export function unknownTables(names: readonly string[]): string[] {
  const known = new Set(CONTENT_TABLES.map((t) => t.name))
  return names.filter((n) => !known.has(n) && !NOT_COPIED.test(n))
}

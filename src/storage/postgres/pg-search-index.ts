import { sql, type Kysely } from 'kysely'
import type { ParsedQuery, SearchDocument, SearchIndex } from '../../core/index.js'
import type { Database } from '../sql/schema.js'
import { RECENCY, commonLimit, planSearch, queryWords, type Phrase, type SearchPlan } from '../sql/search-plan.js'
import { candidatePool, rankCandidates } from '../sql/rank-candidates.js'
import { isFiltered, searchFilters } from '../sql/search-filters.js'
import { KIND, compilePlan, countPhrases, phraseKey, positivePhrases, type PhraseCountRow, type PlanStats } from './pg-search-sql.js'
import { ftsTokens } from './fts-tokens.js'

/** The promise, with its rejection marked handled: it may never be awaited (then nobody needs its error). */
function quietly<T>(p: Promise<T>): Promise<T> {
  p.catch(() => {})
  return p
}

interface Posting { term: string; kind: number; tf: [number, number, number] }

/**
 * An article's entry: for each token of each field, by kind (key or stem), how often it occurs
 * per field; the fields' tokens joined by spaces (for phrases); and `tokens`, the count over all
 * six fields, as FTS5's document length. Fields are tokenized as FTS5 tokenizes its columns.
 */
export function toEntry(doc: SearchDocument): { postings: Posting[]; texts: string[]; tokens: number } {
  const byTerm = new Map<string, Posting>()
  const texts: string[] = []
  let tokens = 0
  for (const [kind, fields] of [[KIND.keys, doc.keys], [KIND.stems, doc.stems]] as const) {
    ;[fields.title, fields.dek, fields.body].forEach((text, field) => {
      const words = ftsTokens(text)
      for (const term of words) {
        const id = `${kind}\u0000${term}`
        let p = byTerm.get(id)
        if (!p) byTerm.set(id, p = { term, kind, tf: [0, 0, 0] })
        p.tf[field]!++
      }
      texts.push(words.join(' '))
      tokens += words.length
    })
  }
  return { postings: [...byTerm.values()], texts, tokens }
}

/**
 * The query's words (keys and stems) that are common in an index of `size` articles (see
 * commonLimit), for the some-words plan. A word's articles are read up to limit + 1 per kind: more
 * than that in either kind settles it, and below that the distinct count is exact.
 */
export async function readCommonWords(db: Kysely<Database>, q: ParsedQuery, size: number): Promise<Set<string>> {
  const limit = Math.floor(commonLimit(size))
  const rows = await sql<{ term: string; docs: number }>`SELECT w.term, (SELECT count(DISTINCT article_id)::integer FROM (
      (SELECT article_id FROM search_postings WHERE kind = 0 AND term = w.term LIMIT ${limit + 1})
      UNION ALL (SELECT article_id FROM search_postings WHERE kind = 1 AND term = w.term LIMIT ${limit + 1})) x) AS docs
    FROM unnest(${queryWords(q)}::text[]) AS w(term)`.execute(db)
  return new Set(rows.rows.filter((r) => r.docs > limit).map((r) => r.term))
}

/** What the index knows of a query's phrases: its size then, and each phrase's article count by phraseKey. */
export interface PhraseCounts { docs: number; tokens: number; byPhrase: Map<string, number> }

/** Adds to `known` (or a new record) the article counts of those of `phrases` it lacks: one short statement, none when it lacks none. */
export async function readPhraseCounts(db: Kysely<Database>, phrases: readonly Phrase[], known?: PhraseCounts): Promise<PhraseCounts> {
  const missing = [...new Map(phrases.map((p) => [phraseKey(p), p])).entries()].filter(([key]) => !known?.byPhrase.has(key))
  if (known && missing.length === 0) return known
  const { statement, counts } = countPhrases(missing.map(([, p]) => p))
  const row = (await sql<PhraseCountRow>`${statement}`.execute(db)).rows[0]!
  const out = known ?? { docs: Number(row.docs), tokens: Number(row.tokens), byPhrase: new Map() }
  counts(row).forEach((n, i) => out.byPhrase.set(missing[i]![0], n))
  return out
}

/** The stats compilePlan needs for `plan`, from counts read for its phrases. */
export const planStats = (plan: SearchPlan, c: PhraseCounts): PlanStats =>
  ({ docs: c.docs, tokens: c.tokens, counts: positivePhrases(plan).map((p) => c.byPhrase.get(phraseKey(p))!) })

/**
 * The search index on PostgreSQL (see migration 004): Khabar's own postings, ranked in one
 * statement by the bm25 FTS5 computes on SQLite, with the same column weights, recency boost and
 * `all`/`some` plans (storage/sql/search-plan.ts), so both databases return the same results.
 */
export function createPgSearchIndex(db: Kysely<Database>): SearchIndex {
  // The entry count moves slowly; counting it on every `some` search would not.
  let sized = { n: 0, at: 0 }
  const indexSize = async () => {
    if (Date.now() - sized.at > 60_000) sized = { n: await countEntries(), at: Date.now() }
    return sized.n
  }
  const countEntries = async () => Number((await sql<{ n: string }>`SELECT docs AS n FROM search_stats`.execute(db)).rows[0]?.n ?? 0)
  const frequencies = async (terms: readonly string[]) => {
    const out = new Map<string, number>()
    if (terms.length === 0) return out
    const rows = await sql<{ term: string; doc: number }>`SELECT term, count(DISTINCT article_id)::integer AS doc
      FROM search_postings WHERE kind IN (0, 1) AND term = ANY(${[...terms]}::text[]) GROUP BY term`.execute(db)
    for (const r of rows.rows) out.set(r.term, Number(r.doc))
    return out
  }
  const commonWords = async (q: ParsedQuery) => readCommonWords(db, q, await indexSize())
  const common = new WeakMap<ParsedQuery, Promise<Set<string>>>()
  const counted = new WeakMap<ParsedQuery, PhraseCounts>()
  const removeWith = async (conn: Kysely<Database>, id: number) => {
    await sql`WITH postings AS (DELETE FROM search_postings WHERE article_id = ${id}),
        gone AS (DELETE FROM search_docs WHERE article_id = ${id} RETURNING tokens)
      UPDATE search_stats SET docs = docs - (SELECT count(*) FROM gone), tokens = tokens - coalesce((SELECT sum(tokens) FROM gone), 0)
      WHERE EXISTS (SELECT 1 FROM gone)`.execute(conn)
  }
  const remove = (id: number) => removeWith(db, id)

  /**
   * Replaces an article's entry in one transaction (the caller's, or its own), holding a lock on
   * that article's entry: two processes indexing the same story at once would otherwise both
   * delete, then both insert, and the second would fail on the first's postings.
   */
  const putWith = async (conn: Kysely<Database>, doc: SearchDocument) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext(current_schema()), ${doc.id}::integer)`.execute(conn)
    await removeWith(conn, doc.id)
    const { postings, texts, tokens } = toEntry(doc)
    // One statement per article, the postings as parallel arrays: no round trip per token.
    await sql`WITH doc AS (INSERT INTO search_docs (article_id, tokens, title_k, dek_k, body_k, title_s, dek_s, body_s)
          VALUES (${doc.id}, ${tokens}, ${sql.join(texts)})),
        stats AS (UPDATE search_stats SET docs = docs + 1, tokens = tokens + ${tokens})
      INSERT INTO search_postings (term, kind, article_id, tf_title, tf_dek, tf_body, tokens)
      SELECT t.term, t.kind, ${doc.id}, t.tf_title, t.tf_dek, t.tf_body, ${tokens}
      FROM unnest(${postings.map((p) => p.term)}::text[], ${postings.map((p) => p.kind)}::smallint[],
        ${postings.map((p) => p.tf[0])}::integer[], ${postings.map((p) => p.tf[1])}::integer[], ${postings.map((p) => p.tf[2])}::integer[])
        AS t(term, kind, tf_title, tf_dek, tf_body)`.execute(conn)
  }

  return {
    async put(doc) {
      if (db.isTransaction) await putWith(db, doc)
      else await db.transaction().execute((trx) => putWith(trx, doc))
    },

    remove,

    async clear() {
      await sql`TRUNCATE search_postings, search_docs`.execute(db)
      await sql`UPDATE search_stats SET docs = 0, tokens = 0`.execute(db)
    },

    async search(query, f, page, mode = 'all') {
      // A `some` search follows an `all` search of the same query when that one finds too few,
      // and needs the query's common words first: they are read alongside the `all` search, on
      // another connection, rather than after it.
      if (mode === 'all' && query.terms.length > 1 && !common.has(query)) common.set(query, quietly(commonWords(query)))
      const plan = planSearch(query, mode, mode === 'some' ? await (common.get(query) ?? commonWords(query)) : undefined)
      if (plan === null) return { hits: [], total: 0 }
      // The phrases' article counts, read once per query: an `all` search reads those of the
      // `some` search that may follow too (its whole words), so that one needs none.
      const later = mode === 'all' && query.terms.length > 1 ? positivePhrases(planSearch(query, 'some') ?? { or: [] }) : []
      const known = await readPhraseCounts(db, [...positivePhrases(plan), ...later], counted.get(query))
      counted.set(query, known)
      const stats = planStats(plan, known)
      const matched = compilePlan(plan, stats)
      if (matched === null) return { hits: [], total: 0 }
      const at = f.visibleAt.toISOString()
      if (!isFiltered(f)) {
        // The best matches and their articles' visibility in one statement: one round trip less.
        const best = await sql<{ id: number; bm25: number; total: string; published_at: string | null; live: number | null }>`${matched},
          best AS (SELECT article_id, bm25, count(*) OVER () AS total FROM matched
            ORDER BY bm25, article_id LIMIT ${candidatePool(page.offset + page.limit)})
          SELECT b.article_id AS id, b.bm25, b.total, a.published_at, a.live
          FROM best b LEFT JOIN articles a ON a.id = b.article_id ORDER BY b.bm25, b.article_id`.execute(db)
        const total = Number(best.rows[0]?.total ?? 0)
        const candidates = best.rows.map((r) => ({ id: r.id, bm25: r.bm25, publishedAt: r.published_at, live: r.live === 1 }))
        const quick = await rankCandidates(candidates, at, page, async () => total)
        if (quick) return quick
      }
      // The total counted in the same statement, so a page past the end still says how many there are.
      const rows = await sql<{ id: number | null; score: number | null; total: string }>`${matched},
        found AS (SELECT a.id, a.published_at,
            -m.bm25 * (1 + ${RECENCY}::float8 / (1 + extract(epoch FROM (${at}::timestamptz - a.published_at::timestamptz)) / 86400 / 30)) AS score
          FROM matched m JOIN articles a ON a.id = m.article_id WHERE ${sql.join(searchFilters(f, at), sql` AND `)})
        SELECT n.total, p.id, p.score FROM (SELECT count(*) AS total FROM found) n
        LEFT JOIN LATERAL (SELECT id, score FROM found ORDER BY score DESC, published_at DESC LIMIT ${page.limit} OFFSET ${page.offset}) p ON true`.execute(db)
      return {
        hits: rows.rows.filter((r) => r.id !== null).map((r) => ({ id: r.id!, score: r.score! })),
        total: Number(rows.rows[0]?.total ?? 0),
      }
    },

    documentFrequencies: frequencies,

    size: countEntries,
  }
}

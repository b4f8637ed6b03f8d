import { sql, type Kysely } from 'kysely'
import type { ParsedQuery, SearchDocument, SearchIndex } from '../../core/index.js'
import type { Database } from '../sql/schema.js'
import { RECENCY, commonLimit, planSearch, queryWords, type SearchPlan } from '../sql/search-plan.js'
import { candidatePool, rankCandidates, type Candidate } from '../sql/rank-candidates.js'
import { isFiltered, searchFilters } from '../sql/search-filters.js'
import { KIND, compilePlan, compilePlans, type TermDocs } from './pg-search-sql.js'
import { ftsTokens } from './fts-tokens.js'

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
 * Which of `words` are common in an index of `size` articles (see commonLimit), for the some-words
 * plan, counted from the postings: a word's articles are read up to limit + 1 per kind (more than
 * that in either kind settles it; below that the distinct count is exact). The index answers most
 * words from its kept counts instead (see termCounts).
 */
export async function readCommonWords(db: Kysely<Database>, words: readonly string[], size: number): Promise<Set<string>> {
  if (words.length === 0) return new Set()
  const limit = Math.floor(commonLimit(size))
  const rows = await sql<{ term: string; docs: number }>`SELECT w.term, (SELECT count(DISTINCT article_id)::integer FROM (
      (SELECT article_id FROM search_postings WHERE kind = 0 AND term = w.term LIMIT ${limit + 1})
      UNION ALL (SELECT article_id FROM search_postings WHERE kind = 1 AND term = w.term LIMIT ${limit + 1})) x) AS docs
    FROM unnest(${[...words]}::text[]) AS w(term)`.execute(db)
  return new Set(rows.rows.filter((r) => r.docs > limit).map((r) => r.term))
}

/** The search index on PostgreSQL, with what a store transaction calls before it commits. */
export interface PgSearchIndex extends SearchIndex {
  /**
   * Writes the article counts (search_terms) that this index's puts and removes changed. In a
   * store transaction they are added up and written once, at its end: a batch of 250 imported
   * stories updates a common word's count once, not 250 times. Outside one, each write does it.
   */
  flush(): Promise<void>
}

/** A query's terms' article counts by kind (`search_terms`), and the index's size, read together. */
interface TermCounts { docs: TermDocs; size: number; common(): Promise<Set<string>> }

/**
 * The search index on PostgreSQL (see migration 004): Khabar's own postings, ranked in one
 * statement by the bm25 FTS5 computes on SQLite, with the same column weights, recency boost and
 * `all`/`some` plans (storage/sql/search-plan.ts), so both databases return the same results.
 */
export function createPgSearchIndex(db: Kysely<Database>): PgSearchIndex {
  const countEntries = async () => Number((await sql<{ n: string }>`SELECT docs AS n FROM search_stats`.execute(db)).rows[0]?.n ?? 0)
  const frequencies = async (terms: readonly string[]) => {
    const out = new Map<string, number>()
    if (terms.length === 0) return out
    const rows = await sql<{ term: string; doc: number }>`SELECT term, count(DISTINCT article_id)::integer AS doc
      FROM search_postings WHERE kind IN (0, 1) AND term = ANY(${[...terms]}::text[]) GROUP BY term`.execute(db)
    for (const r of rows.rows) out.set(r.term, Number(r.doc))
    return out
  }
  /**
   * What a query's plans need before they are compiled, in one look-up: each word's article count
   * by kind (a whole word's idf), the index's size, and from those which words are common. A word
   * is common when it is in more than the limit's articles as key or as stem (FTS5 counts an
   * article holding either); the two counts settle that unless neither alone passes the limit
   * and their sum does — then its postings are counted (readCommonWords).
   */
  const termCounts = async (q: ParsedQuery): Promise<TermCounts> => {
    const words = queryWords(q)
    const terms = [...new Set([...words, ...words.flatMap(ftsTokens)])]
    const { rows } = await sql<{ size: string; kind: number | null; term: string | null; docs: number | null }>`SELECT s.docs AS size, t.kind, t.term, t.docs
      FROM search_stats s LEFT JOIN search_terms t ON t.kind IN (0, 1) AND t.term = ANY(${terms}::text[]) WHERE s.one`.execute(db)
    const counts = new Map<string, number>()
    for (const r of rows) if (r.term !== null) counts.set(`${r.kind}\u0000${r.term}`, r.docs!)
    const docs: TermDocs = (kind, term) => counts.get(`${kind}\u0000${term}`) ?? (terms.includes(term) ? 0 : undefined)
    const size = Number(rows[0]?.size ?? 0)
    let common: Promise<Set<string>> | undefined
    return {
      docs,
      size,
      common: () => (common ??= (async () => {
        const limit = Math.floor(commonLimit(size))
        const known = new Set<string>()
        const unsure: string[] = []
        for (const w of words) {
          const [key, stem] = [docs(KIND.keys, w) ?? 0, docs(KIND.stems, w) ?? 0]
          if (Math.max(key, stem) > limit) known.add(w)
          else if (key + stem > limit) unsure.push(w)
        }
        for (const w of await readCommonWords(db, unsure, size)) known.add(w)
        return known
      })()),
    }
  }
  /**
   * Every change to the index holds its write lock until the transaction ends. The kept counts
   * (search_terms) are shared by every article: two writers updating the same common words in
   * different orders would deadlock, and two indexing one article at once would both delete, then
   * both insert, and the second would fail on the first's postings.
   */
  const lock = (conn: Kysely<Database>) => sql`SELECT pg_advisory_xact_lock(hashtext(current_schema()), 0)`.execute(conn)
  // Article counts changed by this index's writes and not yet written: `${kind}\u0000${term}` → change.
  const pending = new Map<string, number>()
  const count = (kind: number, term: string, change: number) => {
    const key = `${kind}\u0000${term}`
    pending.set(key, (pending.get(key) ?? 0) + change)
  }
  const flushWith = async (conn: Kysely<Database>) => {
    const changes = [...pending].filter(([, change]) => change !== 0).map(([key, change]) => [...key.split('\u0000'), change] as const)
    pending.clear()
    if (changes.length === 0) return
    await sql`INSERT INTO search_terms (kind, term, docs)
      SELECT t.kind, t.term, t.change FROM unnest(${changes.map((c) => Number(c[0]))}::smallint[], ${changes.map((c) => c[1])}::text[], ${changes.map((c) => c[2])}::integer[]) AS t(kind, term, change)
      ON CONFLICT (kind, term) DO UPDATE SET docs = search_terms.docs + EXCLUDED.docs`.execute(conn)
  }
  // In a store transaction, the store flushes at its end; otherwise a write is its own transaction, flushed in it.
  const inTransaction = async (work: (conn: Kysely<Database>) => Promise<void>) => {
    if (db.isTransaction) await work(db)
    else await db.transaction().execute(async (trx) => { await work(trx); await flushWith(trx) })
  }
  const removeWith = async (conn: Kysely<Database>, id: number) => {
    await lock(conn)
    const removed = await sql<{ kind: number; term: string }>`WITH postings AS (DELETE FROM search_postings WHERE article_id = ${id} RETURNING kind, term),
        gone AS (DELETE FROM search_docs WHERE article_id = ${id} RETURNING tokens),
        stats AS (UPDATE search_stats SET docs = docs - (SELECT count(*) FROM gone), tokens = tokens - coalesce((SELECT sum(tokens) FROM gone), 0)
          WHERE EXISTS (SELECT 1 FROM gone))
      SELECT kind, term FROM postings`.execute(conn)
    for (const r of removed.rows) count(r.kind, r.term, -1)
  }

  /** Replaces an article's entry in one transaction (the caller's, or its own). */
  const putWith = async (conn: Kysely<Database>, doc: SearchDocument) => {
    await removeWith(conn, doc.id)
    const { postings, texts, tokens } = toEntry(doc)
    const [terms, kinds] = [postings.map((p) => p.term), postings.map((p) => p.kind)]
    // One statement per article, the postings as parallel arrays: no round trip per token.
    await sql`WITH doc AS (INSERT INTO search_docs (article_id, tokens, title_k, dek_k, body_k, title_s, dek_s, body_s)
          VALUES (${doc.id}, ${tokens}, ${sql.join(texts)})),
        stats AS (UPDATE search_stats SET docs = docs + 1, tokens = tokens + ${tokens})
      INSERT INTO search_postings (term, kind, article_id, tf_title, tf_dek, tf_body, tokens)
      SELECT t.term, t.kind, ${doc.id}, t.tf_title, t.tf_dek, t.tf_body, ${tokens}
      FROM unnest(${terms}::text[], ${kinds}::smallint[],
        ${postings.map((p) => p.tf[0])}::integer[], ${postings.map((p) => p.tf[1])}::integer[], ${postings.map((p) => p.tf[2])}::integer[])
        AS t(term, kind, tf_title, tf_dek, tf_body)`.execute(conn)
    for (const p of postings) count(p.kind, p.term, 1)
  }

  /**
   * The best matches by BM25 alone of `plan`, and of `some` when `plan` matches fewer than
   * `fewerThan` articles (else `some` is not run), with their articles' visibility, in one statement.
   */
  const bestOf = async (plan: SearchPlan, docs: TermDocs, pool: number, some?: { plan: SearchPlan; fewerThan: number }) => {
    const best = (k: number, name: string, when = sql``) => sql`(SELECT ${sql.lit(k)}::integer AS plan, article_id, bm25, count(*) OVER () AS total
      FROM ${sql.ref(name)} ${when} ORDER BY bm25, article_id LIMIT ${pool})`
    const branches = [best(0, 'matched')]
    if (some) branches.push(best(1, 'matched_some', sql`WHERE (SELECT count(*) FROM matched) < ${some.fewerThan}`))
    const rows = await sql<{ plan: number; id: number; bm25: number; total: string; published_at: string | null; live: number | null }>`${compilePlans(some ? { matched: plan, matched_some: some.plan } : { matched: plan }, docs)},
      best AS (${sql.join(branches, sql` UNION ALL `)})
      SELECT b.plan, b.article_id AS id, b.bm25, b.total, a.published_at, a.live
      FROM best b LEFT JOIN articles a ON a.id = b.article_id ORDER BY b.plan, b.bm25, b.article_id`.execute(db)
    return [0, 1].map((k) => {
      const mine = rows.rows.filter((r) => r.plan === k)
      return { total: Number(mine[0]?.total ?? 0), candidates: mine.map((r): Candidate => ({ id: r.id, bm25: r.bm25, publishedAt: r.published_at, live: r.live === 1 })) }
    }) as [{ total: number; candidates: Candidate[] }, { total: number; candidates: Candidate[] }]
  }
  // The some-words matches found with a query's every-words ones, for the some-words search that
  // follows when those do not fill a page (core/search/search-articles.ts).
  const someFound = new WeakMap<ParsedQuery, { at: string; pool: number; total: number; candidates: Candidate[] }>()

  /**
   * The common case — words, no filters — ranked from the best candidates by BM25 (see
   * rankCandidates), or null when visibility left too few of them. A query of several words gets
   * its every-words and some-words matches from one reading of its postings: the some-words
   * search is needed for most such queries, and would read most of the same postings again.
   */
  const rankUnfiltered = async (query: ParsedQuery, at: string, page: { offset: number; limit: number }, mode: 'all' | 'some') => {
    const pool = candidatePool(page.offset + page.limit)
    const kept = mode === 'some' ? someFound.get(query) : undefined
    someFound.delete(query)
    if (kept && kept.at === at && kept.pool >= pool) return rankCandidates(kept.candidates, at, page, async () => kept.total)
    const counts = await termCounts(query)
    const some = mode === 'all' && query.terms.length > 1 ? planSearch(query, 'some', await counts.common()) : null
    const plan = mode === 'all' ? planSearch(query, 'all') : planSearch(query, 'some', await counts.common())
    if (plan === null) return { hits: [], total: 0 }
    // The some-words search follows only when the every-words matches do not fill the page.
    const [found, alsoSome] = await bestOf(plan, counts.docs, pool, some ? { plan: some, fewerThan: page.limit } : undefined)
    if (some && found.total < page.limit) someFound.set(query, { at, pool, ...alsoSome })
    return rankCandidates(found.candidates, at, page, async () => found.total)
  }

  return {
    async flush() {
      await flushWith(db)
    },

    async put(doc) {
      await inTransaction((conn) => putWith(conn, doc))
    },

    async remove(id) {
      await inTransaction((conn) => removeWith(conn, id))
    },

    async clear() {
      pending.clear()
      await sql`TRUNCATE search_postings, search_docs, search_terms`.execute(db)
      await sql`UPDATE search_stats SET docs = 0, tokens = 0`.execute(db)
    },

    async search(query, f, page, mode = 'all') {
      const at = f.visibleAt.toISOString()
      if (!isFiltered(f)) {
        const ranked = await rankUnfiltered(query, at, page, mode)
        if (ranked) return ranked
      }
      const counts = await termCounts(query)
      const plan = planSearch(query, mode, mode === 'some' ? await counts.common() : undefined)
      if (plan === null) return { hits: [], total: 0 }
      const matched = compilePlan(plan, counts.docs)
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

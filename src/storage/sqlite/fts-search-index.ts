import { sql, type Kysely } from 'kysely'
import { type ParsedQuery, type SearchIndex } from '../../core/index.js'
import type { Database } from '../sql/schema.js'
import { COLUMN_WEIGHTS, RECENCY, commonLimit, planSearch, queryWords, type SearchPlan } from '../sql/search-plan.js'
import { candidatePool, rankCandidates, withVisibility } from '../sql/rank-candidates.js'
import { isFiltered, searchFilters } from '../sql/search-filters.js'

const KEYS = '{title_k dek_k body_k}'
const STEMS = '{title_s dek_s body_s}'
const quote = (s: string) => `"${s.replace(/"/g, '""')}"`

function render(p: SearchPlan): string {
  if ('phrase' in p) return `${p.phrase.columns === 'keys' ? KEYS : STEMS} : ${quote(p.phrase.text)}${p.phrase.prefix ? '*' : ''}`
  if ('not' in p) return `(${render(p.not[0])}) NOT (${render(p.not[1])})`
  const [op, parts] = 'and' in p ? [' AND ', p.and] : [' OR ', p.or]
  return parts.map((x) => `(${render(x)})`).join(op)
}

/** The FTS5 MATCH expression of a parsed query (see {@link planSearch}); null when nothing is to match. */
export function toFtsMatch(q: ParsedQuery, match: 'all' | 'some' = 'all', common: ReadonlySet<string> = new Set()): string | null {
  const plan = planSearch(q, match, common)
  return plan && render(plan)
}

const BM25 = `bm25(article_search, ${COLUMN_WEIGHTS.join(', ')})`

/** The keys and stems of a query found in a large share of the indexed articles (see {@link commonLimit}). */
async function commonWords(db: Kysely<Database>, q: ParsedQuery, size: number): Promise<Set<string>> {
  const df = await sql<{ term: string; doc: number }>`SELECT term, doc FROM article_search_vocab WHERE term IN (${sql.join(queryWords(q))})`.execute(db)
  return new Set(df.rows.filter((r) => Number(r.doc) > commonLimit(size)).map((r) => r.term))
}

/** The search index on SQLite FTS5 (see migration 002). */
export function createFtsSearchIndex(db: Kysely<Database>): SearchIndex {
  // The entry count moves slowly; counting 18,000 entries on every search would not.
  let sized = { n: 0, at: 0 }
  const indexSize = async () => {
    if (Date.now() - sized.at > 60_000) sized = { n: await countEntries(), at: Date.now() }
    return sized.n
  }
  const countEntries = async () => Number((await sql<{ n: number }>`SELECT count(*) AS n FROM article_search`.execute(db)).rows[0]?.n ?? 0)
  return {
    async put(doc) {
      await sql`DELETE FROM article_search WHERE rowid = ${doc.id}`.execute(db)
      await sql`INSERT INTO article_search (rowid, title_k, dek_k, body_k, title_s, dek_s, body_s)
        VALUES (${doc.id}, ${doc.keys.title}, ${doc.keys.dek}, ${doc.keys.body}, ${doc.stems.title}, ${doc.stems.dek}, ${doc.stems.body})`.execute(db)
    },

    async remove(id) {
      await sql`DELETE FROM article_search WHERE rowid = ${id}`.execute(db)
    },

    async clear() {
      await sql`DELETE FROM article_search`.execute(db)
    },

    async search(query, f, page, mode = 'all') {
      const match = toFtsMatch(query, mode, mode === 'some' ? await commonWords(db, query, await indexSize()) : undefined)
      if (match === null) return { hits: [], total: 0 }
      const at = f.visibleAt.toISOString()
      if (!isFiltered(f)) {
        const candidates = await sql<{ id: number; bm25: number }>`SELECT rowid AS id, ${sql.raw(BM25)} AS bm25
          FROM article_search WHERE article_search MATCH ${match} ORDER BY bm25 LIMIT ${candidatePool(page.offset + page.limit)}`.execute(db)
        const matches = candidates.rows.map((r) => ({ id: Number(r.id), bm25: Number(r.bm25) }))
        const quick = await rankCandidates(await withVisibility(db, matches), at, page, async () =>
          Number((await sql<{ n: number }>`SELECT count(*) AS n FROM article_search WHERE article_search MATCH ${match}`.execute(db)).rows[0]?.n ?? 0))
        if (quick) return quick
      }
      const where = [sql`article_search MATCH ${match}`, ...searchFilters(f, at)]
      const filter = sql.join(where, sql` AND `)
      const bm25 = sql.raw(BM25)
      const [rows, count] = await Promise.all([
        sql<{ id: number; score: number }>`
          SELECT a.id AS id, -${bm25} * (1 + ${RECENCY} / (1 + (julianday(${at}) - julianday(a.published_at)) / 30)) AS score
          FROM article_search JOIN articles a ON a.id = article_search.rowid
          WHERE ${filter}
          ORDER BY score DESC, a.published_at DESC
          LIMIT ${page.limit} OFFSET ${page.offset}`.execute(db),
        sql<{ n: number }>`SELECT count(*) AS n FROM article_search JOIN articles a ON a.id = article_search.rowid WHERE ${filter}`.execute(db),
      ])
      return { hits: rows.rows.map((r) => ({ id: Number(r.id), score: Number(r.score) })), total: Number(count.rows[0]?.n ?? 0) }
    },

    async documentFrequencies(stems) {
      const out = new Map<string, number>()
      if (stems.length === 0) return out
      const rows = await sql<{ term: string; doc: number }>`SELECT term, doc FROM article_search_vocab WHERE term IN (${sql.join([...stems])})`.execute(db)
      for (const r of rows.rows) out.set(r.term, Number(r.doc))
      return out
    },

    size: countEntries,
  }
}

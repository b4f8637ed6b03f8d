import { sql, type Kysely } from 'kysely'
import { type ParsedQuery, type QueryTerm, type SearchIndex } from '../../core/index.js'
import type { Database } from '../sql/schema.js'

/**
 * BM25 weights per column, in table order: exact words (keys) in title, standfirst, body; then
 * stems in the same fields. A title word counts most; a stem match a little less than the word
 * as typed. Tuned with `npm run eval:search`.
 */
export const COLUMN_WEIGHTS = [5, 2.5, 1, 4, 2, 0.8] as const
/** Extra weight for recent stories: ×(1 + RECENCY / (1 + age in days / 30)). */
export const RECENCY = 0.1

const KEYS = '{title_k dek_k body_k}'
const STEMS = '{title_s dek_s body_s}'
const quote = (s: string) => `"${s.replace(/"/g, '""')}"`

function termExpr(t: QueryTerm, allowPrefix = true, skip: ReadonlySet<string> = new Set()): string {
  if (t.prefix && allowPrefix) return `(${KEYS} : ${quote(t.key)}* OR ${STEMS} : ${quote(t.stems[0]!)}*)`
  const stems = t.stems.filter((s) => !skip.has(s))
  return stems.length ? `(${KEYS} : ${quote(t.key)} OR ${STEMS} : (${stems.map(quote).join(' OR ')}))` : `(${KEYS} : ${quote(t.key)})`
}

const groupExpr = (g: QueryTerm[]) => (g.length === 1 ? termExpr(g[0]!) : `${KEYS} : ${quote(g.map((t) => t.key).join(' '))}`)

/**
 * The FTS5 MATCH expression of a parsed query: every phrase, none of the exclusions, and every
 * word (`all`) or some but not all of the words (`some`, null when fewer than two words).
 */
export function toFtsMatch(q: ParsedQuery, match: 'all' | 'some' = 'all', common: ReadonlySet<string> = new Set()): string | null {
  const words = q.terms.map((t) => termExpr(t))
  const phrases = q.phrases.map(groupExpr)
  let positive: string[]
  if (match === 'all') positive = [...words, ...phrases]
  else if (words.length < 2) return null
  else {
    // Whole words only: a prefix OR-ed with the rest would pull in a good part of the collection.
    // Words and stem readings in a large share of the collection are left out of the "any of"
    // part (بعمل is kept, its reading عمل is not): an article matching only those would rank
    // below one with a rarer word anyway, and they make the matching set huge.
    const rare = q.terms.filter((t) => !common.has(t.key) || t.stems.some((s) => !common.has(s)))
    const exact = rare.length > 0 ? rare.map((t) => termExpr(t, false, common)) : q.terms.map((t) => termExpr(t, false))
    positive = [`(${exact.join(' OR ')}) NOT (${words.join(' AND ')})`, ...phrases]
  }
  if (positive.length === 0) return null
  return positive.map((p) => `(${p})`).join(' AND ') + q.excluded.map((g) => ` NOT ${groupExpr(g)}`).join('')
}

const BM25 = `bm25(article_search, ${COLUMN_WEIGHTS.join(', ')})`
const withRecency = (bm25: number, publishedAt: string, at: string) =>
  -bm25 * (1 + RECENCY / (1 + (Date.parse(at) - Date.parse(publishedAt)) / 86_400_000 / 30))

/**
 * The common case — words, no filters — ranked inside FTS5 alone: the best few hundred by BM25,
 * then only those joined to their articles for visibility and the recency boost. Joining every
 * match (thousands for common words) would cost ten times more. The index holds only articles
 * that are live (published or scheduled), so the match count is the visible count but for
 * scheduled stories not yet due, which are left out whenever the candidates cover every match.
 * Returns null when visibility removed too many candidates to fill the page (then the full query runs).
 */
async function searchUnfiltered(db: Kysely<Database>, match: string, at: string, page: { offset: number; limit: number }) {
  const want = page.offset + page.limit
  const pool = Math.max(200, want * 2)
  const candidates = await sql<{ id: number; bm25: number }>`SELECT rowid AS id, ${sql.raw(BM25)} AS bm25
    FROM article_search WHERE article_search MATCH ${match} ORDER BY bm25 LIMIT ${pool}`.execute(db)
  const bm25 = new Map(candidates.rows.map((r) => [Number(r.id), Number(r.bm25)]))
  if (bm25.size === 0) return { hits: [], total: 0 }
  // By id alone, visibility checked here: with `live` in the WHERE clause, a planner without
  // statistics (right after a bulk import) scans every live article instead of a few rowids.
  const visible = (await db.selectFrom('articles').select(['id', 'published_at', 'live'])
    .where('id', 'in', [...bm25.keys()]).execute()).filter((r) => r.live === 1 && r.published_at !== null && r.published_at <= at)
  const complete = bm25.size < pool
  if (!complete && visible.length < want) return null
  const ranked = visible.map((r) => ({ id: Number(r.id), score: withRecency(bm25.get(Number(r.id))!, r.published_at!, at) }))
    .sort((a, b) => b.score - a.score || b.id - a.id)
  // Counted only when the candidates did not cover every match.
  const total = complete ? visible.length
    : Number((await sql<{ n: number }>`SELECT count(*) AS n FROM article_search WHERE article_search MATCH ${match}`.execute(db)).rows[0]?.n ?? 0)
  return { hits: ranked.slice(page.offset, want), total }
}

/**
 * A word counts as common for `some` searches above this share of the indexed articles — and
 * above COMMON_MIN articles, so small sites, where speed is no issue, never leave a word out.
 */
export const COMMON_SHARE = 0.05
export const COMMON_MIN = 500

/** The keys and stems of a query found in more than {@link COMMON_SHARE} of the indexed articles. */
async function commonWords(db: Kysely<Database>, q: ParsedQuery, size: number): Promise<Set<string>> {
  const words = [...new Set(q.terms.flatMap((t) => [t.key, ...t.stems]))]
  const df = await sql<{ term: string; doc: number }>`SELECT term, doc FROM article_search_vocab WHERE term IN (${sql.join(words)})`.execute(db)
  const limit = Math.max(COMMON_MIN, COMMON_SHARE * size)
  return new Set(df.rows.filter((r) => Number(r.doc) > limit).map((r) => r.term))
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
      const filtered = f.categoryIds || f.tagId !== undefined || f.authorId !== undefined || f.from || f.to
      if (!filtered) {
        const quick = await searchUnfiltered(db, match, at, page)
        if (quick) return quick
      }
      const where = [
        sql`article_search MATCH ${match}`,
        sql`a.live = 1`,
        sql`a.published_at <= ${at}`,
      ]
      if (f.categoryIds) where.push(sql`a.category_id IN (${sql.join(f.categoryIds.length ? f.categoryIds : [-1])})`)
      if (f.tagId !== undefined) where.push(sql`EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id AND t.tag_id = ${f.tagId})`)
      if (f.authorId !== undefined) where.push(sql`EXISTS (SELECT 1 FROM article_authors w WHERE w.article_id = a.id AND w.author_id = ${f.authorId})`)
      if (f.from) where.push(sql`a.published_at >= ${f.from.toISOString()}`)
      if (f.to) where.push(sql`a.published_at <= ${f.to.toISOString()}`)
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

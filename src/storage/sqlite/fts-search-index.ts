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

function termExpr(t: QueryTerm): string {
  if (t.prefix) return `(${KEYS} : ${quote(t.key)}* OR ${STEMS} : ${quote(t.stems[0]!)}*)`
  return `(${KEYS} : ${quote(t.key)} OR ${STEMS} : (${t.stems.map(quote).join(' OR ')}))`
}

const groupExpr = (g: QueryTerm[]) => (g.length === 1 ? termExpr(g[0]!) : `${KEYS} : ${quote(g.map((t) => t.key).join(' '))}`)

/**
 * The FTS5 MATCH expression of a parsed query: every phrase, none of the exclusions, and every
 * word (`all`) or some but not all of the words (`some`, null when fewer than two words).
 */
export function toFtsMatch(q: ParsedQuery, match: 'all' | 'some' = 'all'): string | null {
  const words = q.terms.map(termExpr)
  const phrases = q.phrases.map(groupExpr)
  let positive: string[]
  if (match === 'all') positive = [...words, ...phrases]
  else if (words.length < 2) return null
  else positive = [`(${words.join(' OR ')}) NOT (${words.join(' AND ')})`, ...phrases]
  if (positive.length === 0) return null
  return positive.map((p) => `(${p})`).join(' AND ') + q.excluded.map((g) => ` NOT ${groupExpr(g)}`).join('')
}

/** The search index on SQLite FTS5 (see migration 002). */
export function createFtsSearchIndex(db: Kysely<Database>): SearchIndex {
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
      const match = toFtsMatch(query, mode)
      if (match === null) return { hits: [], total: 0 }
      const at = f.visibleAt.toISOString()
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
      const bm25 = sql.raw(`bm25(article_search, ${COLUMN_WEIGHTS.join(', ')})`)
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

    async size() {
      const r = await sql<{ n: number }>`SELECT count(*) AS n FROM article_search`.execute(db)
      return Number(r.rows[0]?.n ?? 0)
    },
  }
}

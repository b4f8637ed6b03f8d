import { sql, type RawBuilder } from 'kysely'
import { BM25_B, BM25_K1, COLUMN_WEIGHTS, type Phrase, type SearchPlan } from '../sql/search-plan.js'
import { ftsTokens } from './fts-tokens.js'

type Sql = RawBuilder<unknown>

/** Posting kinds: a word's key (exact, spelling folded) or one of its stems. */
export const KIND = { keys: 0, stems: 1 } as const

/**
 * A position in `search_postings.positions`: the field in the top bits, so one array serves the
 * three fields of a kind and a phrase never runs from a title into the standfirst.
 */
export const FIELD_SHIFT = 24
export const FIELD_POSITIONS = 1 << FIELD_SHIFT

const weightsOf = (columns: Phrase['columns']) => (columns === 'keys' ? COLUMN_WEIGHTS.slice(0, 3) : COLUMN_WEIGHTS.slice(3))
const likePrefix = (s: string) => `${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/**
 * The articles holding one phrase, with its FTS5 frequency `f`: the phrase's hits, each counted
 * at the weight of its column. A phrase whose text has no token matches nothing, as in FTS5.
 */
function phraseRows(p: Phrase): Sql {
  const tokens = ftsTokens(p.text)
  const kind = KIND[p.columns]
  const [wt, wd, wb] = weightsOf(p.columns)
  const last = tokens.length - 1
  const termIs = (alias: string, i: number) =>
    (p.prefix && i === last ? sql`${sql.ref(`${alias}.term`)} LIKE ${likePrefix(tokens[i]!)}` : sql`${sql.ref(`${alias}.term`)} = ${tokens[i]}`)
  if (tokens.length === 0) return sql`SELECT NULL::integer AS article_id, NULL::float8 AS f WHERE false`
  if (tokens.length === 1) {
    return sql`SELECT p.article_id, sum(${wt}::float8 * p.tf_title + ${wd}::float8 * p.tf_dek + ${wb}::float8 * p.tf_body) AS f
      FROM search_postings p WHERE ${termIs('p', 0)} AND p.kind = ${kind} GROUP BY p.article_id`
  }
  // Longer phrases: the articles holding every token, then a position x of the first token
  // followed by the others at x+1, x+2… Each article's positions of the last (prefix) token
  // are gathered first, as it may be several words.
  const rest = tokens.slice(1).map((_, j) => {
    const i = j + 1
    return sql`JOIN (SELECT q.article_id, array_agg(x) AS positions FROM search_postings q, unnest(q.positions) x
      WHERE ${termIs('q', i)} AND q.kind = ${kind} GROUP BY q.article_id) ${sql.ref(`t${i}`)} ON ${sql.ref(`t${i}.article_id`)} = p.article_id`
  })
  const follows = tokens.slice(1).map((_, j) => sql`x + ${j + 1} = ANY(${sql.ref(`t${j + 1}.positions`)})`)
  return sql`SELECT * FROM (SELECT p.article_id, (SELECT sum(CASE x >> ${FIELD_SHIFT} WHEN 0 THEN ${wt}::float8 WHEN 1 THEN ${wd}::float8 ELSE ${wb}::float8 END)
      FROM unnest(p.positions) x WHERE ${sql.join(follows, sql` AND `)}) AS f
    FROM search_postings p ${sql.join(rest, sql` `)} WHERE ${termIs('p', 0)} AND p.kind = ${kind}) r WHERE f > 0`
}

interface Slot { phrase: Phrase; cte: string; column: string; count: number }

/**
 * A search plan as SQL over the postings, ranked by FTS5's bm25. Each distinct phrase is a CTE;
 * the candidates are the articles holding a phrase outside any NOT, each with its frequencies;
 * the plan's boolean is checked on them, a phrase that appears only after a NOT through its CTE.
 * As in FTS5, a phrase counts once for each time it stands outside a NOT, and not at all after one
 * (FTS5 reports no hits for those: a matching row is never one where they match).
 */
export function compilePlan(plan: SearchPlan) {
  const slots = new Map<string, Slot>()
  const slotOf = (p: Phrase) => {
    const key = JSON.stringify([p.text, p.prefix, p.columns])
    let s = slots.get(key)
    if (!s) slots.set(key, s = { phrase: p, cte: `p${slots.size}`, column: `f${slots.size}`, count: 0 })
    return s
  }
  const count = (p: SearchPlan, negated: boolean): void => {
    if ('phrase' in p) slotOf(p.phrase).count += negated ? 0 : 1
    else if ('not' in p) { count(p.not[0], negated); count(p.not[1], true) }
    else for (const x of 'and' in p ? p.and : p.or) count(x, negated)
  }
  count(plan, false)
  const holds = (p: SearchPlan): Sql => {
    if ('phrase' in p) {
      const s = slotOf(p.phrase)
      return s.count > 0 ? sql`${sql.ref(`c.${s.column}`)} IS NOT NULL` : sql`c.article_id IN (SELECT article_id FROM ${sql.table(s.cte)})`
    }
    if ('not' in p) return sql`(${holds(p.not[0])} AND NOT (${holds(p.not[1])}))`
    return sql`(${sql.join(('and' in p ? p.and : p.or).map(holds), 'and' in p ? sql` AND ` : sql` OR `)})`
  }
  const all = [...slots.values()]
  const positive = all.filter((s) => s.count > 0)
  const ctes = all.map((s) => sql`${sql.table(s.cte)} AS MATERIALIZED (${phraseRows(s.phrase)})`)
  // idf_i = ln((N − n_i + 0.5) / (n_i + 0.5)), at least 1e-6 (fts5Bm25GetData).
  const df = positive.map((s) => sql`(SELECT count(*) FROM ${sql.table(s.cte)})::float8 AS ${sql.ref(s.column)}`)
  const idf = positive.map((s) => {
    const v = sql`ln((st.n - df.${sql.ref(s.column)} + 0.5) / (df.${sql.ref(s.column)} + 0.5))`
    return sql`CASE WHEN ${v} > 0 THEN ${v} ELSE 1e-6 END AS ${sql.ref(s.column)}`
  })
  const hits = positive.map((s) => sql`SELECT article_id, ${sql.lit(positive.indexOf(s))} AS i, f FROM ${sql.table(s.cte)}`)
  const freqs = positive.map((s, i) => sql`max(h.f) FILTER (WHERE h.i = ${sql.lit(i)}) AS ${sql.ref(s.column)}`)
  // freq·(k1+1) / (freq + k1·(1 − b + b·D/avgdl)), summed over the phrases with their idf.
  const terms = positive.map((s) => sql`${sql.lit(s.count)} * idf.${sql.ref(s.column)} * coalesce(c.${sql.ref(s.column)}, 0) * ${BM25_K1 + 1}::float8
    / (coalesce(c.${sql.ref(s.column)}, 0) + ${BM25_K1}::float8 * (${1 - BM25_B}::float8 + ${BM25_B}::float8 * d.tokens / st.avgdl))`)
  /** `WITH …` up to `matched (article_id, bm25)`: every article the plan matches, with bm25 as FTS5 returns it (lower is better). */
  return sql`WITH ${sql.join(ctes)},
    st AS (SELECT count(*)::float8 AS n, coalesce(nullif(avg(tokens), 0), 1)::float8 AS avgdl FROM search_docs),
    df AS (SELECT ${sql.join(df)}),
    idf AS (SELECT ${sql.join(idf)} FROM st CROSS JOIN df),
    c AS (SELECT h.article_id, ${sql.join(freqs)} FROM (${sql.join(hits, sql` UNION ALL `)}) h GROUP BY h.article_id),
    matched AS (SELECT c.article_id, -(${sql.join(terms, sql` + `)}) AS bm25
      FROM c JOIN search_docs d ON d.article_id = c.article_id CROSS JOIN st CROSS JOIN idf WHERE ${holds(plan)})`
}

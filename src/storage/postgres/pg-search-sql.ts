import { sql, type RawBuilder } from 'kysely'
import { BM25_B, BM25_K1, COLUMN_WEIGHTS, type Phrase, type SearchPlan } from '../sql/search-plan.js'
import { ftsTokens } from './fts-tokens.js'

type Sql = RawBuilder<unknown>

/** Posting kinds: a word's key (exact, spelling folded) or one of its stems. */
export const KIND = { keys: 0, stems: 1 } as const

const FIELDS = { keys: ['title_k', 'dek_k', 'body_k'], stems: ['title_s', 'dek_s', 'body_s'] } as const
const weightsOf = (columns: Phrase['columns']) => (columns === 'keys' ? COLUMN_WEIGHTS.slice(0, 3) : COLUMN_WEIGHTS.slice(3))
const likePrefix = (s: string) => `${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
const regexLiteral = (s: string) => s.replace(/[\\^$.*+?()[\]{}|]/g, (c) => `\\${c}`)

const termIs = (tokens: string[], i: number, prefix: boolean) =>
  (prefix && i === tokens.length - 1 ? sql`term LIKE ${likePrefix(tokens[i]!)}` : sql`term = ${tokens[i]}`)

/**
 * The articles holding one phrase, with its FTS5 frequency `f` (the phrase's hits, each counted
 * at the weight of its field) and the article's length `d`. A phrase whose text has no token
 * matches nothing, as in FTS5.
 */
function phraseRows(p: Phrase): Sql {
  const tokens = ftsTokens(p.text)
  const kind = KIND[p.columns]
  const [wt, wd, wb] = weightsOf(p.columns)
  if (tokens.length === 0) return sql`SELECT NULL::integer AS article_id, NULL::float8 AS f, NULL::integer AS d WHERE false`
  if (tokens.length === 1) {
    const f = sql`${wt}::float8 * tf_title + ${wd}::float8 * tf_dek + ${wb}::float8 * tf_body`
    return p.prefix
      ? sql`SELECT article_id, sum(${f}) AS f, max(tokens) AS d FROM search_postings WHERE ${termIs(tokens, 0, true)} AND kind = ${kind} GROUP BY article_id`
      : sql`SELECT article_id, ${f} AS f, tokens AS d FROM search_postings WHERE ${termIs(tokens, 0, false)} AND kind = ${kind}`
  }
  // Longer phrases: the articles holding every token, then the phrase counted in each field's
  // text. The pattern matches the space before each occurrence and only looks at the words, so
  // overlapping occurrences count, as FTS5 counts them ("نعم نعم" twice in "نعم نعم نعم").
  const pattern = ` (?=${tokens.map(regexLiteral).join(' ')}${p.prefix ? '' : ' '})`
  const [title, dek, body] = FIELDS[p.columns].map((c) => sql`regexp_count(' ' || ${sql.ref(`t.${c}`)} || ' ', ${pattern})`)
  const holders = tokens.map((_, i) => sql`t.article_id IN (SELECT article_id FROM search_postings WHERE ${termIs(tokens, i, p.prefix)} AND kind = ${kind})`)
  return sql`SELECT article_id, f, d FROM (
      SELECT t.article_id, ${wt}::float8 * ${title} + ${wd}::float8 * ${dek} + ${wb}::float8 * ${body} AS f, t.tokens AS d
      FROM search_docs t WHERE ${sql.join(holders, sql` AND `)}) r
    WHERE f > 0`
}

interface Slot { phrase: Phrase; name: string; count: number }

/**
 * A search plan as SQL over the postings, ranked by FTS5's bm25 (fts5_aux.c): `WITH …` up to
 * `matched (article_id, bm25)`, every article the plan matches with its bm25 as FTS5 returns it
 * (negative, lower is better). Each distinct phrase outside any NOT is a CTE, and the candidates
 * are the articles holding one of them, with their frequencies; the plan's boolean is checked on
 * those. As in FTS5, a phrase counts once for each time it stands outside a NOT and not at all
 * after one (FTS5 reports no hits for those: a matching row is never one where they match).
 */
export function compilePlan(plan: SearchPlan): Sql {
  const slots = new Map<string, Slot>()
  const slotOf = (p: Phrase) => {
    const key = JSON.stringify([p.text, p.prefix, p.columns])
    let s = slots.get(key)
    if (!s) slots.set(key, s = { phrase: p, name: `p${slots.size}`, count: 0 })
    return s
  }
  const count = (p: SearchPlan, negated: boolean): void => {
    if ('phrase' in p) slotOf(p.phrase).count += negated ? 0 : 1
    else if ('not' in p) { count(p.not[0], negated); count(p.not[1], true) }
    else for (const x of 'and' in p ? p.and : p.or) count(x, negated)
  }
  count(plan, false)
  const all = [...slots.values()]
  const positive = all.filter((s) => s.count > 0)
  const col = (s: Slot) => sql.ref(s.name)

  // Where a phrase only excludes, a probe per candidate when it is one word (an index lookup),
  // else its own CTE.
  const probed = (s: Slot) => s.count === 0 && !s.phrase.prefix && ftsTokens(s.phrase.text).length === 1
  const holds = (p: SearchPlan): Sql => {
    if ('phrase' in p) {
      const s = slotOf(p.phrase)
      if (s.count > 0) return sql`c.${col(s)} IS NOT NULL`
      if (!probed(s)) return sql`c.article_id IN (SELECT article_id FROM ${sql.table(s.name)})`
      return sql`EXISTS (SELECT 1 FROM search_postings q WHERE q.term = ${ftsTokens(s.phrase.text)[0]} AND q.kind = ${KIND[s.phrase.columns]} AND q.article_id = c.article_id)`
    }
    if ('not' in p) return sql`(${holds(p.not[0])} AND NOT (${holds(p.not[1])}))`
    return sql`(${sql.join(('and' in p ? p.and : p.or).map(holds), 'and' in p ? sql` AND ` : sql` OR `)})`
  }

  const ctes = all.filter((s) => !probed(s)).map((s) => sql`${sql.table(s.name)} AS MATERIALIZED (${phraseRows(s.phrase)})`)
  const df = positive.map((s) => sql`(SELECT count(*) FROM ${sql.table(s.name)})::float8 AS ${col(s)}`)
  // idf = ln((N − n + 0.5) / (n + 0.5)), and 1e-6 where that is not positive.
  const lnIdf = positive.map((s) => sql`ln((st.n - df.${col(s)} + 0.5) / (df.${col(s)} + 0.5)) AS ${col(s)}`)
  const idf = positive.map((s) => sql`CASE WHEN v.${col(s)} > 0 THEN v.${col(s)} ELSE 1e-6 END AS ${col(s)}`)
  const hits = positive.map((s, i) => sql`SELECT article_id, ${sql.lit(i)} AS i, f, d FROM ${sql.table(s.name)}`)
  const freqs = positive.map((s, i) => sql`max(h.f) FILTER (WHERE h.i = ${sql.lit(i)}) AS ${col(s)}`)
  // idf · freq·(k1+1) / (freq + k1·(1 − b + b·D/avgdl)), once per occurrence of the phrase.
  const terms = positive.map((s) => sql`${sql.lit(s.count)} * idf.${col(s)} * coalesce(c.${col(s)}, 0) * ${BM25_K1 + 1}::float8
    / (coalesce(c.${col(s)}, 0) + ${BM25_K1}::float8 * (${1 - BM25_B}::float8 + ${BM25_B}::float8 * c.d / st.avgdl))`)
  // The one-row steps are materialized and read no table directly, so that the planner counts
  // them as one row (and the phrase counts run once) even before a bulk load is analyzed: a
  // guess of thousands of rows there multiplies into costs that switch on JIT compilation. The
  // one row is read by its key: an import's thousands of updates leave dead versions to skip.
  return sql`WITH ${sql.join(ctes)},
    st AS MATERIALIZED (SELECT n, CASE WHEN n > 0 THEN tokens / n ELSE 1 END AS avgdl
      FROM (SELECT (SELECT docs FROM search_stats WHERE one)::float8 AS n, (SELECT tokens FROM search_stats WHERE one)::float8 AS tokens) s),
    df AS MATERIALIZED (SELECT ${sql.join(df)}),
    idf AS MATERIALIZED (SELECT ${sql.join(idf)} FROM (SELECT ${sql.join(lnIdf)} FROM st CROSS JOIN df) v),
    c AS (SELECT h.article_id, max(h.d) AS d, ${sql.join(freqs)} FROM (${sql.join(hits, sql` UNION ALL `)}) h GROUP BY h.article_id),
    matched AS (SELECT c.article_id, -(${sql.join(terms, sql` + `)}) AS bm25 FROM c CROSS JOIN st CROSS JOIN idf WHERE ${holds(plan)})`
}

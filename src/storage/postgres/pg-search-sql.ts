import { sql, type RawBuilder } from 'kysely'
import { BM25_B, BM25_K1, COLUMN_WEIGHTS, type Phrase, type SearchPlan } from '../sql/search-plan.js'
import { ftsTokens } from './fts-tokens.js'

type Sql = RawBuilder<unknown>

/** Posting kinds: a word's key (exact, spelling folded) or one of its stems. */
export const KIND = { keys: 0, stems: 1 } as const

const FIELDS = { keys: ['title_k', 'dek_k', 'body_k'], stems: ['title_s', 'dek_s', 'body_s'] } as const
const weightsOf = (columns: Phrase['columns']) => (columns === 'keys' ? COLUMN_WEIGHTS.slice(0, 3) : COLUMN_WEIGHTS.slice(3))
const regexLiteral = (s: string) => s.replace(/[\\^$.*+?()[\]{}|]/g, (c) => `\\${c}`)

/**
 * The terms a token matches, as a range of the bytewise-sorted `term`: the token alone (nothing
 * sorts between it and it followed by U+0001), or every term starting with it (up to the token
 * with its last character moved one code point on): no LIKE pattern to escape.
 */
export function termRange(token: string, prefix: boolean): [string, string] {
  if (!prefix) return [token, `${token}\u0001`]
  const chars = Array.from(token)
  const last = chars.pop()!.codePointAt(0)!
  const next = last === 0xd7ff ? 0xe000 : last + 1 // UTF-8 has no surrogates
  return [token, last === 0x10ffff ? `${token}\u{10ffff}` : chars.join('') + String.fromCodePoint(next)]
}

/** The term condition of one token of a phrase. */
function termIs(token: string, prefix: boolean, alias = 'p'): Sql {
  const term = sql.ref(`${alias}.term`)
  if (!prefix) return sql`${term} = ${token}`
  const [lo, hi] = termRange(token, true)
  return sql`${term} >= ${lo} AND ${term} < ${hi}`
}

/**
 * The articles holding a phrase of one token, with its frequency `f` (hits weighted by field) and
 * length `d`, one row per article: a whole word has one posting per article and kind, a prefix one
 * per word it starts, summed here.
 */
function wordRows(p: Phrase, token: string): Sql {
  const [wt, wd, wb] = weightsOf(p.columns)
  const f = sql`${wt}::float8 * p.tf_title + ${wd}::float8 * p.tf_dek + ${wb}::float8 * p.tf_body`
  const where = sql`p.kind = ${KIND[p.columns]} AND ${termIs(token, p.prefix)}`
  return p.prefix
    ? sql`SELECT p.article_id, sum(${f}) AS f, max(p.tokens) AS d FROM search_postings p WHERE ${where} GROUP BY p.article_id`
    : sql`SELECT p.article_id, ${f} AS f, p.tokens AS d FROM search_postings p WHERE ${where}`
}

/** The articles holding a phrase of several tokens, with its frequency `f` and length `d` (checked on the fields' text). */
function longPhraseRows(p: Phrase): Sql {
  const tokens = ftsTokens(p.text)
  const kind = KIND[p.columns]
  const [wt, wd, wb] = weightsOf(p.columns)
  // The articles holding every token, then the phrase counted in each field's text. The pattern
  // matches the space before each occurrence and only looks at the words, so overlapping
  // occurrences count, as FTS5 counts them ("نعم نعم" twice in "نعم نعم نعم").
  const pattern = ` (?=${tokens.map(regexLiteral).join(' ')}${p.prefix ? '' : ' '})`
  const [title, dek, body] = FIELDS[p.columns].map((c) => sql`regexp_count(' ' || ${sql.ref(`t.${c}`)} || ' ', ${pattern})`)
  const holders = tokens.map((token, i) =>
    sql`t.article_id IN (SELECT p.article_id FROM search_postings p WHERE p.kind = ${kind} AND ${termIs(token, p.prefix && i === tokens.length - 1)})`)
  return sql`SELECT article_id, f, d FROM (
      SELECT t.article_id, ${wt}::float8 * ${title} + ${wd}::float8 * ${dek} + ${wb}::float8 * ${body} AS f, t.tokens AS d
      FROM search_docs t WHERE ${sql.join(holders, sql` AND `)}) r
    WHERE f > 0`
}

interface Slot { phrase: Phrase; index: number; counts: number[] }

/**
 * Which positive phrases an article holds, as bits: phrase i is bit bitOf(i) of column
 * `has${bitWord(i)}`, 63 to a bigint (its sign bit unused), as many columns as a long query needs.
 */
const bitWord = (i: number) => Math.floor((i - 1) / 63)
const bitOf = (i: number) => (i - 1) % 63
/**
 * How many articles hold a term, by kind, where the caller knows it (from `search_terms`); a
 * phrase whose count is not known this way (a prefix, several words) is counted in the statement.
 */
export type TermDocs = (kind: number, term: string) => number | undefined

/** A search plan as SQL: `WITH …` up to `matched (article_id, bm25)` (see {@link compilePlans}). */
export const compilePlan = (plan: SearchPlan, docs?: TermDocs): Sql => compilePlans({ matched: plan }, docs)

/**
 * Search plans as SQL over the postings, ranked by FTS5's bm25 (fts5_aux.c): `WITH …` up to one
 * CTE per plan, named by its key, `(article_id, bm25)`: every article the plan matches with its
 * bm25 as FTS5 returns it (negative, lower is better). Plans given together share their phrases'
 * postings, read once: a query's every-words and some-words plans cost little more than one.
 * - The phrases outside any NOT are looked up together, each by its own index range (one-word
 *   phrases from the postings' key alone, longer ones checked on the fields' text), each row
 *   weighted there: idf · f·(k1+1) / (f + k1·(1 − b + b·D/avgdl)), f the phrase's hits weighted
 *   by field, D the article's length. A phrase's idf comes from its article count: given by
 *   `docs` for a whole word, else counted from its rows, kept for that.
 * - Each article gets, per plan, the sum of its phrases' weights (times the times the phrase
 *   stands in the plan), and which phrases it holds (bits of `has…`), on which each plan's
 *   boolean is checked.
 * - As in FTS5, a phrase counts once for each time it stands outside a NOT in a plan, and not at
 *   all after one (FTS5 reports no hits for those: a matching row is never one where they match).
 *   Those of them that no plan counts are checked per candidate: an index probe for one word, a
 *   subquery otherwise.
 */
export function compilePlans(plans: Record<string, SearchPlan>, docs: TermDocs = () => undefined): Sql {
  const names = Object.keys(plans)
  const slots = new Map<string, Slot>()
  const slotOf = (p: Phrase) => {
    const key = JSON.stringify([p.text, p.prefix, p.columns])
    let s = slots.get(key)
    if (!s) slots.set(key, s = { phrase: p, index: 0, counts: names.map(() => 0) })
    return s
  }
  const count = (p: SearchPlan, plan: number, negated: boolean): void => {
    if ('phrase' in p) slotOf(p.phrase).counts[plan]! += negated ? 0 : 1
    else if ('not' in p) { count(p.not[0], plan, negated); count(p.not[1], plan, true) }
    else for (const x of 'and' in p ? p.and : p.or) count(x, plan, negated)
  }
  names.forEach((name, k) => count(plans[name]!, k, false))
  // Positive phrases numbered from 1 (their index in each plan's counts); a phrase without tokens matches nothing.
  const positive = [...slots.values()].filter((s) => s.counts.some((n) => n > 0) && ftsTokens(s.phrase.text).length > 0)
  positive.forEach((s, i) => { s.index = i + 1 })
  const rowsOf = (p: Phrase) => {
    const tokens = ftsTokens(p.text)
    return tokens.length === 1 ? wordRows(p, tokens[0]!) : longPhraseRows(p)
  }

  const holds = (p: SearchPlan): Sql => {
    if ('phrase' in p) {
      const s = slotOf(p.phrase)
      const tokens = ftsTokens(s.phrase.text)
      if (tokens.length === 0) return sql`false`
      if (s.index > 0) return sql`(${sql.ref(`c.has${bitWord(s.index)}`)} & ${sql.lit(2 ** bitOf(s.index))}::int8) <> 0`
      if (tokens.length === 1) {
        return sql`EXISTS (SELECT 1 FROM search_postings q WHERE q.kind = ${KIND[s.phrase.columns]} AND ${termIs(tokens[0]!, s.phrase.prefix, 'q')} AND q.article_id = c.article_id)`
      }
      return sql`c.article_id IN (SELECT article_id FROM (${longPhraseRows(s.phrase)}) x)`
    }
    if ('not' in p) return sql`(${holds(p.not[0])} AND NOT (${holds(p.not[1])}))`
    return sql`(${sql.join(('and' in p ? p.and : p.or).map(holds), 'and' in p ? sql` AND ` : sql` OR `)})`
  }

  // The article count of each positive phrase: known, or counted from its rows (kept for the scoring).
  const known = new Map<Slot, number>()
  for (const s of positive) {
    const tokens = ftsTokens(s.phrase.text)
    const n = tokens.length === 1 && !s.phrase.prefix ? docs(KIND[s.phrase.columns], tokens[0]!) : undefined
    if (n !== undefined) known.set(s, n)
  }
  const counted = positive.filter((s) => !known.has(s))
  const rows = (s: Slot) => sql.table(`r${s.index}`)
  const kept = counted.map((s) => sql`${rows(s)} AS MATERIALIZED (${rowsOf(s.phrase)}),`)
  const counts = [
    ...(known.size > 0 ? [sql`SELECT * FROM (VALUES ${sql.join([...known].map(([s, n]) => sql`(${sql.lit(s.index)}, ${sql.lit(n)}::float8)`))}) v(i, n)`] : []),
    ...counted.map((s) => sql`SELECT ${sql.lit(s.index)}, count(*)::float8 FROM ${rows(s)}`),
  ]
  const idfOf = (s: Slot) => sql`(SELECT idf FROM idf WHERE i = ${sql.lit(s.index)})`
  const words = Math.max(1, Math.ceil(positive.length / 63))
  const weighted = positive.map((s) => sql`SELECT h.article_id,
      ${sql.join(Array.from({ length: words }, (_, w) => sql`${sql.lit(bitWord(s.index) === w ? 2 ** bitOf(s.index) : 0)}::int8 AS ${sql.ref(`b${w}`)}`))},
      ${idfOf(s)} * h.f * ${BM25_K1 + 1}::float8 / (h.f + ${BM25_K1}::float8 * (${1 - BM25_B}::float8 + ${BM25_B}::float8 * h.d / (SELECT avgdl FROM st))) AS w,
      ${sql.lit(s.index)} AS i
    FROM ${known.has(s) ? sql`(${rowsOf(s.phrase)})` : rows(s)} h`)
  const hits = positive.length > 0
    ? sql.join(weighted, sql` UNION ALL `)
    : sql`SELECT NULL::integer AS article_id, 0::int8 AS b0, 0::float8 AS w, 0 AS i WHERE false`
  const has = Array.from({ length: words }, (_, w) => sql`bit_or(${sql.ref(`x.b${w}`)}) AS ${sql.ref(`has${w}`)}`)
  const scores = names.map((_, k) => sql`sum((${positive.map((s) => s.counts[k]!)}::integer[])[x.i] * x.w) AS ${sql.ref(`score${k}`)}`)
  const matched = names.map((name, k) => sql`${sql.ref(name)} AS (SELECT c.article_id, -${sql.ref(`c.score${k}`)} AS bm25 FROM c WHERE ${holds(plans[name]!)})`)
  return sql`WITH
    st AS MATERIALIZED (SELECT n, CASE WHEN n > 0 THEN tokens / n ELSE 1 END AS avgdl
      FROM (SELECT (SELECT docs FROM search_stats WHERE one)::float8 AS n, (SELECT tokens FROM search_stats WHERE one)::float8 AS tokens) s),
    ${sql.join(kept, sql` `)}
    idf AS MATERIALIZED (SELECT d.i, CASE WHEN v > 0 THEN v ELSE 1e-6 END AS idf
      FROM (SELECT d.i, ln((st.n - d.n + 0.5) / (d.n + 0.5)) AS v FROM (${counts.length ? sql.join(counts, sql` UNION ALL `) : sql`SELECT 0, 0::float8`}) d(i, n) CROSS JOIN st) d),
    c AS (SELECT x.article_id, ${sql.join(has)}, ${sql.join(scores)} FROM (${hits}) x GROUP BY x.article_id),
    ${sql.join(matched)}`
}

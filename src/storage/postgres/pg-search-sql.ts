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

interface Slot { phrase: Phrase; index: number; count: number }

/**
 * Which positive phrases an article holds, as bits: phrase i is bit bitOf(i) of column
 * `has${bitWord(i)}`, 63 to a bigint (its sign bit unused), as many columns as a long query needs.
 */
const bitWord = (i: number) => Math.floor((i - 1) / 63)
const bitOf = (i: number) => (i - 1) % 63
const hasColumns = (phrases: number) => sql.join(Array.from({ length: Math.max(1, Math.ceil(phrases / 63)) }, (_, w) =>
  sql`bit_or(CASE WHEN (pa.i - 1) / 63 = ${sql.lit(w)} THEN 1::int8 << ((pa.i - 1) % 63) ELSE 0 END) AS ${sql.ref(`has${w}`)}`))

/**
 * A search plan as SQL over the postings, ranked by FTS5's bm25 (fts5_aux.c): `WITH …` up to
 * `matched (article_id, bm25)`, every article the plan matches with its bm25 as FTS5 returns it
 * (negative, lower is better).
 * - The phrases outside any NOT are looked up together, each by its own index range (one-word
 *   phrases from the postings' key alone, longer ones checked on the fields' text).
 * - Each (phrase, article) gets its frequency f; each phrase its article count n and so its idf;
 *   each article the sum of idf · f·(k1+1) / (f + k1·(1 − b + b·D/avgdl)) over its phrases, and
 *   which phrases it holds (bits of `has…`), on which the plan's boolean is checked.
 * - As in FTS5, a phrase counts once for each time it stands outside a NOT, and not at all after
 *   one (FTS5 reports no hits for those: a matching row is never one where they match). Those
 *   are checked per candidate: an index probe for one word, a subquery otherwise.
 */
export function compilePlan(plan: SearchPlan): Sql {
  const slots = new Map<string, Slot>()
  const slotOf = (p: Phrase) => {
    const key = JSON.stringify([p.text, p.prefix, p.columns])
    let s = slots.get(key)
    if (!s) slots.set(key, s = { phrase: p, index: 0, count: 0 })
    return s
  }
  const count = (p: SearchPlan, negated: boolean): void => {
    if ('phrase' in p) slotOf(p.phrase).count += negated ? 0 : 1
    else if ('not' in p) { count(p.not[0], negated); count(p.not[1], true) }
    else for (const x of 'and' in p ? p.and : p.or) count(x, negated)
  }
  count(plan, false)
  // Positive phrases numbered from 1 (their index in `counts`); a phrase without tokens matches nothing.
  const positive = [...slots.values()].filter((s) => s.count > 0 && ftsTokens(s.phrase.text).length > 0)
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

  const hits = positive.length > 0
    ? sql.join(positive.map((s) => sql`SELECT ${sql.lit(s.index)}::integer AS i, article_id, f, d FROM (${rowsOf(s.phrase)}) ${sql.table(`h${s.index}`)}`), sql` UNION ALL `)
    : sql`SELECT NULL::integer AS i, NULL::integer AS article_id, NULL::float8 AS f, NULL::integer AS d WHERE false`
  return sql`WITH
    pa AS MATERIALIZED (${hits}),
    st AS MATERIALIZED (SELECT n, CASE WHEN n > 0 THEN tokens / n ELSE 1 END AS avgdl
      FROM (SELECT (SELECT docs FROM search_stats WHERE one)::float8 AS n, (SELECT tokens FROM search_stats WHERE one)::float8 AS tokens) s),
    idf AS MATERIALIZED (SELECT i, CASE WHEN v > 0 THEN v ELSE 1e-6 END AS idf
      FROM (SELECT i, ln((st.n - count(*) + 0.5) / (count(*) + 0.5)) AS v FROM pa CROSS JOIN st GROUP BY i, st.n) x),
    c AS (SELECT pa.article_id, ${hasColumns(positive.length)},
        sum((${positive.map((s) => s.count)}::integer[])[pa.i] * idf.idf * pa.f * ${BM25_K1 + 1}::float8
          / (pa.f + ${BM25_K1}::float8 * (${1 - BM25_B}::float8 + ${BM25_B}::float8 * pa.d / st.avgdl))) AS score
      FROM pa JOIN idf ON idf.i = pa.i CROSS JOIN st GROUP BY pa.article_id),
    matched AS (SELECT c.article_id, -c.score AS bm25 FROM c WHERE ${holds(plan)})`
}

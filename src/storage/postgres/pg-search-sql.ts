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
 * per word it starts, summed here. With `within`, only those articles.
 */
function wordRows(p: Phrase, token: string, within?: Sql): Sql {
  const f = frequency(p.columns)
  // `IS TRUE` keeps the IN a hashed filter on the range's rows: as a join, a planner that
  // underestimates the range (it does, for a prefix) looks every article up one by one.
  const where = sql`p.kind = ${KIND[p.columns]} AND ${termIs(token, p.prefix)}${within ? sql` AND (p.article_id IN (${within})) IS TRUE` : sql``}`
  return p.prefix
    ? sql`SELECT p.article_id, sum(${f}) AS f, max(p.tokens) AS d FROM search_postings p WHERE ${where} GROUP BY p.article_id`
    : sql`SELECT p.article_id, ${f} AS f, p.tokens AS d FROM search_postings p WHERE ${where}`
}

/** A posting's hits weighted by field. */
function frequency(columns: Phrase['columns']): Sql {
  const [wt, wd, wb] = weightsOf(columns)
  return sql`${wt}::float8 * p.tf_title + ${wd}::float8 * p.tf_dek + ${wb}::float8 * p.tf_body`
}

/**
 * wordRows of a whole word, looked up by its key once per article `among` gives: when only a few
 * articles can match, cheaper than reading a common word's every posting. OFFSET 0 keeps it a
 * lookup per article (the planner would otherwise turn it into a join that reads them all).
 */
function probedWordRows(p: Phrase, token: string, among: Sql): Sql {
  return sql`SELECT c.article_id, x.f, x.d FROM (${among}) c CROSS JOIN LATERAL (
      SELECT ${frequency(p.columns)} AS f, p.tokens AS d FROM search_postings p
      WHERE p.kind = ${KIND[p.columns]} AND p.term = ${token} AND p.article_id = c.article_id OFFSET 0) x`
}

/** The articles holding a phrase of several tokens, with its frequency `f` and length `d` (checked on the fields' text). */
function longPhraseRows(p: Phrase, within?: Sql): Sql {
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
  if (within) holders.unshift(sql`t.article_id IN (${within})`)
  return sql`SELECT article_id, f, d FROM (
      SELECT t.article_id, ${wt}::float8 * ${title} + ${wd}::float8 * ${dek} + ${wb}::float8 * ${body} AS f, t.tokens AS d
      FROM search_docs t WHERE ${sql.join(holders, sql` AND `)}) r
    WHERE f > 0`
}

/** One string per distinct phrase. */
export const phraseKey = (p: Phrase) => JSON.stringify([p.text, p.prefix, p.columns])

/** A distinct phrase of a plan; `index` numbers the positive ones from 1, `count` is how often it stands outside a NOT. */
interface Slot { phrase: Phrase; tokens: string[]; index: number; count: number }

/**
 * A plan's phrases, each once. As in FTS5, a phrase counts once for each time it stands outside a
 * NOT, and not at all after one (FTS5 reports no hits for those: a matching row is never one where
 * they match); the positive ones (with tokens: a phrase without any matches nothing) are numbered.
 */
function phrasesOf(plan: SearchPlan): { slotOf: (p: Phrase) => Slot; positive: Slot[] } {
  const slots = new Map<string, Slot>()
  const slotOf = (p: Phrase) => {
    const key = phraseKey(p)
    let s = slots.get(key)
    if (!s) slots.set(key, s = { phrase: p, tokens: ftsTokens(p.text), index: 0, count: 0 })
    return s
  }
  const count = (p: SearchPlan, negated: boolean): void => {
    if ('phrase' in p) slotOf(p.phrase).count += negated ? 0 : 1
    else if ('not' in p) { count(p.not[0], negated); count(p.not[1], true) }
    else for (const x of 'and' in p ? p.and : p.or) count(x, negated)
  }
  count(plan, false)
  const positive = [...slots.values()].filter((s) => s.count > 0 && s.tokens.length > 0)
  positive.forEach((s, i) => { s.index = i + 1 })
  return { slotOf, positive }
}

/** What ranking a plan needs first: the index's article and token counts, and each positive phrase's article count (in numbering order). */
export interface PlanStats { docs: number; tokens: number; counts: number[] }

/** The phrases a plan's score counts (see phrasesOf), in the order of {@link PlanStats}' counts. */
export const positivePhrases = (plan: SearchPlan): Phrase[] => phrasesOf(plan).positive.map((s) => s.phrase)

/** A row of {@link countPhrases}' statement. */
export interface PhraseCountRow { docs: string; tokens: string; words: number[]; phrases: number[] }

/**
 * One statement that reads the index's article and token counts (`docs`, `tokens`) and each
 * phrase's article count, and how to read the counts off its row in the order of `phrases`.
 * One-word phrases go in as arrays: the statement's text is then the same for every query without
 * a longer phrase, and PostgreSQL parses and plans it faster than one written out per query.
 */
export function countPhrases(phrases: readonly Phrase[]): { statement: Sql; counts(row: PhraseCountRow): number[] } {
  const isWord = (p: Phrase) => ftsTokens(p.text).length === 1
  const words = phrases.filter(isWord)
  const long = phrases.filter((p) => !isWord(p))
  const ranges = words.map((p) => termRange(ftsTokens(p.text)[0]!, p.prefix))
  // A phrase without tokens matches nothing.
  const longCounts = long.length > 0
    ? sql`ARRAY[${sql.join(long.map((p) => (ftsTokens(p.text).length === 0 ? sql`0` : sql`(SELECT count(*) FROM (${longPhraseRows(p)}) x)`)))}]::integer[]`
    : sql`'{}'::integer[]`
  const statement = sql`SELECT docs, tokens, ARRAY(
      SELECT CASE WHEN w.prefix
        THEN (SELECT count(DISTINCT p.article_id) FROM search_postings p WHERE p.kind = w.kind AND p.term >= w.lo AND p.term < w.hi)
        ELSE (SELECT count(*) FROM search_postings p WHERE p.kind = w.kind AND p.term = w.lo) END
      FROM unnest(${words.map((p) => KIND[p.columns])}::smallint[], ${ranges.map((r) => r[0])}::text[], ${ranges.map((r) => r[1])}::text[],
        ${words.map((p) => p.prefix)}::boolean[]) WITH ORDINALITY AS w(kind, lo, hi, prefix, n)
      ORDER BY w.n)::integer[] AS words, ${longCounts} AS phrases
    FROM search_stats WHERE one`
  return {
    statement,
    counts: (row) => {
      const byPhrase = new Map<Phrase, number>([...words.map((p, i) => [p, row.words[i]!] as const), ...long.map((p, i) => [p, row.phrases[i]!] as const)])
      return phrases.map((p) => byPhrase.get(p)!)
    },
  }
}

/**
 * Positive phrases whose articles take in every article the plan matches, as few (by article
 * count) as an AND allows: for an AND its narrowest part, for an OR all of its parts' phrases.
 * Null when no such phrases are known (never for a plan of planSearch's).
 */
function coverOf(p: SearchPlan, slotOf: (p: Phrase) => Slot, counts: number[]): Slot[] | null {
  if ('phrase' in p) {
    const s = slotOf(p.phrase)
    return s.index > 0 ? [s] : []
  }
  if ('not' in p) return coverOf(p.not[0], slotOf, counts)
  const covers = ('and' in p ? p.and : p.or).map((x) => coverOf(x, slotOf, counts))
  if ('or' in p) return covers.some((c) => c === null) ? null : [...new Set(covers.flat() as Slot[])]
  const known = covers.filter((c): c is Slot[] => c !== null)
  const size = (c: Slot[]) => c.reduce((n, s) => n + counts[s.index - 1]!, 0)
  return known.length === 0 ? null : known.reduce((a, b) => (size(b) < size(a) ? b : a))
}

/**
 * A word looked up once per candidate article costs about as much as reading this many of its
 * postings in a row (a descent of the index against a step along it).
 */
const PROBE_COST = 16

/**
 * Which positive phrases an article holds, as bits: phrase i is bit bitOf(i) of column
 * `has${bitWord(i)}`, 63 to a bigint (its sign bit unused), as many columns as a long query needs.
 */
const bitWord = (i: number) => Math.floor((i - 1) / 63)
const bitOf = (i: number) => (i - 1) % 63
const hasColumns = (phrases: number) => (phrases <= 63
  ? sql`bit_or(1::int8 << (pa.i - 1)) AS has0`
  : sql.join(Array.from({ length: Math.ceil(phrases / 63) }, (_, w) =>
    sql`bit_or(CASE WHEN (pa.i - 1) / 63 = ${sql.lit(w)} THEN 1::int8 << ((pa.i - 1) % 63) ELSE 0 END) AS ${sql.ref(`has${w}`)}`)))

/** FTS5's idf of a phrase in `n` of `docs` articles (never zero or below, as there). */
const idfOf = (docs: number, n: number) => {
  const v = Math.log((docs - n + 0.5) / (n + 0.5))
  return v > 0 ? v : 1e-6
}

/**
 * A search plan as SQL over the postings, ranked by FTS5's bm25 (fts5_aux.c): `WITH …` up to
 * `matched (article_id, bm25)`, every article the plan matches with its bm25 as FTS5 returns it
 * (negative, lower is better), from `stats`: the counts countPhrases read for its positive phrases.
 * Null when the counts show the plan can match nothing (the phrases that cover its matches are in none).
 * - Each (positive phrase, article) gets its frequency f; each phrase its idf from its article
 *   count; each article the sum of idf · f·(k1+1) / (f + k1·(1 − b + b·D/avgdl)) over its
 *   phrases, and which phrases it holds (bits of `has…`), on which the plan's boolean is checked.
 * - Where an AND holds a rarer part, only the articles of that part (`cand`, its cover) are
 *   looked at: the other phrases' postings are read for those articles alone, by a lookup per
 *   article when a word is much more common than the cover. Otherwise every phrase is read by
 *   its own index range (one-word phrases from the postings' key alone, longer ones checked on
 *   the fields' text).
 * - Phrases after a NOT are checked per candidate: an index probe for one word, a subquery otherwise.
 */
export function compilePlan(plan: SearchPlan, stats: PlanStats): Sql | null {
  const { slotOf, positive } = phrasesOf(plan)
  const { counts } = stats
  const nothing = sql`SELECT NULL::integer AS i, NULL::integer AS article_id, NULL::float8 AS f, NULL::integer AS d WHERE false`
  const rowsWithIndex = (s: Slot) => sql`SELECT ${sql.lit(s.index)}::integer AS i, article_id, f, d FROM (${phraseRows(s)}) ${sql.table(`h${s.index}`)}`
  const rowsOf = (s: Slot, within?: Sql) => (s.tokens.length === 1 ? wordRows(s.phrase, s.tokens[0]!, within) : longPhraseRows(s.phrase, within))

  const cover = coverOf(plan, slotOf, counts)
  const sizeOf = (slots: Slot[]) => slots.reduce((n, s) => n + counts[s.index - 1]!, 0)
  if (cover !== null && sizeOf(cover) === 0) return null
  const narrowed = cover !== null && sizeOf(cover) < sizeOf(positive)
  const coverSize = cover ? sizeOf(cover) : 0
  const candidates = sql`SELECT article_id FROM cand`
  const phraseRows = (s: Slot): Sql => {
    if (!narrowed || cover.includes(s)) return rowsOf(s)
    const probed = s.tokens.length === 1 && !s.phrase.prefix && counts[s.index - 1]! > PROBE_COST * coverSize
    return probed ? probedWordRows(s.phrase, s.tokens[0]!, candidates) : rowsOf(s, candidates)
  }
  // The cover's rows are read once: the candidates are their articles.
  const cand = narrowed
    ? sql`cov AS MATERIALIZED (${sql.join(cover.map(rowsWithIndex), sql` UNION ALL `)}),
      cand AS MATERIALIZED (SELECT DISTINCT article_id FROM cov),`
    : sql``
  const holds = (p: SearchPlan): Sql => {
    if ('phrase' in p) {
      const s = slotOf(p.phrase)
      if (s.tokens.length === 0) return sql`false`
      if (s.index > 0) return sql`(${sql.ref(`c.has${bitWord(s.index)}`)} & ${sql.lit(2 ** bitOf(s.index))}::int8) <> 0`
      if (s.tokens.length === 1) {
        return sql`EXISTS (SELECT 1 FROM search_postings q WHERE q.kind = ${KIND[s.phrase.columns]} AND ${termIs(s.tokens[0]!, s.phrase.prefix, 'q')} AND q.article_id = c.article_id)`
      }
      return sql`c.article_id IN (SELECT article_id FROM (${longPhraseRows(s.phrase)}) x)`
    }
    if ('not' in p) return sql`(${holds(p.not[0])} AND NOT (${holds(p.not[1])}))`
    return sql`(${sql.join(('and' in p ? p.and : p.or).map(holds), 'and' in p ? sql` AND ` : sql` OR `)})`
  }

  const rest = narrowed ? positive.filter((s) => !cover.includes(s)) : positive
  const parts = [...(narrowed ? [sql`SELECT i, article_id, f, d FROM cov`] : []), ...rest.map(rowsWithIndex)]
  const hits = parts.length > 0 ? sql.join(parts, sql` UNION ALL `) : nothing
  const avgdl = stats.docs > 0 ? stats.tokens / stats.docs : 1
  // Each phrase's part of the score but for its frequency: how often it counts, its idf, and k1 + 1.
  const weights = positive.map((s) => s.count * idfOf(stats.docs, counts[s.index - 1]!) * (BM25_K1 + 1))
  return sql`WITH ${cand}
    c AS (SELECT pa.article_id, ${hasColumns(positive.length)},
        sum((${weights}::float8[])[pa.i] * pa.f
          / (pa.f + ${BM25_K1}::float8 * (${1 - BM25_B}::float8 + ${BM25_B}::float8 * pa.d / ${avgdl}::float8))) AS score
      FROM (${hits}) pa GROUP BY pa.article_id),
    matched AS (SELECT c.article_id, -c.score AS bm25 FROM c WHERE ${holds(plan)})`
}

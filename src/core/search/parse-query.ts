import { typedStem, type AnalyzedToken, type Analyzer } from '../../arabic/index.js'

/** The shortest last word matched as a prefix, in letters. */
export const PREFIX_MIN = 4

/** The longest query accepted, in characters. */
export const QUERY_MAX = 200

/** One word of a query, as search matches it. */
export interface QueryTerm {
  /** As the reader typed it. */
  text: string
  key: string
  stems: string[]
  /** The word the reader is still typing: match words that start with it. */
  prefix: boolean
}

export interface ParsedQuery {
  /** Every one must match (by key or stem). */
  terms: QueryTerm[]
  /** `"…"`: these words, in this order (by key). */
  phrases: QueryTerm[][]
  /** `-word` or `-"…"`: articles matching any of these are left out. */
  excluded: QueryTerm[][]
}

export interface StemMatch { whole: string[]; start: string | null }

/**
 * How a term's stems match: `whole`, stems equal to one of these; `start`, stems that start with
 * this. A finished word matches by its stems whole. A word the reader is still typing also matches
 * the stems that start with its own start (see typedStem: الانتها → انتها, on its way to
 * الانتهاء or الانتهاكات) — not with its stem, which takes the unfinished end for a suffix
 * (انت + ها) and then matches a large share of the collection (انتخابات, انتاج…). Its stems whole
 * still count, in case the word is complete, but not those under three letters: they come from
 * a fragment (العن → عن), and match nearly every story.
 */
export function stemMatch(t: QueryTerm): StemMatch {
  if (!t.prefix) return { whole: t.stems, start: null }
  const start = typedStem(t.key)
  return { whole: t.stems.filter((s) => s !== start && s.length >= 3), start }
}

const QUOTES = /["«»“”„]/
// A quoted phrase (straight, guillemets or curly quotes), a -quoted exclusion, or a bare word.
const PART = /(-?)["«“„]([^"«»“”„]*)["»”]?|(-?)([^\s"«»“”„]+)/gu

const toTerm = (t: AnalyzedToken, prefix = false): QueryTerm => ({ text: t.text, key: t.key, stems: t.stems, prefix })

/**
 * Reads what a reader typed: words (all must match), `"phrases"`, `-exclusions`. Stop words are
 * dropped from bare words unless nothing else is left. The last bare word is matched as a prefix
 * while the reader may still be typing it (no space after it, at least {@link PREFIX_MIN} letters).
 */
export function parseQuery(input: string, analyzer: Analyzer): ParsedQuery {
  const terms: QueryTerm[] = []
  const phrases: QueryTerm[][] = []
  const excluded: QueryTerm[][] = []
  const stopWords = new Set<QueryTerm>()
  let lastBare: { term: QueryTerm; end: number } | null = null
  for (const m of input.matchAll(PART)) {
    const quoted = m[2] !== undefined
    const negative = (quoted ? m[1] : m[3]) === '-'
    const tokens = analyzer.analyze(quoted ? m[2]! : m[4]!)
    if (tokens.length === 0) continue
    if (negative) excluded.push(tokens.map((t) => toTerm(t)))
    else if (quoted && tokens.length > 1) phrases.push(tokens.map((t) => toTerm(t)))
    else {
      for (const t of tokens) {
        const term = toTerm(t)
        terms.push(term)
        if (t.stop) stopWords.add(term)
        lastBare = { term, end: m.index! + m[0].length }
      }
    }
  }
  const content = terms.filter((t) => !stopWords.has(t))
  const kept = content.length > 0 || phrases.length > 0 ? content : terms
  const typingLastWord = lastBare !== null && lastBare.end === input.length && !QUOTES.test(input.at(-1) ?? '')
  // Three letters or fewer would match a good part of the vocabulary (ال + one letter, say).
  if (typingLastWord && kept.includes(lastBare!.term) && lastBare!.term.key.length >= PREFIX_MIN) {
    lastBare!.term.prefix = true
  }
  return { terms: kept, phrases, excluded }
}

/** Whether a query asks for anything: at least one word or phrase to match. */
export function isSearchable(q: ParsedQuery): boolean {
  return q.terms.length > 0 || q.phrases.length > 0
}

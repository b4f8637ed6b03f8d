import type { AnalyzedToken, Analyzer } from '../../arabic/index.js'
import { stemMatch, type ParsedQuery, type QueryTerm, type StemMatch } from './parse-query.js'

/** A piece of text as written; `hit` marks a word the query matched. */
export interface SnippetPart { text: string; hit: boolean }

export const SNIPPET_WORDS = 32

/** Whether search matches the token by this term: by key (or its start, for a word being typed), or by stem (see stemMatch). */
function matches(token: AnalyzedToken, term: QueryTerm, stems: StemMatch): boolean {
  if (token.key === term.key) return true
  if (term.prefix && token.key.startsWith(term.key)) return true
  return token.stems.some((s) => stems.whole.includes(s) || (stems.start !== null && s.startsWith(stems.start)))
}

/**
 * The passage of `text` that shows the most distinct query words, about {@link SNIPPET_WORDS}
 * words long, cut at word boundaries with "…", and the matched words marked as the article writes
 * them (with its own hamza and harakat), not as the reader typed them.
 */
export function buildSnippet(analyzer: Analyzer, text: string, query: ParsedQuery): SnippetPart[] {
  // News puts what matters first: look at the opening ~1,500 characters, and read the whole
  // story only when the query's words are not there.
  const cut = text.length > 2000 ? text.indexOf(' ', 1500) : -1
  if (cut > 0) {
    const head = buildSnippet(analyzer, text.slice(0, cut), query)
    if (head.some((p) => p.hit)) return head.at(-1)!.hit ? [...head, { text: ' …', hit: false }] : appendEllipsis(head)
  }
  return snippetOf(analyzer, text, query)
}

function appendEllipsis(parts: SnippetPart[]): SnippetPart[] {
  const last = parts.at(-1)!
  return last.text.endsWith('…') ? parts : [...parts.slice(0, -1), { text: `${last.text.trimEnd()} …`, hit: false }]
}

function snippetOf(analyzer: Analyzer, text: string, query: ParsedQuery): SnippetPart[] {
  const tokens = analyzer.analyze(text)
  if (tokens.length === 0) return []
  const wanted = [...query.terms, ...query.phrases.flat()]
  const stems = wanted.map(stemMatch)
  const hitTerm = tokens.map((t) => wanted.findIndex((w, i) => matches(t, w, stems[i]!)))
  // Slide a window of SNIPPET_WORDS tokens in one pass, counting hits per term; score = distinct
  // terms seen, then total hits; the earliest best window wins.
  const counts = new Array<number>(wanted.length).fill(0)
  let distinct = 0
  let hits = 0
  const enter = (i: number) => { const h = hitTerm[i]!; if (h >= 0) { hits++; if (counts[h]!++ === 0) distinct++ } }
  const leave = (i: number) => { const h = hitTerm[i]!; if (h >= 0) { hits--; if (--counts[h]! === 0) distinct-- } }
  for (let i = 0; i < Math.min(tokens.length, SNIPPET_WORDS); i++) enter(i)
  let best = 0
  let bestScore = distinct * 1000 + hits
  for (let start = 1; start < tokens.length; start++) {
    leave(start - 1)
    if (start + SNIPPET_WORDS - 1 < tokens.length) enter(start + SNIPPET_WORDS - 1)
    // Only windows that open on a matched word: the passage then starts near what was searched.
    const score = distinct * 1000 + hits
    if (hitTerm[start]! >= 0 && score > bestScore) { bestScore = score; best = start }
  }
  // Start a few words before the first hit, so the passage reads as a sentence.
  const from = Math.max(0, best - (best > 0 ? 4 : 0))
  const to = Math.min(tokens.length, from + SNIPPET_WORDS)
  const parts: SnippetPart[] = []
  const push = (s: string, hit: boolean) => {
    if (!s) return
    const last = parts.at(-1)
    if (last && last.hit === hit) last.text += s
    else parts.push({ text: s, hit })
  }
  if (from > 0) push('… ', false)
  // From the text's start when the passage opens it: a headline's opening «, " or ( is kept.
  let pos = from === 0 ? text.length - text.trimStart().length : tokens[from]!.start
  for (let i = from; i < to; i++) {
    const t = tokens[i]!
    push(text.slice(pos, t.start).replace(/\s+/g, ' '), false)
    push(t.text, hitTerm[i]! >= 0)
    pos = t.end
  }
  if (to < tokens.length) push(' …', false)
  else push(text.slice(pos).replace(/\s+/g, ' ').trimEnd(), false)
  return parts
}

import type { AnalyzedToken, Analyzer } from '../../arabic/index.js'
import type { ParsedQuery, QueryTerm } from './parse-query.js'

/** A piece of text as written; `hit` marks a word the query matched. */
export interface SnippetPart { text: string; hit: boolean }

export const SNIPPET_WORDS = 32

function matches(token: AnalyzedToken, term: QueryTerm): boolean {
  if (token.key === term.key) return true
  if (term.prefix && token.key.startsWith(term.key)) return true
  return token.stems.some((s) => term.stems.includes(s) || (term.prefix && s.startsWith(term.stems[0]!)))
}

/**
 * The passage of `text` that shows the most distinct query words, about {@link SNIPPET_WORDS}
 * words long, cut at word boundaries with "…", and the matched words marked as the article writes
 * them (with its own hamza and harakat), not as the reader typed them.
 */
export function buildSnippet(analyzer: Analyzer, text: string, query: ParsedQuery): SnippetPart[] {
  const tokens = analyzer.analyze(text)
  if (tokens.length === 0) return []
  const wanted = [...query.terms, ...query.phrases.flat()]
  const hitTerm = tokens.map((t) => wanted.findIndex((w) => matches(t, w)))
  // Slide a window over the tokens; score = distinct terms seen, then total hits.
  let best = 0
  let bestScore = -1
  for (let start = 0; start < tokens.length; start++) {
    if (start > 0 && hitTerm[start] === -1) continue
    const seen = new Set<number>()
    let hits = 0
    for (let i = start; i < Math.min(tokens.length, start + SNIPPET_WORDS); i++) {
      if (hitTerm[i]! >= 0) { seen.add(hitTerm[i]!); hits++ }
    }
    const score = seen.size * 1000 + hits
    if (score > bestScore) { bestScore = score; best = start }
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
  let pos = tokens[from]!.start
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

import type { Kysely } from 'kysely'
import type { SearchHit } from '../../core/index.js'
import type { Database } from './schema.js'
import { RECENCY } from './search-plan.js'

/** How many of the best matches by BM25 alone are checked for visibility, for a page ending at `want`. */
export const candidatePool = (want: number) => Math.max(200, want * 2)

/** The recency-boosted score of a match (higher is better) from its bm25 (lower is better, as FTS5 returns it). */
export const withRecency = (bm25: number, publishedAt: string, at: string) =>
  -bm25 * (1 + RECENCY / (1 + (Date.parse(at) - Date.parse(publishedAt)) / 86_400_000 / 30))

/** A match by BM25 alone, with what its article's visibility needs (no article: removed since). */
export interface Candidate { id: number; bm25: number; publishedAt: string | null; live: boolean }

/**
 * Candidates' visibility, read by id alone: with `live` in the WHERE clause, a planner without
 * statistics (right after a bulk import) scans every live article instead of a few ids.
 */
export async function withVisibility(db: Kysely<Database>, matches: ReadonlyArray<{ id: number; bm25: number }>): Promise<Candidate[]> {
  if (matches.length === 0) return []
  const rows = new Map((await db.selectFrom('articles').select(['id', 'published_at', 'live'])
    .where('id', 'in', matches.map((m) => m.id)).execute()).map((r) => [Number(r.id), r]))
  return matches.map((m) => ({ ...m, publishedAt: rows.get(m.id)?.published_at ?? null, live: rows.get(m.id)?.live === 1 }))
}

/**
 * The common case — words, no filters — ranked inside the index alone: the best `pool` matches
 * by BM25 (`candidates`), then only those checked for visibility and given the recency boost.
 * Joining every match to its article (thousands for common words) would cost ten times more.
 * The index holds only articles that are live (published or scheduled), so the match count is
 * the visible count but for scheduled stories not yet due, which are left out whenever the
 * candidates cover every match. Returns null when visibility removed too many candidates to fill
 * the page (then the adapter runs its full query).
 */
export async function rankCandidates(
  candidates: readonly Candidate[],
  at: string,
  page: { offset: number; limit: number },
  countAll: () => Promise<number>,
): Promise<{ hits: SearchHit[]; total: number } | null> {
  const want = page.offset + page.limit
  if (candidates.length === 0) return { hits: [], total: 0 }
  const visible = candidates.filter((c) => c.live && c.publishedAt !== null && c.publishedAt <= at)
  const complete = candidates.length < candidatePool(want)
  if (!complete && visible.length < want) return null
  const ranked = visible.map((c) => ({ id: c.id, score: withRecency(c.bm25, c.publishedAt!, at) }))
    .sort((a, b) => b.score - a.score || b.id - a.id)
  // Counted only when the candidates did not cover every match.
  const total = complete ? visible.length : await countAll()
  return { hits: ranked.slice(page.offset, want), total }
}

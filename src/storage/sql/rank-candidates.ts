import type { Kysely } from 'kysely'
import type { SearchHit } from '../../core/index.js'
import type { Database } from './schema.js'
import { RECENCY } from './search-plan.js'

/** How many of the best matches by BM25 alone are checked for visibility, for a page ending at `want`. */
export const candidatePool = (want: number) => Math.max(200, want * 2)

/** The recency-boosted score of a match (higher is better) from its bm25 (lower is better, as FTS5 returns it). */
export const withRecency = (bm25: number, publishedAt: string, at: string) =>
  -bm25 * (1 + RECENCY / (1 + (Date.parse(at) - Date.parse(publishedAt)) / 86_400_000 / 30))

/**
 * The common case — words, no filters — ranked inside the index alone: the best `pool` matches
 * by BM25 (`candidates`), then only those joined to their articles for visibility and the
 * recency boost. Joining every match (thousands for common words) would cost ten times more.
 * The index holds only articles that are live (published or scheduled), so the match count is
 * the visible count but for scheduled stories not yet due, which are left out whenever the
 * candidates cover every match. Returns null when visibility removed too many candidates to fill
 * the page (then the adapter runs its full query).
 */
export async function rankCandidates(
  db: Kysely<Database>,
  candidates: ReadonlyArray<{ id: number; bm25: number }>,
  at: string,
  page: { offset: number; limit: number },
  countAll: () => Promise<number>,
): Promise<{ hits: SearchHit[]; total: number } | null> {
  const want = page.offset + page.limit
  const pool = candidatePool(want)
  const bm25 = new Map(candidates.map((r) => [r.id, r.bm25]))
  if (bm25.size === 0) return { hits: [], total: 0 }
  // By id alone, visibility checked here: with `live` in the WHERE clause, a planner without
  // statistics (right after a bulk import) scans every live article instead of a few ids.
  const visible = (await db.selectFrom('articles').select(['id', 'published_at', 'live'])
    .where('id', 'in', [...bm25.keys()]).execute()).filter((r) => r.live === 1 && r.published_at !== null && r.published_at <= at)
  const complete = bm25.size < pool
  if (!complete && visible.length < want) return null
  const ranked = visible.map((r) => ({ id: Number(r.id), score: withRecency(bm25.get(Number(r.id))!, r.published_at!, at) }))
    .sort((a, b) => b.score - a.score || b.id - a.id)
  // Counted only when the candidates did not cover every match.
  const total = complete ? visible.length : await countAll()
  return { hits: ranked.slice(page.offset, want), total }
}

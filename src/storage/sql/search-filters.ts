import { sql, type RawBuilder } from 'kysely'
import type { SearchFilters } from '../../core/index.js'

/** Whether a search needs its filters applied in SQL (else the index's own ranking serves it, see rankCandidates). */
export const isFiltered = (f: SearchFilters) => Boolean(f.categoryIds || f.tagId !== undefined || f.authorId !== undefined || f.from || f.to)

/**
 * The conditions on the matched article `a` (joined as `articles a`): visible at `at`, and the
 * desk, tag, author and date filters. Plain SQL, the same on every dialect.
 */
export function searchFilters(f: SearchFilters, at: string): Array<RawBuilder<unknown>> {
  const where = [sql`a.live = 1`, sql`a.published_at <= ${at}`]
  if (f.categoryIds) where.push(sql`a.category_id IN (${sql.join(f.categoryIds.length ? f.categoryIds : [-1])})`)
  if (f.tagId !== undefined) where.push(sql`EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id AND t.tag_id = ${f.tagId})`)
  if (f.authorId !== undefined) where.push(sql`EXISTS (SELECT 1 FROM article_authors w WHERE w.article_id = a.id AND w.author_id = ${f.authorId})`)
  if (f.from) where.push(sql`a.published_at >= ${f.from.toISOString()}`)
  if (f.to) where.push(sql`a.published_at <= ${f.to.toISOString()}`)
  return where
}

import type { Selectable } from 'kysely'
import type { ArticleStatus, ArticleSummary, CoverImage } from '../../core/index.js'
import type { Database } from './schema.js'

type ArticleRow = Selectable<Database['articles']>

/** Columns every article list selects: the article without its body, plus its category. */
export const SUMMARY_COLUMNS = [
  'a.id', 'a.external_id', 'a.slug', 'a.title', 'a.dek', 'a.status', 'a.featured', 'a.breaking',
  'a.cover_src', 'a.cover_alt', 'a.cover_caption', 'a.cover_credit', 'a.published_at', 'a.updated_at',
  'c.id as category_id', 'c.slug as category_slug', 'c.name as category_name',
] as const

export type SummaryRow = Pick<ArticleRow, 'id' | 'external_id' | 'slug' | 'title' | 'dek' | 'status' | 'featured' | 'breaking'
  | 'cover_src' | 'cover_alt' | 'cover_caption' | 'cover_credit' | 'published_at' | 'updated_at' | 'category_id'>
  & { category_slug: string; category_name: string }

export function toSummary(r: SummaryRow): ArticleSummary {
  const cover: CoverImage | null = r.cover_src
    ? { src: r.cover_src, alt: r.cover_alt ?? '', caption: r.cover_caption, credit: r.cover_credit }
    : null
  return {
    id: Number(r.id),
    externalId: r.external_id,
    slug: r.slug,
    title: r.title,
    dek: r.dek,
    category: { id: Number(r.category_id), slug: r.category_slug, name: r.category_name },
    status: r.status as ArticleStatus,
    featured: Boolean(r.featured),
    breaking: Boolean(r.breaking),
    cover,
    publishedAt: r.published_at ? new Date(r.published_at) : null,
    updatedAt: new Date(r.updated_at),
  }
}

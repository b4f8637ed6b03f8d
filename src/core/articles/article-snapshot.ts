import type { SafeHtml } from '../safe-html.js'
import type { Article } from './article.js'

/**
 * An article's editable content at one save, as a revision keeps it: what an editor can change
 * and may want to compare or restore. Not its status, times or cover, which have their own
 * history (the workflow, the media library). Fields are null where the article's may be empty.
 */
export interface ArticleSnapshot {
  title: string
  dek: string | null
  bodyHtml: SafeHtml
  dateline: string | null
  source: string | null
  categoryId: number
  /** In the article's order: the first tag is the one shown first. */
  tagIds: number[]
  /** In byline order. */
  authorIds: number[]
  featured: boolean
  breaking: boolean
  slug: string
  seoTitle: string | null
  seoDescription: string | null
}

/** The snapshot of an article as stored. */
export function snapshotOf(a: Article): ArticleSnapshot {
  return {
    title: a.title, dek: a.dek, bodyHtml: a.bodyHtml, dateline: a.dateline, source: a.source, categoryId: a.category.id,
    tagIds: a.tags.map((t) => t.id), authorIds: a.authors.map((w) => w.id), featured: a.featured, breaking: a.breaking,
    slug: a.slug, seoTitle: a.seoTitle, seoDescription: a.seoDescription,
  }
}

import { articlePath, type Article, type DeskArticle } from '../../core/index.js'

/** A story as the Admin API shows it: every field the newsroom edits, in any state. */
export function presentAdminArticle(a: Article, siteUrl: string) {
  return {
    id: a.id,
    status: a.status,
    url: siteUrl + articlePath(a),
    title: a.title,
    dek: a.dek,
    body: a.bodyHtml,
    category: a.category.slug,
    tags: a.tags.map((t) => t.name),
    authors: a.authors.map((w) => w.slug),
    dateline: a.dateline,
    source: a.source,
    featured: a.featured,
    breaking: a.breaking,
    slug: a.slug,
    seoTitle: a.seoTitle,
    seoDescription: a.seoDescription,
    ownerId: a.ownerId,
    publishedAt: a.publishedAt?.toISOString() ?? null,
    updatedAt: a.updatedAt.toISOString(),
  }
}

export function presentDeskArticle(a: DeskArticle, siteUrl: string) {
  return {
    id: a.id,
    status: a.status,
    url: siteUrl + articlePath(a),
    title: a.title,
    category: a.category.slug,
    owner: a.ownerId === null ? null : { id: a.ownerId, name: a.ownerName },
    publishedAt: a.publishedAt?.toISOString() ?? null,
    updatedAt: a.updatedAt.toISOString(),
  }
}

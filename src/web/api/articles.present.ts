import { archivePath, articlePath, type Article, type ArticleSummary, type Category } from '../../core/index.js'

export function presentArticleSummary(a: ArticleSummary) {
  return {
    id: a.id,
    externalId: a.externalId,
    title: a.title,
    dek: a.dek,
    url: articlePath(a),
    category: { slug: a.category.slug, name: a.category.name, url: archivePath.category(a.category.slug) },
    publishedAt: a.publishedAt?.toISOString() ?? null,
    updatedAt: a.updatedAt.toISOString(),
    featured: a.featured,
    breaking: a.breaking,
    cover: a.cover,
  }
}

export function presentArticle(a: Article) {
  return {
    ...presentArticleSummary(a),
    dateline: a.dateline,
    source: a.source,
    bodyHtml: a.bodyHtml,
    bodyText: a.bodyText,
    tags: a.tags.map((t) => ({ slug: t.slug, name: t.name, url: archivePath.tag(t.slug) })),
    authors: a.authors.map((w) => ({ slug: w.slug, name: w.name, url: archivePath.author(w.slug) })),
  }
}

export function presentCategory(c: Category, all: readonly Category[]) {
  const parent = c.parentId === null ? null : all.find((p) => p.id === c.parentId)
  return { id: c.id, slug: c.slug, name: c.name, description: c.description, parent: parent?.slug ?? null, position: c.position, url: archivePath.category(c.slug) }
}

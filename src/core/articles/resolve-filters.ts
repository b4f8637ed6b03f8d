import type { TagRef } from './article.js'
import { NotFoundError } from '../errors.js'
import type { Repos } from '../store.js'
import { categoryWithDescendants, type Author, type Category } from '../taxonomy/taxonomy.js'

/** Desk, tag and author named by slug, as archives, lists and search take them. */
export interface SlugFilters { category?: string; tag?: string; author?: string }

export interface ResolvedFilters {
  category: Category | null
  tag: TagRef | null
  author: Author | null
  /** The desk and its sub-desks, when a desk was named. */
  categoryIds: number[] | undefined
}

/**
 * The one rule for filters by slug, shared by archives, the article list and search (page and
 * API, with words or without): each named one must exist, else NotFound — naming a desk that is
 * not there is asking for something missing, not a malformed request.
 */
export async function resolveFilters(repos: Pick<Repos, 'categories' | 'tags' | 'authors'>, f: SlugFilters): Promise<ResolvedFilters> {
  const [category, tag, author] = await Promise.all([
    f.category === undefined ? null : repos.categories.bySlug(f.category),
    f.tag === undefined ? null : repos.tags.bySlug(f.tag),
    f.author === undefined ? null : repos.authors.bySlug(f.author),
  ])
  if (f.category !== undefined && !category) throw new NotFoundError('category', f.category)
  if (f.tag !== undefined && !tag) throw new NotFoundError('tag', f.tag)
  if (f.author !== undefined && !author) throw new NotFoundError('author', f.author)
  const categoryIds = category ? categoryWithDescendants(await repos.categories.all(), category.id) : undefined
  return { category, tag, author, categoryIds }
}

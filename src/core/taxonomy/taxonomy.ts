import type { AuthorRef, CategoryRef, TagRef } from '../articles/article.js'

export interface Category extends CategoryRef {
  description: string | null
  parentId: number | null
  /** Order among siblings, smallest first. */
  position: number
}

export interface Author extends AuthorRef {
  bio: string | null
}

export type Tag = TagRef

/** Top-level categories in order, each followed by its children in order: the site's navigation. */
export function categoryTree(all: readonly Category[]): Array<Category & { children: Category[] }> {
  const byPosition = (a: Category, b: Category) => a.position - b.position || a.id - b.id
  return all
    .filter((c) => c.parentId === null)
    .sort(byPosition)
    .map((c) => ({ ...c, children: all.filter((k) => k.parentId === c.id).sort(byPosition) }))
}

/** A category and every category below it, for archives that include sub-desks. */
export function categoryWithDescendants(all: readonly Category[], id: number): number[] {
  const ids = [id]
  for (let i = 0; i < ids.length; i++) for (const c of all) if (c.parentId === ids[i]) ids.push(c.id)
  return ids
}

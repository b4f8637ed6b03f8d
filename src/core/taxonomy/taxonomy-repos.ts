import type { AuthorRef, TagRef } from '../articles/article.js'
import type { Author, Category } from './taxonomy.js'

export interface CategoryRepo {
  all(): Promise<Category[]>
  bySlug(slug: string): Promise<Category | null>
  create(c: Omit<Category, 'id'>): Promise<Category>
  /**
   * The desk with `c.slug`, created from `c` when missing. A desk already stored under that slug
   * is returned as stored (its name and position win over `c`). Safe when several processes
   * ensure the same desk at once: it is created once and every caller gets it.
   */
  ensure(c: Omit<Category, 'id'>): Promise<Category>
}

export interface TagRepo {
  bySlug(slug: string): Promise<TagRef | null>
  /**
   * Finds or creates a tag per name (slugged), in the given order, once per slug. Safe when
   * several processes ensure the same names at once: each tag is created once.
   */
  ensure(names: readonly string[]): Promise<TagRef[]>
  /** Tags by id, in no particular order; unknown ids are skipped. */
  byIds(ids: readonly number[]): Promise<TagRef[]>
  /** The most used tags with how many stories carry each, most used first (the editor's suggestions). */
  popular(limit: number): Promise<Array<TagRef & { uses: number }>>
}

export interface AuthorRepo {
  bySlug(slug: string): Promise<Author | null>
  create(a: Omit<Author, 'id'>): Promise<Author>
  /** Finds or creates authors by display name (slugged), like {@link TagRepo.ensure}. */
  ensure(names: readonly string[]): Promise<AuthorRef[]>
  /** Authors by id, in no particular order; unknown ids are skipped. */
  byIds(ids: readonly number[]): Promise<AuthorRef[]>
  /** Every author, by name. */
  all(): Promise<Author[]>
}

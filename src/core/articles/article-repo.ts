import type { Article, ArticleId, ArticleRecord, ArticleStatus, ArticleSummary } from './article.js'

/** Filters for lists of articles readers may see. */
export interface ArticleQuery {
  /** Only articles published at or before this instant. */
  visibleAt: Date
  categoryIds?: number[]
  tagId?: number
  authorId?: number
  featured?: boolean
  breaking?: boolean
  excludeIds?: number[]
  offset: number
  limit: number
}

/** Filters for the newsroom's lists, which show articles in every state. */
export interface DeskQuery {
  statuses?: readonly ArticleStatus[]
  ownerId?: number
  offset: number
  limit: number
}

/** A line of the newsroom's lists: the summary and whose story it is. */
export interface DeskArticle extends ArticleSummary { ownerId: number | null; ownerName: string | null }

export interface ArticleRepo {
  /** Stores a checked article with its tags and authors; returns its id. */
  create(record: ArticleRecord): Promise<ArticleId>
  /** Replaces an article's fields, tags and authors. */
  update(id: ArticleId, record: ArticleRecord): Promise<void>
  /**
   * Stores a checked article with its tags and authors, unless an article with its external id
   * is already stored: then it writes nothing and returns that article's id with `created: false`.
   * Safe when several processes store the same external id at once — exactly one creates it, the
   * others get its id — which a look-up by {@link idByExternalId} followed by {@link create} is not.
   */
  createUnlessStored(record: ArticleRecord): Promise<{ id: ArticleId; created: boolean }>
  get(id: ArticleId): Promise<Article | null>
  idByExternalId(externalId: string): Promise<ArticleId | null>
  /** Newest first. */
  list(query: ArticleQuery): Promise<ArticleSummary[]>
  /** How many articles match the query's filters, ignoring its offset and limit. */
  countMatching(query: Omit<ArticleQuery, 'offset' | 'limit'>): Promise<number>
  /** Articles by id, with their plain text, in no particular order; unknown ids are skipped. */
  getMany(ids: readonly ArticleId[]): Promise<Array<ArticleSummary & { bodyText: string }>>
  /**
   * The related articles stored for `article` that are visible, best first; when none are stored
   * (not computed yet), visible articles sharing tags or the desk, most shared tags first. Never
   * `article` itself.
   */
  related(article: Article, visibleAt: Date, limit: number): Promise<ArticleSummary[]>
  /** Replaces the stored related articles of one article. */
  setRelated(id: ArticleId, related: readonly Related[]): Promise<void>
  /** Every visible article with what relatedness is computed from; or only those of `ids`. */
  relatable(visibleAt: Date, opts?: { ids?: readonly ArticleId[] }): Promise<RelatableArticle[]>
  /** Deletes an article with its links, comments and related lists; false when there was none. Its search entry is the caller's. */
  remove(id: ArticleId): Promise<boolean>
  /** The newsroom's lists: articles in any state, most recently changed first. */
  desk(query: DeskQuery): Promise<DeskArticle[]>
  /** How many articles each status has, of everyone's or of one owner's. */
  countByStatus(ownerId?: number): Promise<Record<ArticleStatus, number>>
  /** The datelines (or source lines) stories were filed with, most used first (the editor's suggestions). */
  frequentValues(field: 'dateline' | 'source', limit: number): Promise<string[]>
  /** Scheduled articles whose publication time is at or before `at`, oldest first. */
  dueScheduled(at: Date): Promise<ArticleId[]>
  /** All stored articles, whatever their status. */
  count(): Promise<number>
  /** Ids of stored articles in id order: all of them, or only live ones (published or scheduled). */
  ids(opts?: { live?: boolean }): Promise<ArticleId[]>
  /** Sets an article's updated time and nothing else (a correction added); false when there is no such article. */
  touch(id: ArticleId, at: Date): Promise<boolean>
}

/** What relatedness looks at: the words, the tags, the desk and the date. */
export interface RelatableArticle {
  id: ArticleId
  title: string
  dek: string | null
  bodyText: string
  categoryId: number
  tagIds: number[]
  publishedAt: Date
}

export interface Related { id: ArticleId; score: number }

import type { Article, ArticleId, ArticleRecord, ArticleSummary, AuthorRef, TagRef } from './articles/article.js'
import type { Comment, NewComment, CommentStatus } from './comments/comment.js'
import type { Author, Category } from './taxonomy/taxonomy.js'
import type { SearchIndex } from './search/search-index.js'

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
  /** Every visible article with what relatedness is computed from. */
  relatable(visibleAt: Date): Promise<RelatableArticle[]>
  /** All stored articles, whatever their status. */
  count(): Promise<number>
  /** Ids of stored articles in id order: all of them, or only live ones (published or scheduled). */
  ids(opts?: { live?: boolean }): Promise<ArticleId[]>
}

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
}

export interface AuthorRepo {
  bySlug(slug: string): Promise<Author | null>
  create(a: Omit<Author, 'id'>): Promise<Author>
  /** Finds or creates authors by display name (slugged), like {@link TagRepo.ensure}. */
  ensure(names: readonly string[]): Promise<AuthorRef[]>
}

export interface CommentRepo {
  add(c: NewComment, status: CommentStatus, at: Date): Promise<number>
  get(id: number): Promise<Comment | null>
  approvedFor(articleId: ArticleId): Promise<Comment[]>
}

export interface Repos {
  articles: ArticleRepo
  categories: CategoryRepo
  tags: TagRepo
  authors: AuthorRepo
  comments: CommentRepo
  search: SearchIndex
}

/** The newsroom's storage: repositories plus the transaction and change-tracking they share. */
export interface Store extends Repos {
  /**
   * Runs `work` atomically: all its writes land, or none. It holds the database's write lock from
   * its start, so what `work` reads stays true until it commits; another writer (an import in
   * another process, another request) waits for its turn, asynchronously, and a write that cannot
   * get a turn within the store's deadline is refused with an error. Keep `work` to the reads and
   * writes: analysis and other slow computation belong before it. Every write that a busy
   * database must not fail — all of the site's — goes through here; a write made directly on the
   * store is a transaction of its own that waits for its turn only a moment.
   */
  transaction<T>(work: (tx: Repos) => Promise<T>): Promise<T>
  /**
   * Runs `work` while holding the lock `name`, which every process on this database shares, so
   * work that must happen once — demo seeding and search-index setup at boot, the related
   * articles after an import — never runs twice at the same time. A second caller (another
   * process, or another store in this one) waits asynchronously, with no deadline, until the
   * first's work has settled, then runs its own: `work` should check whether it is still needed.
   * The lock is let go when `work` returns or throws (its result or error is passed on), and when
   * the holding process dies. Not a transaction: `work` writes through the store as usual. Not
   * reentrant: asking for `name` again inside `work` waits forever.
   */
  exclusively<T>(name: string, work: () => Promise<T>): Promise<T>
  /**
   * A token that changes whenever stored content changes — including writes committed by another
   * process on the same database. Synchronous and cheap, so every page request can check it.
   */
  contentVersion(): string
  /**
   * Brings the database's planner statistics up to date after a bulk write (an import, a reindex,
   * a copy), so that the next searches are planned on the data as it now is rather than when
   * the database's own maintenance gets to it. Takes seconds on a large index; not for every write.
   */
  refreshStatistics(): Promise<void>
  close(): Promise<void>
}

export interface Clock {
  now(): Date
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

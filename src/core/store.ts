import type { ArticleRepo } from './articles/article-repo.js'
import type { CommentRepo } from './comments/comment-repo.js'
import type { AuthorRepo, CategoryRepo, TagRepo } from './taxonomy/taxonomy-repos.js'
import type { SearchIndex } from './search/search-index.js'
import type { UserRepo } from './people/user-repo.js'
import type { SessionRepo } from './people/session.js'
import type { ApiTokenRepo } from './people/api-token.js'
import type { SignInFailureRepo } from './people/sign-in-failure-repo.js'
import type { EditLockRepo } from './articles/edit-lock-repo.js'
import type { RevisionRepo } from './articles/revision-repo.js'
import type { ArticleNoteRepo } from './articles/article-note-repo.js'

/**
 * Every feature's storage port, as one store implements them. A use case asks for the ports it
 * uses (`Pick<Repos, 'articles' | 'comments'>`), never for the whole bag: what it may touch is
 * then in its signature, and a test hands it only those.
 */
export interface Repos {
  articles: ArticleRepo
  categories: CategoryRepo
  tags: TagRepo
  authors: AuthorRepo
  comments: CommentRepo
  search: SearchIndex
  users: UserRepo
  sessions: SessionRepo
  tokens: ApiTokenRepo
  failures: SignInFailureRepo
  locks: EditLockRepo
  revisions: RevisionRepo
  notes: ArticleNoteRepo
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

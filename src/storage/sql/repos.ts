import type { Kysely } from 'kysely'
import type { Repos, SearchIndex } from '../../core/index.js'
import type { Database } from './schema.js'
import { createSqlArticleRepo } from './article-repo.js'
import { createSqlAuthorRepo, createSqlCategoryRepo, createSqlTagRepo } from './taxonomy-repos.js'
import { createSqlCommentRepo } from './comment-repo.js'
import { createSqlApiTokenRepo, createSqlEditLockRepo, createSqlSessionRepo, createSqlSignInFailureRepo, createSqlUserRepo } from './people-repos.js'
import { createSqlRevisionRepo } from './revision-repo.js'
import { createSqlArticleNoteRepo } from './article-note-repo.js'

/**
 * Every repository over one connection or transaction; the same code serves every dialect, but
 * for full-text search, which each dialect brings (`search`). The newsroom's members, sessions and
 * tokens may go through another handle of the same connection (`people`): one whose writes do not
 * count as content changes, since readers never see them.
 */
export function createSqlRepos(db: Kysely<Database>, search: (db: Kysely<Database>) => SearchIndex, people: Kysely<Database> = db): Repos {
  return {
    articles: createSqlArticleRepo(db),
    categories: createSqlCategoryRepo(db),
    tags: createSqlTagRepo(db),
    authors: createSqlAuthorRepo(db),
    comments: createSqlCommentRepo(db),
    search: search(db),
    users: createSqlUserRepo(people),
    sessions: createSqlSessionRepo(people),
    tokens: createSqlApiTokenRepo(people),
    failures: createSqlSignInFailureRepo(people),
    locks: createSqlEditLockRepo(people),
    // Revisions are the newsroom's own (readers never see them); notes are on the public page.
    revisions: createSqlRevisionRepo(people),
    notes: createSqlArticleNoteRepo(db),
  }
}

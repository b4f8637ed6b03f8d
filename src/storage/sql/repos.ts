import type { Kysely } from 'kysely'
import type { Repos, SearchIndex } from '../../core/index.js'
import type { Database } from './schema.js'
import { createSqlArticleRepo } from './article-repo.js'
import { createSqlAuthorRepo, createSqlCategoryRepo, createSqlTagRepo } from './taxonomy-repos.js'
import { createSqlCommentRepo } from './comment-repo.js'
import { createSqlApiTokenRepo, createSqlSessionRepo, createSqlUserRepo } from './people-repos.js'
import { createSqlRevisionRepo } from './revision-repo.js'
import { createSqlArticleNoteRepo } from './article-note-repo.js'

/**
 * Every repository over one connection or transaction; the same code serves every dialect, but
 * for full-text search, which each dialect brings (`search`).
 */
export function createSqlRepos(db: Kysely<Database>, search: (db: Kysely<Database>) => SearchIndex): Repos {
  return {
    articles: createSqlArticleRepo(db),
    categories: createSqlCategoryRepo(db),
    tags: createSqlTagRepo(db),
    authors: createSqlAuthorRepo(db),
    comments: createSqlCommentRepo(db),
    search: search(db),
    users: createSqlUserRepo(db),
    sessions: createSqlSessionRepo(db),
    tokens: createSqlApiTokenRepo(db),
    revisions: createSqlRevisionRepo(db),
    notes: createSqlArticleNoteRepo(db),
  }
}

import type { Kysely } from 'kysely'
import type { Repos } from '../../core/index.js'
import type { Database } from './schema.js'
import { createSqlArticleRepo } from './article-repo.js'
import { createSqlAuthorRepo, createSqlCategoryRepo, createSqlTagRepo } from './taxonomy-repos.js'
import { createSqlCommentRepo } from './comment-repo.js'

/** Every repository over one connection or transaction; the same code serves every dialect. */
export function createSqlRepos(db: Kysely<Database>): Repos {
  return {
    articles: createSqlArticleRepo(db),
    categories: createSqlCategoryRepo(db),
    tags: createSqlTagRepo(db),
    authors: createSqlAuthorRepo(db),
    comments: createSqlCommentRepo(db),
  }
}

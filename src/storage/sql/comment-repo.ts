import type { Kysely, Selectable } from 'kysely'
import type { Comment, CommentRepo, CommentStatus } from '../../core/index.js'
import type { Database } from './schema.js'

const toComment = (r: Selectable<Database['comments']>): Comment => ({
  id: Number(r.id),
  articleId: Number(r.article_id),
  parentId: r.parent_id === null ? null : Number(r.parent_id),
  authorName: r.author_name,
  body: r.body,
  status: r.status as CommentStatus,
  createdAt: new Date(r.created_at),
})

export function createSqlCommentRepo(db: Kysely<Database>): CommentRepo {
  return {
    async add(c, status, at) {
      const r = await db.insertInto('comments').values({
        article_id: c.articleId, parent_id: c.parentId, author_name: c.authorName, author_email: c.authorEmail,
        body: c.body, status, ip: c.ip, created_at: at.toISOString(),
      }).returning('id').executeTakeFirstOrThrow()
      return Number(r.id)
    },
    async get(id) {
      const r = await db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst()
      return r ? toComment(r) : null
    },
    async approvedFor(articleId) {
      const rows = await db.selectFrom('comments').selectAll()
        .where('article_id', '=', articleId).where('status', '=', 'approved').orderBy('created_at').orderBy('id').execute()
      return rows.map(toComment)
    },
  }
}

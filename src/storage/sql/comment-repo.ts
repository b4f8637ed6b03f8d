import type { Kysely, Selectable } from 'kysely'
import { COMMENT_STATUSES, type Comment, type CommentRepo, type CommentStatus } from '../../core/index.js'
import type { Database } from './schema.js'
import { countByStatus } from './count-by-status.js'

const toComment = (r: Selectable<Database['comments']>): Comment => ({
  id: Number(r.id),
  articleId: Number(r.article_id),
  parentId: r.parent_id === null ? null : Number(r.parent_id),
  authorName: r.author_name,
  body: r.body,
  status: r.status as CommentStatus,
  createdAt: new Date(r.created_at),
  fromDesk: Number(r.from_desk) === 1,
})

export function createSqlCommentRepo(db: Kysely<Database>): CommentRepo {
  return {
    async add(c, status, at, opts = {}) {
      const r = await db.insertInto('comments').values({
        article_id: c.articleId, parent_id: c.parentId, author_name: c.authorName, author_email: c.authorEmail,
        body: c.body, status, ip: c.ip, created_at: at.toISOString(), from_desk: opts.fromDesk ? 1 : 0,
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
    async recentFrom(sender, since, limit) {
      const rows = await db.selectFrom('comments').select(['body', 'created_at'])
        .where((eb) => eb.or([eb('author_email', '=', sender.email), ...(sender.ip ? [eb('ip', '=', sender.ip)] : [])]))
        .where('created_at', '>=', since.toISOString()).orderBy('created_at', 'desc').limit(limit).execute()
      return rows.map((r) => ({ body: r.body, createdAt: new Date(r.created_at) }))
    },
    async queue(q) {
      let query = db.selectFrom('comments as c').innerJoin('articles as a', 'a.id', 'c.article_id').selectAll('c').select('a.title as article_title')
      if (q.status) query = query.where('c.status', '=', q.status)
      if (q.articleId !== undefined) query = query.where('c.article_id', '=', q.articleId)
      const rows = await query.orderBy('c.created_at', 'desc').orderBy('c.id', 'desc').limit(q.limit).offset(q.offset).execute()
      return rows.map((r) => ({ ...toComment(r), authorEmail: r.author_email, ip: r.ip, articleTitle: r.article_title }))
    },
    countByStatus: (articleId) => countByStatus(db, 'comments', COMMENT_STATUSES, articleId === undefined ? undefined : { column: 'article_id', value: articleId }),
    async setStatus(ids, status) {
      if (ids.length === 0) return 0
      const r = await db.updateTable('comments').set({ status }).where('id', 'in', [...ids]).executeTakeFirst()
      return Number(r.numUpdatedRows)
    },
    async setBody(id, body) {
      const r = await db.updateTable('comments').set({ body }).where('id', '=', id).executeTakeFirst()
      return Number(r.numUpdatedRows) > 0
    },
  }
}

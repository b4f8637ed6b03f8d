import type { Kysely } from 'kysely'
import type { ArticleNoteKind, ArticleNoteRepo } from '../../core/index.js'
import type { Database } from './schema.js'

export function createSqlArticleNoteRepo(db: Kysely<Database>): ArticleNoteRepo {
  return {
    async add(n) {
      const r = await db.insertInto('article_notes').values({
        article_id: n.articleId, kind: n.kind, text: n.text, author_id: n.authorId, created_at: n.at.toISOString(),
      }).returning('id').executeTakeFirstOrThrow()
      return Number(r.id)
    },
    async listFor(articleId) {
      const rows = await db.selectFrom('article_notes').selectAll().where('article_id', '=', articleId)
        .orderBy('created_at').orderBy('id').execute()
      return rows.map((r) => ({
        id: Number(r.id), articleId: Number(r.article_id), kind: r.kind as ArticleNoteKind, text: r.text,
        authorId: r.author_id === null ? null : Number(r.author_id), createdAt: new Date(r.created_at),
      }))
    },
  }
}

import type { Kysely } from 'kysely'
import type { ArticleSnapshot, RevisionRepo, SafeHtml } from '../../core/index.js'
import type { Database } from './schema.js'

/**
 * The snapshot as stored: its fields by name in one order, whatever else the object handed in
 * carries (an editor may pass a whole article), so equal content is equal text.
 */
function snapshotJson(s: ArticleSnapshot): string {
  const kept: ArticleSnapshot = {
    title: s.title, dek: s.dek, bodyHtml: s.bodyHtml, dateline: s.dateline, source: s.source,
    categoryId: s.categoryId, tagIds: [...s.tagIds], authorIds: [...s.authorIds], featured: s.featured,
    breaking: s.breaking, slug: s.slug, seoTitle: s.seoTitle, seoDescription: s.seoDescription,
  }
  return JSON.stringify(kept)
}

/** A stored snapshot; a field it lacks (added to snapshots after it was kept) reads as empty. */
function readSnapshot(text: string): ArticleSnapshot {
  const s = JSON.parse(text) as Partial<ArticleSnapshot>
  return {
    title: s.title ?? '', dek: s.dek ?? null, bodyHtml: (s.bodyHtml ?? '') as SafeHtml, dateline: s.dateline ?? null,
    source: s.source ?? null, categoryId: s.categoryId ?? 0, tagIds: s.tagIds ?? [], authorIds: s.authorIds ?? [],
    featured: s.featured ?? false, breaking: s.breaking ?? false, slug: s.slug ?? '',
    seoTitle: s.seoTitle ?? null, seoDescription: s.seoDescription ?? null,
  }
}

const SUMMARY = ['r.id', 'r.article_id', 'r.editor_id', 'u.name as editor_name', 'r.created_at', 'r.title', 'r.note'] as const

type SummaryRow = { id: number; article_id: number; editor_id: number | null; editor_name: string | null; created_at: string; title: string; note: string | null }

const toSummary = (r: SummaryRow) => ({
  id: Number(r.id),
  articleId: Number(r.article_id),
  editorId: r.editor_id === null ? null : Number(r.editor_id),
  editorName: r.editor_name,
  createdAt: new Date(r.created_at),
  title: r.title,
  note: r.note,
})

export function createSqlRevisionRepo(db: Kysely<Database>): RevisionRepo {
  const withEditor = () => db.selectFrom('article_revisions as r').leftJoin('users as u', 'u.id', 'r.editor_id')
  return {
    async add(rev) {
      const r = await db.insertInto('article_revisions').values({
        article_id: rev.articleId, editor_id: rev.editorId, created_at: rev.at.toISOString(),
        title: rev.snapshot.title, note: rev.note ?? null, snapshot: snapshotJson(rev.snapshot),
      }).returning('id').executeTakeFirstOrThrow()
      return Number(r.id)
    },
    async listFor(articleId) {
      const rows = await withEditor().select(SUMMARY).where('r.article_id', '=', articleId).orderBy('r.id', 'desc').execute()
      return rows.map(toSummary)
    },
    async get(id) {
      const r = await withEditor().select([...SUMMARY, 'r.snapshot']).where('r.id', '=', id).executeTakeFirst()
      return r ? { ...toSummary(r), snapshot: readSnapshot(r.snapshot) } : null
    },
  }
}

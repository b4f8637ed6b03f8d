import { sql, type InsertQueryBuilder, type InsertResult, type Kysely } from 'kysely'
import { ARTICLE_STATUSES, LIVE_STATUSES, type ArticleQuery, type ArticleRecord, type ArticleRepo, type SafeHtml } from '../../core/index.js'
import type { Database } from './schema.js'
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from './rows.js'
import { countByStatus } from './count-by-status.js'

type Db = Kysely<Database>

function columns(r: ArticleRecord, now: string) {
  return {
    external_id: r.externalId,
    slug: r.slug,
    title: r.title,
    dek: r.dek,
    body_html: r.bodyHtml,
    body_text: r.bodyText,
    dateline: r.dateline,
    source: r.source,
    category_id: r.categoryId,
    status: r.status,
    live: LIVE_STATUSES.includes(r.status) ? 1 : 0,
    featured: r.featured ? 1 : 0,
    breaking: r.breaking ? 1 : 0,
    cover_src: r.cover?.src ?? null,
    cover_alt: r.cover?.alt ?? null,
    cover_caption: r.cover?.caption ?? null,
    cover_credit: r.cover?.credit ?? null,
    published_at: r.publishedAt?.toISOString() ?? null,
    updated_at: now,
    owner_id: r.ownerId,
    seo_title: r.seoTitle,
    seo_description: r.seoDescription,
  }
}

/**
 * Replaces an article's tags and authors. Upserts rather than plain inserts: two writers outside
 * a transaction (two processes storing the same wire story) can both delete, then both insert.
 */
async function writeLinks(db: Db, id: number, r: ArticleRecord): Promise<void> {
  await db.deleteFrom('article_tags').where('article_id', '=', id).execute()
  await db.deleteFrom('article_authors').where('article_id', '=', id).execute()
  if (r.tagIds.length) {
    await db.insertInto('article_tags').values(r.tagIds.map((tag_id, position) => ({ article_id: id, tag_id, position })))
      .onConflict((oc) => oc.columns(['article_id', 'tag_id']).doUpdateSet((eb) => ({ position: eb.ref('excluded.position') }))).execute()
  }
  if (r.authorIds.length) {
    await db.insertInto('article_authors').values(r.authorIds.map((author_id, position) => ({ article_id: id, author_id, position })))
      .onConflict((oc) => oc.columns(['article_id', 'author_id']).doUpdateSet((eb) => ({ position: eb.ref('excluded.position') }))).execute()
  }
}

/** Inserts an article's row, shaped by `clause` (an ON CONFLICT); its id, or undefined if none was inserted. */
async function insertArticle(
  db: Db, record: ArticleRecord, clause: (q: InsertQueryBuilder<Database, 'articles', InsertResult>) => InsertQueryBuilder<Database, 'articles', InsertResult>,
): Promise<{ id: number } | undefined> {
  const now = new Date().toISOString()
  // A new article has not been updated: its update time is its publication time when that is
  // earlier (imports of old stories), so pages do not claim an edit on the import day.
  const published = record.publishedAt?.toISOString()
  const updated = published && published < now ? published : now
  const row = await clause(db.insertInto('articles').values({ ...columns(record, updated), created_at: now }))
    .returning('id').executeTakeFirst()
  return row && { id: Number(row.id) }
}

function visible(db: Db, visibleAt: Date) {
  return db.selectFrom('articles as a')
    .innerJoin('categories as c', 'c.id', 'a.category_id')
    .where('a.live', '=', 1)
    .where('a.published_at', '<=', visibleAt.toISOString())
}

/**
 * FROM and WHERE of the visible-article lists, as an SQL template rather than the query builder:
 * lists are the hot read path of every page, and the builder spends ten times longer compiling a
 * query than the template (about 38 µs against 4 µs here). Plain SQL, the same on every dialect.
 */
function listSource(f: Omit<ArticleQuery, 'offset' | 'limit'>) {
  const joins = [sql`JOIN categories c ON c.id = a.category_id`]
  // Joins, not EXISTS: the tag's (or author's) few rows drive the query instead of a scan of
  // every visible article in date order.
  if (f.tagId !== undefined) joins.push(sql`JOIN article_tags t ON t.article_id = a.id AND t.tag_id = ${f.tagId}`)
  if (f.authorId !== undefined) joins.push(sql`JOIN article_authors w ON w.article_id = a.id AND w.author_id = ${f.authorId}`)
  const where = [sql`a.live = 1`, sql`a.published_at <= ${f.visibleAt.toISOString()}`]
  if (f.categoryIds) where.push(sql`a.category_id IN (${sql.join(f.categoryIds.length ? f.categoryIds : [-1])})`)
  if (f.featured !== undefined) where.push(sql`a.featured = ${f.featured ? 1 : 0}`)
  if (f.breaking !== undefined) where.push(sql`a.breaking = ${f.breaking ? 1 : 0}`)
  if (f.excludeIds?.length) where.push(sql`a.id NOT IN (${sql.join(f.excludeIds)})`)
  return sql`FROM articles a ${sql.join(joins, sql` `)} WHERE ${sql.join(where, sql` AND `)}`
}

const SUMMARY_SQL = sql.raw(SUMMARY_COLUMNS.join(', '))

export function createSqlArticleRepo(db: Db): ArticleRepo {
  async function idByExternalId(externalId: string) {
    const row = await db.selectFrom('articles').select('id').where('external_id', '=', externalId).executeTakeFirst()
    return row ? Number(row.id) : null
  }

  return {
    async create(record) {
      const row = await insertArticle(db, record, (q) => q)
      await writeLinks(db, row!.id, record)
      return row!.id
    },

    async createUnlessStored(record) {
      const existing = record.externalId === null ? null : await idByExternalId(record.externalId)
      if (existing !== null) return { id: existing, created: false }
      const row = await insertArticle(db, record, (q) => q.onConflict((oc) => oc.column('external_id').doNothing()))
      if (row) {
        await writeLinks(db, row.id, record)
        return { id: row.id, created: true }
      }
      // Another writer stored this external id between the look-up and the insert.
      const id = await idByExternalId(record.externalId!)
      if (id === null) throw new Error(`article ${record.externalId} conflicted on insert but could not be read back`)
      return { id, created: false }
    },

    async update(id, record) {
      await db.updateTable('articles').set(columns(record, new Date().toISOString())).where('id', '=', id).execute()
      await writeLinks(db, id, record)
    },

    async get(id) {
      const row = await db.selectFrom('articles as a').innerJoin('categories as c', 'c.id', 'a.category_id')
        .select([...SUMMARY_COLUMNS, 'a.body_html', 'a.body_text', 'a.dateline', 'a.source', 'a.owner_id', 'a.seo_title', 'a.seo_description'])
        .where('a.id', '=', id).executeTakeFirst()
      if (!row) return null
      const [tags, authors] = await Promise.all([
        db.selectFrom('article_tags as at').innerJoin('tags as t', 't.id', 'at.tag_id')
          .select(['t.id', 't.slug', 't.name']).where('at.article_id', '=', id).orderBy('at.position').execute(),
        db.selectFrom('article_authors as aa').innerJoin('authors as w', 'w.id', 'aa.author_id')
          .select(['w.id', 'w.slug', 'w.name']).where('aa.article_id', '=', id).orderBy('aa.position').execute(),
      ])
      return {
        ...toSummary(row),
        bodyHtml: row.body_html as SafeHtml,
        bodyText: row.body_text,
        dateline: row.dateline,
        source: row.source,
        tags: tags.map((t) => ({ ...t, id: Number(t.id) })),
        authors: authors.map((w) => ({ ...w, id: Number(w.id) })),
        ownerId: row.owner_id === null ? null : Number(row.owner_id),
        seoTitle: row.seo_title,
        seoDescription: row.seo_description,
      }
    },

    idByExternalId,

    async list(f) {
      const { rows } = await sql<SummaryRow>`SELECT ${SUMMARY_SQL} ${listSource(f)}
        ORDER BY a.published_at DESC, a.id DESC LIMIT ${f.limit} OFFSET ${f.offset}`.execute(db)
      return rows.map(toSummary)
    },

    async countMatching(f) {
      const { rows } = await sql<{ n: number | string }>`SELECT count(*) AS n ${listSource(f)}`.execute(db)
      return Number(rows[0]?.n ?? 0)
    },

    async getMany(ids) {
      if (ids.length === 0) return []
      const rows = await db.selectFrom('articles as a').innerJoin('categories as c', 'c.id', 'a.category_id')
        .select([...SUMMARY_COLUMNS, 'a.body_text']).where('a.id', 'in', ids).execute()
      return rows.map((r) => ({ ...toSummary(r), bodyText: r.body_text }))
    },

    async setRelated(id, related) {
      await db.deleteFrom('related_articles').where('article_id', '=', id).execute()
      if (related.length) {
        await db.insertInto('related_articles')
          .values(related.map((r, position) => ({ article_id: id, related_id: r.id, position, score: r.score }))).execute()
      }
    },

    async relatable(visibleAt, opts = {}) {
      const ids = opts.ids && (opts.ids.length ? [...opts.ids] : [-1])
      let articles = visible(db, visibleAt).select(['a.id', 'a.title', 'a.dek', 'a.body_text', 'a.category_id', 'a.published_at'])
      let links = db.selectFrom('article_tags').select(['article_id', 'tag_id'])
      if (ids) {
        articles = articles.where('a.id', 'in', ids)
        links = links.where('article_id', 'in', ids)
      }
      const [rows, tags] = await Promise.all([articles.orderBy('a.id').execute(), links.execute()])
      const tagsOf = new Map<number, number[]>()
      for (const t of tags) (tagsOf.get(Number(t.article_id)) ?? tagsOf.set(Number(t.article_id), []).get(Number(t.article_id))!).push(Number(t.tag_id))
      return rows.map((r) => ({
        id: Number(r.id), title: r.title, dek: r.dek, bodyText: r.body_text, categoryId: Number(r.category_id),
        tagIds: tagsOf.get(Number(r.id)) ?? [], publishedAt: new Date(r.published_at!),
      }))
    },

    async related(article, visibleAt, limit) {
      // Two steps, so the stored list (a handful of rows) drives the lookup on every database.
      const ids = (await db.selectFrom('related_articles').select('related_id').where('article_id', '=', article.id)
        .orderBy('position').execute()).map((r) => Number(r.related_id))
      if (ids.length > 0) {
        // By id alone, visibility checked here, so no planner can prefer a scan of the live index.
        const at = visibleAt.toISOString()
        const rows = await db.selectFrom('articles as a').innerJoin('categories as c', 'c.id', 'a.category_id')
          .select([...SUMMARY_COLUMNS, 'a.live']).where('a.id', 'in', ids).execute()
        const byId = new Map(rows.filter((r) => r.live === 1 && r.published_at !== null && r.published_at <= at).map((r) => [Number(r.id), r]))
        return ids.flatMap((id) => byId.get(id) ?? []).slice(0, limit).map(toSummary)
      }
      const tagIds = article.tags.map((t) => t.id)
      const sameCategory = sql<number>`case when a.category_id = ${article.category.id} then 1 else 0 end`
      let q = visible(db, visibleAt)
        .leftJoin('article_tags as t', (j) => j.onRef('t.article_id', '=', 'a.id').on('t.tag_id', 'in', tagIds.length ? tagIds : [-1]))
        .where('a.id', '!=', article.id)
        .where((eb) => eb.or([eb('a.category_id', '=', article.category.id), eb('t.tag_id', 'is not', null)]))
      const rows = await q.select(SUMMARY_COLUMNS)
        .groupBy(['a.id', 'c.id'])
        .orderBy((eb) => eb.fn.count('t.tag_id'), 'desc')
        .orderBy(sameCategory, 'desc')
        .orderBy('a.published_at', 'desc')
        .limit(limit)
        .execute()
      return rows.map(toSummary)
    },

    async remove(id) {
      const result = await db.deleteFrom('articles').where('id', '=', id).executeTakeFirst()
      return Number(result.numDeletedRows) > 0
    },

    async desk(f) {
      let q = db.selectFrom('articles as a').innerJoin('categories as c', 'c.id', 'a.category_id')
        .leftJoin('users as u', 'u.id', 'a.owner_id')
        .select([...SUMMARY_COLUMNS, 'a.owner_id', 'u.name as owner_name'])
      if (f.statuses) q = q.where('a.status', 'in', f.statuses.length ? [...f.statuses] : ['-'])
      if (f.ownerId !== undefined) q = q.where('a.owner_id', '=', f.ownerId)
      const rows = await q.orderBy('a.updated_at', 'desc').orderBy('a.id', 'desc').limit(f.limit).offset(f.offset).execute()
      return rows.map((r) => ({ ...toSummary(r), ownerId: r.owner_id === null ? null : Number(r.owner_id), ownerName: r.owner_name }))
    },

    countByStatus: (ownerId) => countByStatus(db, 'articles', ARTICLE_STATUSES, ownerId === undefined ? undefined : { column: 'owner_id', value: ownerId }),

    async frequentValues(field, limit) {
      const rows = await db.selectFrom('articles').select([field, (eb) => eb.fn.countAll<number | string>().as('n')])
        .where(field, 'is not', null).groupBy(field).orderBy('n', 'desc').orderBy(field).limit(limit).execute()
      return rows.map((r) => (r as Record<string, string>)[field]!)
    },

    async dueScheduled(at) {
      const rows = await db.selectFrom('articles').select('id').where('status', '=', 'scheduled')
        .where('published_at', '<=', at.toISOString()).orderBy('published_at').orderBy('id').execute()
      return rows.map((r) => Number(r.id))
    },

    async ids(opts = {}) {
      let q = db.selectFrom('articles').select('id').orderBy('id')
      if (opts.live) q = q.where('live', '=', 1)
      return (await q.execute()).map((r) => Number(r.id))
    },

    async count() {
      const row = await db.selectFrom('articles').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()
      return Number(row.n)
    },

    async touch(id, at) {
      const r = await db.updateTable('articles').set({ updated_at: at.toISOString() }).where('id', '=', id).executeTakeFirst()
      return Number(r.numUpdatedRows) > 0
    },
  }
}

import type { Kysely } from 'kysely'
import { slugify } from '../../arabic/index.js'
import type { AuthorRepo, Category, CategoryRepo, TagRepo } from '../../core/index.js'
import type { Database } from './schema.js'

type Db = Kysely<Database>

const toCategory = (r: { id: number; slug: string; name: string; description: string | null; parent_id: number | null; position: number }) => ({
  id: Number(r.id), slug: r.slug, name: r.name, description: r.description,
  parentId: r.parent_id === null ? null : Number(r.parent_id), position: r.position,
})

export function createSqlCategoryRepo(db: Db): CategoryRepo {
  return {
    async all() {
      return (await db.selectFrom('categories').selectAll().orderBy('position').orderBy('id').execute()).map(toCategory)
    },
    async bySlug(slug) {
      const r = await db.selectFrom('categories').selectAll().where('slug', '=', slug).executeTakeFirst()
      return r ? toCategory(r) : null
    },
    async create(c) {
      const r = await db.insertInto('categories').values(categoryColumns(c)).returningAll().executeTakeFirstOrThrow()
      return toCategory(r)
    },
    async ensure(c) {
      const r = await findOrInsert(
        () => db.selectFrom('categories').selectAll().where('slug', '=', c.slug).executeTakeFirst(),
        () => db.insertInto('categories').values(categoryColumns(c))
          .onConflict((oc) => oc.column('slug').doNothing()).returningAll().executeTakeFirst(),
      )
      return toCategory(r)
    },
  }
}

const categoryColumns = (c: Omit<Category, 'id'>) =>
  ({ slug: c.slug, name: c.name, description: c.description, parent_id: c.parentId, position: c.position })

/**
 * The row `find` reads, inserted by `insert` when missing. `insert` must do nothing on a conflict
 * with a row another writer stored since `find` looked (ON CONFLICT … DO NOTHING, the same on
 * SQLite and PostgreSQL): then it returns nothing and the row is read again. A plain insert after
 * a look-up fails on the UNIQUE constraint whenever two processes create the same row at once.
 */
export async function findOrInsert<R>(find: () => Promise<R | undefined>, insert: () => Promise<R | undefined>): Promise<R> {
  const row = await find() ?? await insert() ?? await find()
  if (row === undefined) throw new Error('a row that conflicted on insert could not be read back')
  return row
}

/** Finds rows by slug of each name, inserting the missing ones (race-free), keeping the caller's order. */
async function ensureNamed(db: Db, table: 'tags' | 'authors', names: readonly string[]) {
  const out: Array<{ id: number; slug: string; name: string }> = []
  const seen = new Set<string>()
  for (const raw of names) {
    const name = raw.normalize('NFC').replace(/\s+/g, ' ').trim()
    const slug = slugify(name, 12)
    if (!slug || seen.has(slug)) continue
    seen.add(slug)
    const row = await findOrInsert(
      () => db.selectFrom(table).select(['id', 'slug', 'name']).where('slug', '=', slug).executeTakeFirst(),
      () => db.insertInto(table).values({ slug, name })
        .onConflict((oc) => oc.column('slug').doNothing()).returning(['id', 'slug', 'name']).executeTakeFirst(),
    )
    out.push({ id: Number(row.id), slug: row.slug, name: row.name })
  }
  return out
}

export function createSqlTagRepo(db: Db): TagRepo {
  return {
    async bySlug(slug) {
      const r = await db.selectFrom('tags').select(['id', 'slug', 'name']).where('slug', '=', slug).executeTakeFirst()
      return r ? { ...r, id: Number(r.id) } : null
    },
    ensure: (names) => ensureNamed(db, 'tags', names),
    async byIds(ids) {
      if (ids.length === 0) return []
      const rows = await db.selectFrom('tags').select(['id', 'slug', 'name']).where('id', 'in', [...ids]).execute()
      return rows.map((r) => ({ ...r, id: Number(r.id) }))
    },
    async popular(limit) {
      const rows = await db.selectFrom('tags as t').innerJoin('article_tags as at', 'at.tag_id', 't.id')
        .select(['t.id', 't.slug', 't.name', (eb) => eb.fn.countAll<number | string>().as('uses')])
        .groupBy(['t.id', 't.slug', 't.name']).orderBy('uses', 'desc').orderBy('t.id').limit(limit).execute()
      return rows.map((r) => ({ id: Number(r.id), slug: r.slug, name: r.name, uses: Number(r.uses) }))
    },
  }
}

export function createSqlAuthorRepo(db: Db): AuthorRepo {
  return {
    async bySlug(slug) {
      const r = await db.selectFrom('authors').selectAll().where('slug', '=', slug).executeTakeFirst()
      return r ? { ...r, id: Number(r.id) } : null
    },
    async create(a) {
      const r = await db.insertInto('authors').values({ slug: a.slug, name: a.name, bio: a.bio }).returningAll().executeTakeFirstOrThrow()
      return { ...r, id: Number(r.id) }
    },
    ensure: (names) => ensureNamed(db, 'authors', names),
    async byIds(ids) {
      if (ids.length === 0) return []
      const rows = await db.selectFrom('authors').select(['id', 'slug', 'name']).where('id', 'in', [...ids]).execute()
      return rows.map((r) => ({ ...r, id: Number(r.id) }))
    },
    async all() {
      const rows = await db.selectFrom('authors').selectAll().orderBy('name').orderBy('id').execute()
      return rows.map((r) => ({ ...r, id: Number(r.id) }))
    },
  }
}

import type { Kysely } from 'kysely'
import { slugify } from '../../arabic/index.js'
import type { AuthorRepo, CategoryRepo, TagRepo } from '../../core/index.js'
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
      const r = await db.insertInto('categories')
        .values({ slug: c.slug, name: c.name, description: c.description, parent_id: c.parentId, position: c.position })
        .returningAll().executeTakeFirstOrThrow()
      return toCategory(r)
    },
  }
}

/** Finds rows by slug of each name, inserting the missing ones, keeping the caller's order. */
async function ensureNamed(db: Db, table: 'tags' | 'authors', names: readonly string[]) {
  const out: Array<{ id: number; slug: string; name: string }> = []
  const seen = new Set<string>()
  for (const raw of names) {
    const name = raw.normalize('NFC').replace(/\s+/g, ' ').trim()
    const slug = slugify(name, 12)
    if (!slug || seen.has(slug)) continue
    seen.add(slug)
    const found = await db.selectFrom(table).select(['id', 'slug', 'name']).where('slug', '=', slug).executeTakeFirst()
    const row = found ?? await db.insertInto(table).values({ slug, name }).returning(['id', 'slug', 'name']).executeTakeFirstOrThrow()
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
  }
}

import type { Kysely } from 'kysely'
import { slugify } from '../../arabic/index.js'

/**
 * Desks named without letters or digits (`—`, `📰`) used to get an empty slug, which made their
 * links `//id/…` (another host, to a browser). Slugs are now never empty; this gives the stored
 * ones their slug, or `desk-<id>` when that slug is taken.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const empty = await db.selectFrom('categories').select(['id', 'name']).where('slug', '=', '').execute()
  for (const { id, name } of empty as Array<{ id: number; name: string }>) {
    const wanted = slugify(name, 6)
    const taken = wanted && await db.selectFrom('categories').select('id').where('slug', '=', wanted).executeTakeFirst()
    await db.updateTable('categories').set({ slug: wanted && !taken ? wanted : `desk-${id}` }).where('id', '=', id).execute()
  }
}

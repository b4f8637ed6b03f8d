import { sql, type Kysely } from 'kysely'
import type { Database } from './schema.js'

/**
 * How many rows of `table` have each of `statuses` (0 for none), optionally where `column` equals
 * `value`: the newsroom's counts of stories and of comments.
 */
export async function countByStatus<S extends string>(
  db: Kysely<Database>, table: 'articles' | 'comments', statuses: readonly S[], where?: { column: 'owner_id' | 'article_id'; value: number },
): Promise<Record<S, number>> {
  const filter = where ? sql`WHERE ${sql.ref(where.column)} = ${where.value}` : sql``
  const { rows } = await sql<{ status: string; n: number | string }>`SELECT status, count(*) AS n FROM ${sql.table(table)} ${filter} GROUP BY status`.execute(db)
  const counts = Object.fromEntries(statuses.map((s) => [s, 0])) as Record<S, number>
  for (const r of rows) if (r.status in counts) counts[r.status as S] = Number(r.n)
  return counts
}

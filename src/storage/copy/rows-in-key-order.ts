import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { ContentTable } from './content-tables.js'

export type Row = Record<string, unknown>

/**
 * A table's rows in key order, `batch` at a time. Each batch starts after the last key read (a
 * row-value comparison both dialects run on the primary key's index), so a large table costs the
 * same per batch from start to end, as OFFSET would not.
 */
export async function* rowsInKeyOrder(db: Kysely<any>, table: ContentTable, batch: number): AsyncGenerator<Row[]> {
  const keys = sql.join(table.key.map((k) => sql.ref(k)))
  let after: unknown[] | null = null
  for (;;) {
    const where: RawBuilder<unknown> = after ? sql`WHERE (${keys}) > (${sql.join(after)})` : sql``
    const { rows }: { rows: Row[] } = await sql<Row>`SELECT * FROM ${sql.table(table.name)} ${where} ORDER BY ${keys} LIMIT ${batch}`.execute(db)
    if (rows.length === 0) return
    yield rows
    if (rows.length < batch) return
    const last: Row = rows[rows.length - 1]!
    after = table.key.map((k): unknown => last[k])
  }
}

/** How many rows a table holds; PostgreSQL's count is a bigint, which its driver returns as text. */
export async function countRows(db: Kysely<any>, table: string): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(db)
  return Number(rows[0]!.n)
}

/** A row's key as a person reads it in an error message: `id 42`, `article_id 7, tag_id 3`. */
export function describeKey(table: ContentTable, row: Row): string {
  return table.key.map((k) => `${k} ${String(row[k])}`).join(', ')
}

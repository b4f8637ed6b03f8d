import { sql, type Kysely } from 'kysely'
import { CONTENT_TABLES, EMPTIED_WITH_CONTENT, unknownTables, type ContentTable } from './content-tables.js'
import { describeLocation, openDatabase, type DatabaseLocation, type OpenDatabase } from './open-database.js'
import { countRows, describeKey, rowsInKeyOrder, type Row } from './rows-in-key-order.js'

/** Rows per INSERT, at most (tests give fewer); fewer for wide tables (below). */
const BATCH_ROWS = 1_000
/** Bound values per statement: under SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_VALUES = 30_000

export interface CopyProgress { table: string; done: number; total: number }

/** The target holds content already; `--force` empties it first. */
export class TargetNotEmptyError extends Error {
  constructor(readonly target: string, readonly counts: ReadonlyArray<{ table: string; rows: number }>) {
    super(`${target} is not empty (${counts.map((c) => `${c.table}: ${c.rows.toLocaleString('en')}`).join(', ')})`)
  }
}

/**
 * Copies every content table of `from` into `to`, keeping ids, in foreign-key order. The search
 * index is not copied (its form differs per dialect): rebuild it on `to` afterwards.
 * - `to` must hold no content, or `force` empties it first in one transaction; a copy that
 *   stopped midway leaves content behind, so `force` is also how it starts over.
 * - `from` is read in one transaction (repeatable read on PostgreSQL), so a site writing
 *   meanwhile cannot hand the copy a comment whose article it did not see.
 * - Each batch is one INSERT of up to 1,000 rows, committed on its own: a transaction per table
 *   would not make a failed copy any less half-done (the tables before it are in), and would hold
 *   a large table's rows in one transaction for nothing.
 * - PostgreSQL's id sequences are set past the copied ids, so the next article gets a new one.
 */
export async function copyDatabase(
  from: DatabaseLocation,
  to: DatabaseLocation,
  opts: { force?: boolean; batchRows?: number; onProgress?: (p: CopyProgress) => void } = {},
): Promise<Array<{ table: string; rows: number }>> {
  const source = await openDatabase(from, { mustExist: true })
  try {
    const target = await openDatabase(to)
    try {
      await refuseUnknownTables(source, describeLocation(from))
      await refuseUnknownTables(target, describeLocation(to))
      const held = (await Promise.all(CONTENT_TABLES.map(async (t) => ({ table: t.name, rows: await countRows(target.db, t.name) }))))
        .filter((c) => c.rows > 0)
      if (held.length > 0 && !opts.force) throw new TargetNotEmptyError(describeLocation(to), held)
      if (held.length > 0) await emptyContent(target)
      const copied = await source.db.transaction().setIsolationLevel('repeatable read').execute(async (src) => {
        const totals = await Promise.all(CONTENT_TABLES.map((t) => countRows(src, t.name)))
        const total = totals.reduce((a, b) => a + b, 0)
        let done = 0
        const result: Array<{ table: string; rows: number }> = []
        for (const table of CONTENT_TABLES) {
          opts.onProgress?.({ table: table.name, done, total })
          const rows = await copyTable(src, target.db, table, opts.batchRows ?? BATCH_ROWS, (n) => {
            done += n
            opts.onProgress?.({ table: table.name, done, total })
          })
          result.push({ table: table.name, rows })
        }
        return result
      })
      if (target.dialect === 'postgres') await followIds(target.db)
      return copied
    } finally {
      await target.close()
    }
  } finally {
    await source.close()
  }
}

async function refuseUnknownTables(at: OpenDatabase, where: string): Promise<void> {
  const unknown = unknownTables(await at.tables())
  if (unknown.length > 0) {
    throw new Error(`${where} has tables db copy does not know (${unknown.join(', ')}): say whether to copy them in src/storage/copy/content-tables.ts`)
  }
}

/**
 * Empties every content table, all or nothing. PostgreSQL truncates them in one statement: a
 * DELETE checks each article against the tables that refer to it, and one of those columns
 * (related_articles.related_id) has no index of its own, so it would scan that table, dead rows
 * included, once per article (minutes on 18,000 articles). SQLite deletes children first.
 */
async function emptyContent(target: OpenDatabase): Promise<void> {
  if (target.dialect === 'postgres') {
    await sql`TRUNCATE ${sql.join([...EMPTIED_WITH_CONTENT, ...CONTENT_TABLES.map((t) => t.name)].map((name) => sql.table(name)))}`.execute(target.db)
    return
  }
  await target.db.transaction().execute(async (trx) => {
    for (const name of [...EMPTIED_WITH_CONTENT, ...[...CONTENT_TABLES].reverse().map((t) => t.name)]) await trx.deleteFrom(name).execute()
  })
}

/**
 * Copies one table, returning its row count. A self-reference to a row not copied yet (a
 * sub-desk whose desk has a higher id) is stored empty and filled in once the table is in.
 */
async function copyTable(src: Kysely<any>, dst: Kysely<any>, table: ContentTable, most: number, onRows: (n: number) => void): Promise<number> {
  const later: Row[] = []
  let copied = 0
  for await (const rows of rowsInKeyOrder(src, table, most)) {
    const batch = Math.max(1, Math.min(most, Math.floor(MAX_VALUES / Object.keys(rows[0]!).length)))
    for (let i = 0; i < rows.length; i += batch) {
      const chunk = rows.slice(i, i + batch).map((row) => {
        const ref = table.selfRef && row[table.selfRef]
        if (!table.selfRef || ref === null || ref === undefined || Number(ref) < Number(row.id)) return row
        later.push(row)
        return { ...row, [table.selfRef]: null }
      })
      await insertRows(dst, table, chunk)
      copied += chunk.length
      onRows(chunk.length)
    }
  }
  for (const row of later) {
    await dst.updateTable(table.name).set({ [table.selfRef!]: row[table.selfRef!] }).where('id', '=', row.id).execute()
  }
  return copied
}

const UNDO = Symbol('undo')

/** Inserts a batch; when it fails, finds the row that fails, one by one in a transaction always undone, to name it. */
async function insertRows(db: Kysely<any>, table: ContentTable, rows: Row[]): Promise<void> {
  try {
    await db.insertInto(table.name).values(rows).execute()
  } catch (batchError) {
    let culprit: { row: Row; e: Error } | null = null
    await db.transaction().execute(async (trx) => {
      for (const row of rows) {
        try {
          await trx.insertInto(table.name).values(row).execute()
        } catch (e) {
          culprit = { row, e: e as Error }
          break
        }
      }
      throw UNDO
    }).catch((e: unknown) => { if (e !== UNDO) throw e })
    const found = culprit as { row: Row; e: Error } | null
    if (found) throw new Error(`copying ${table.name}, row ${describeKey(table, found.row)}: ${found.e.message}`)
    throw new Error(`copying ${table.name}, rows from ${describeKey(table, rows[0]!)}: ${(batchError as Error).message}`)
  }
}

/** Sets each id sequence so the next id follows the highest copied one (1 when the table is empty). */
async function followIds(db: Kysely<any>): Promise<void> {
  for (const table of CONTENT_TABLES.filter((t) => t.serial)) {
    await sql`SELECT setval(pg_get_serial_sequence(${table.name}, 'id'), coalesce(max(id), 1), max(id) IS NOT NULL)
      FROM ${sql.table(table.name)}`.execute(db)
  }
}

import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import { CONTENT_TABLES, type ContentTable } from './content-tables.js'
import { openDatabase, type DatabaseLocation } from './open-database.js'
import { rowsInKeyOrder } from './rows-in-key-order.js'

export interface TableSum { rows: number; sha256: string }
export interface TableCheck { table: string; source: TableSum; target: TableSum; ok: boolean }

/**
 * Compares every content table of `from` and `to`: row count and a SHA-256 over the rows in key
 * order, each computed the same way on both sides (see {@link tableSum}). Each side is read in one
 * transaction; a site still writing to `from` shows up here as a difference.
 */
export async function verifyCopy(from: DatabaseLocation, to: DatabaseLocation): Promise<TableCheck[]> {
  const sums = async (at: DatabaseLocation) => {
    const open = await openDatabase(at, { mustExist: true })
    try {
      return await open.db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
        const result: TableSum[] = []
        for (const table of CONTENT_TABLES) result.push(await tableSum(trx, table))
        return result
      })
    } finally {
      await open.close()
    }
  }
  const [source, target] = [await sums(from), await sums(to)]
  return CONTENT_TABLES.map((t, i) => ({
    table: t.name,
    source: source[i]!,
    target: target[i]!,
    ok: source[i]!.rows === target[i]!.rows && source[i]!.sha256 === target[i]!.sha256,
  }))
}

/**
 * One table's rows in key order, each as a JSON array of its values in column-name order (so
 * the columns' physical order does not matter), one line per row. Values are normalized to what
 * both drivers agree on: numbers as numbers (a bigint too), text as text, null as null.
 */
export async function tableSum(db: Kysely<any>, table: ContentTable): Promise<TableSum> {
  const hash = createHash('sha256')
  let rows = 0
  let columns: string[] | null = null
  for await (const batch of rowsInKeyOrder(db, table, 1_000)) {
    if (!columns) {
      columns = Object.keys(batch[0]!).sort()
      hash.update(`${JSON.stringify(columns)}\n`)
    }
    for (const row of batch) hash.update(`${JSON.stringify(columns.map((c) => normalize(row[c])))}\n`)
    rows += batch.length
  }
  return { rows, sha256: hash.digest('hex') }
}

function normalize(value: unknown): unknown {
  if (value === null || value === undefined) return null
  if (typeof value === 'bigint') return Number(value)
  if (typeof value === 'boolean') return value ? 1 : 0
  if (value instanceof Date) return value.toISOString()
  if (Buffer.isBuffer(value)) return `\\x${value.toString('hex')}`
  return value
}

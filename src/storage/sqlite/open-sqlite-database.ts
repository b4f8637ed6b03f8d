import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs'
import { dirname } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'

/**
 * A plain Kysely connection to a SQLite file, for whole-database work (`khabar db copy`) that goes
 * around the repositories: foreign keys enforced as in the store, WAL so a running site keeps
 * reading, and a long busy timeout since a command can wait for the site's writes. `mustExist`
 * refuses a missing file instead of creating an empty database there; a new one is private to
 * its owner (0600 in a 0700 folder), as the store makes it, for it holds commenters' addresses.
 */
export function openSqliteDatabase(file: string, opts: { mustExist?: boolean } = {}): Kysely<any> {
  if (!existsSync(file)) {
    if (opts.mustExist) throw new Error(`no SQLite database at ${file}`)
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
    closeSync(openSync(file, 'a', 0o600))
  }
  const raw = new BetterSqlite3(file)
  raw.pragma('busy_timeout = 10000')
  raw.pragma('journal_mode = WAL')
  raw.pragma('foreign_keys = ON')
  return new Kysely<any>({ dialect: new SqliteDialect({ database: raw }) })
}

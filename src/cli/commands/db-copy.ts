import { statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { SingleBar, Presets } from 'cli-progress'
import type { Config } from '../../config/index.js'
import { rebuildSearchIndex, type Store } from '../../core/index.js'
import {
  copyDatabase, describeLocation, openStore, TargetNotEmptyError, verifyCopy,
  type DatabaseLocation, type TableCheck,
} from '../../storage/index.js'
import { terminalText } from '../terminal-text.js'

export const DB_COPY_USAGE = 'usage: khabar db copy (--to | --from) POSTGRES_URL_OR_SQLITE_FILE [--force]'

const count = (n: number) => n.toLocaleString('en-US')
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)}s`

/**
 * `khabar db copy --to X` copies the configured database to X, `--from X` copies X into it: the
 * content tables with their ids, then the target's search index rebuilt, then every table
 * compared on both sides. Exit 0 when all match, 1 when not (or the copy failed, or the target
 * holds content and `--force` was not given), 2 on bad usage.
 */
export async function dbCopy(config: Config, args: string[]): Promise<number> {
  try {
    return await run(config, args)
  } catch (e) {
    console.error(terminalText(`khabar db copy: failed: ${(e as Error).message}`)) // the message may quote a path or a row
    return 1
  }
}

async function run(config: Config, args: string[]): Promise<number> {
  const parsed = parseArgs(args)
  if (typeof parsed === 'string') {
    console.error(`khabar db copy: ${parsed}\n${DB_COPY_USAGE}`)
    return 2
  }
  const here: DatabaseLocation = config.databaseUrl ? { postgres: config.databaseUrl } : { sqlite: config.dbFile }
  const [from, to] = parsed.direction === 'to' ? [here, parsed.other] : [parsed.other, here]
  if (sameDatabase(from, to)) {
    console.error(`khabar db copy: the source and the target are the same database\n${DB_COPY_USAGE}`)
    return 2
  }
  const [fromText, toText] = [from, to].map((at) => terminalText(describeLocation(at)))
  console.log(`khabar db copy: ${fromText} → ${toText}`)
  const started = Date.now()

  const copyBar = bar('copying {bar} {value}/{total} rows | {table}')
  try {
    const copied = await copyDatabase(from, to, {
      force: parsed.force,
      onProgress: ({ table, done, total }) => {
        if (!copyBar) return
        if (!copyBar.getTotal()) copyBar.start(total, done, { table })
        copyBar.update(done, { table })
      },
    })
    copyBar?.stop()
    console.log(`copied ${count(copied.reduce((n, t) => n + t.rows, 0))} rows in ${seconds(started)}`)
  } catch (e) {
    copyBar?.stop()
    if (!(e instanceof TargetNotEmptyError)) throw e
    console.error(terminalText(`khabar db copy: nothing copied: ${e.message}. A copy that stopped midway leaves the target so too; --force empties the target's content and starts over.`))
    return 1
  }

  const indexStarted = Date.now()
  const indexed = await rebuildTargetSearch(to)
  console.log(`search index: ${count(indexed)} articles indexed in ${seconds(indexStarted)}`)

  const checks = await verifyCopy(from, to)
  for (const line of verificationLines(checks)) console.log(line)
  const bad = checks.filter((c) => !c.ok)
  if (bad.length > 0) {
    console.error(`khabar db copy: NOT verified: ${bad.map((c) => c.table).join(', ')} differ between source and target (was the source written to during the copy?)`)
    return 1
  }
  console.log(`khabar db copy: verified, ${checks.length} tables identical on both sides (${seconds(started)} in all)`)
  return 0
}

function parseArgs(args: string[]): { direction: 'to' | 'from'; other: DatabaseLocation; force: boolean } | string {
  const [verb, ...rest] = args
  if (verb !== 'copy') return verb ? `unknown db command '${verb}'` : 'missing db command'
  let direction: 'to' | 'from' | null = null
  let value: string | undefined
  let force = false
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!
    const m = /^--(to|from)(?:=(.*))?$/.exec(arg)
    if (m) {
      if (direction) return 'give one of --to and --from, once'
      direction = m[1] as 'to' | 'from'
      value = m[2] ?? rest[++i]
      if (!value || value.startsWith('--')) return `--${direction} needs a PostgreSQL URL or a SQLite file`
    } else if (arg === '--force') {
      force = true
    } else {
      return `unexpected argument '${terminalText(arg)}'`
    }
  }
  if (!direction || !value) return 'say where to copy: --to or --from'
  return { direction, other: locationOf(value), force }
}

/** A postgres:// URL is PostgreSQL; anything else a SQLite file (a folder: its khabar.db, as KHABAR_DATA_DIR). */
function locationOf(value: string): DatabaseLocation {
  if (/^postgres(ql)?:\/\//.test(value)) return { postgres: value }
  const path = resolve(value)
  return { sqlite: isFolder(path) ? join(path, 'khabar.db') : path }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

function sameDatabase(a: DatabaseLocation, b: DatabaseLocation): boolean {
  if ('sqlite' in a && 'sqlite' in b) return a.sqlite === b.sqlite
  if ('postgres' in a && 'postgres' in b) return a.postgres === b.postgres && a.schema === b.schema
  return false
}

/** The target's search index, rebuilt through the store as `khabar reindex` does, the copied related articles kept. */
async function rebuildTargetSearch(to: DatabaseLocation): Promise<number> {
  const store = await openTargetStore(to)
  const indexBar = bar('indexing {bar} {value}/{total} articles')
  try {
    const indexed = await rebuildSearchIndex({ store }, (done, total) => {
      if (!indexBar) return
      if (!indexBar.getTotal()) indexBar.start(total, 0)
      indexBar.update(done)
    })
    await store.refreshStatistics()
    return indexed
  } finally {
    indexBar?.stop()
    await store.close()
  }
}

/** The target as the site would open it; writes wait long for their turn, as an import's do. */
async function openTargetStore(to: DatabaseLocation): Promise<Store> {
  // dbFile is unused when databaseUrl is set; StoreLocation asks for it all the same.
  const at = 'sqlite' in to ? { dbFile: to.sqlite } : { databaseUrl: to.postgres, dbFile: '', ...(to.schema ? { schema: to.schema } : {}) }
  return openStore(at, { busyTimeoutMs: 5_000, lockTimeoutMs: 60_000, maxBackoffMs: 50 })
}

/** A progress bar on stderr when it is a terminal; nothing otherwise (a log file needs no redraws). */
function bar(format: string): SingleBar | null {
  return process.stderr.isTTY ? new SingleBar({ format, stream: process.stderr }, Presets.shades_classic) : null
}

/** `articles  18,104 rows  sha256 ab12cd34ef56…  ✓`, aligned; a difference shows both sides. */
export function verificationLines(checks: readonly TableCheck[]): string[] {
  const nameWidth = Math.max(...checks.map((c) => c.table.length))
  const rowsWidth = Math.max(...checks.map((c) => count(c.source.rows).length))
  return checks.map((c) => {
    const rows = `${count(c.source.rows).padStart(rowsWidth)} rows`
    const sum = `sha256 ${c.source.sha256.slice(0, 12)}…`
    if (c.ok) return `${c.table.padEnd(nameWidth)}  ${rows}  ${sum}  ✓`
    const targetRows = c.target.rows === c.source.rows ? '' : ` ≠ ${count(c.target.rows)} rows`
    const targetSum = c.target.sha256 === c.source.sha256 ? '' : ` ≠ ${c.target.sha256.slice(0, 12)}…`
    return `${c.table.padEnd(nameWidth)}  ${rows}${targetRows}  ${sum}${targetSum}  ✗`
  })
}

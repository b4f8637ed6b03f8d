import { setTimeout as sleep } from 'node:timers/promises'
import type BetterSqlite3 from 'better-sqlite3'
import type { Kysely } from 'kysely'
import { BusyError } from '../../core/index.js'

/** Thrown when another connection kept the write lock past a transaction's deadline. */
export class WriteLockTimeoutError extends BusyError {
  constructor(waitedMs: number) {
    super(`database is busy: another connection held the write lock for more than ${waitedMs / 1000} s`)
  }
}

/** SQLITE_BUSY and its extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_BUSY_RECOVERY, …). */
export const isBusy = (e: unknown): boolean => String((e as { code?: unknown } | null)?.code ?? '').startsWith('SQLITE_BUSY')

// Back-off between attempts at the lock: 1, 2, 4 … ms, at most `max`, each ±50% so that several
// waiters do not retry in step. SQLite keeps no queue of waiters: whoever tries first when the lock
// is let go takes it, so a short ceiling is a priority — the site's (10 ms) over an import's.
export const backoffMs = (attempt: number, max: number): number => Math.min(max, 2 ** attempt) * (0.5 + Math.random())

/** What a try at the write lock returns when another connection holds it. */
export const LOCK_HELD = Symbol('lock held')

export interface LockWait { lockTimeoutMs: number; maxBackoffMs: number }

/**
 * Runs `attempt` until it gets the write lock (returns anything but {@link LOCK_HELD}), pausing
 * asynchronously between tries — {@link backoffMs} — so that the event loop keeps serving;
 * {@link WriteLockTimeoutError} once `lockTimeoutMs` has gone.
 */
export async function whenLockFree<T>(attempt: () => Promise<T | typeof LOCK_HELD>, wait: LockWait): Promise<T> {
  const deadline = performance.now() + wait.lockTimeoutMs
  for (let tries = 0; ; tries++) {
    const outcome = await attempt()
    if (outcome !== LOCK_HELD) return outcome
    const left = deadline - performance.now()
    if (left <= 0) throw new WriteLockTimeoutError(wait.lockTimeoutMs)
    await sleep(Math.min(left, backoffMs(tries, wait.maxBackoffMs)))
  }
}

/**
 * Write transactions for one better-sqlite3 connection that Kysely drives.
 *
 * They start with `BEGIN IMMEDIATE`, taking the write lock before the work reads anything. A
 * deferred `BEGIN` (Kysely's) reads first and asks for the lock at its first write; in WAL mode
 * SQLite refuses that upgrade at once with SQLITE_BUSY_SNAPSHOT when another connection has
 * committed since the read began, whatever busy_timeout says (https://sqlite.org/wal.html#sometimes_queries_return_sqlite_busy_in_wal_mode,
 * https://sqlite.org/lang_transaction.html).
 *
 * Waiting for the lock is asynchronous. better-sqlite3 waits out busy_timeout synchronously,
 * which in a server stalls every request on the event loop; so each attempt runs with
 * busy_timeout 0 and, while another connection (an import) holds the lock, the connection is
 * given back — readers of this store keep being served — and the attempt is repeated after a
 * short growing, jittered pause, until `lockTimeoutMs`, then {@link WriteLockTimeoutError}.
 */
export function createImmediateTransaction<DB, R>(
  raw: BetterSqlite3.Database,
  db: Kysely<DB>,
  repos: (conn: Kysely<DB>) => R,
  opts: LockWait & { busyTimeoutMs: number },
): <T>(work: (tx: R) => Promise<T>) => Promise<T> {
  const noWait = raw.prepare('PRAGMA busy_timeout = 0')
  const usualWait = raw.prepare(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(opts.busyTimeoutMs))}`)
  const begin = raw.prepare('BEGIN IMMEDIATE')
  const commit = raw.prepare('COMMIT')
  const rollback = raw.prepare('ROLLBACK')

  /** Takes the write lock if it is free now; false when another connection holds it. */
  function tryBegin(): boolean {
    noWait.get()
    try {
      begin.run()
      return true
    } catch (e) {
      if (isBusy(e)) return false
      throw e
    } finally {
      usualWait.get()
    }
  }

  // The connection is held (Kysely's mutex) only for a try that got the lock, so this store's
  // other queries run in the pauses between tries.
  return <T>(work: (tx: R) => Promise<T>) => whenLockFree(() => db.connection().execute(async (conn) => {
    if (!tryBegin()) return LOCK_HELD
    try {
      const result = await work(repos(conn))
      commit.run()
      return result
    } catch (e) {
      // SQLite may already have rolled back by itself (e.g. on SQLITE_FULL).
      if (raw.inTransaction) rollback.run()
      throw e
    }
  }), opts)
}

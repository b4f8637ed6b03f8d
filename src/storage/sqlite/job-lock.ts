import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import type BetterSqlite3 from 'better-sqlite3'
import type { Kysely } from 'kysely'
import { createImmediateTransaction, LOCK_HELD, whenLockFree, type LockWait } from './immediate-transaction.js'

/** The table of migration 005-job-locks, known to this file only. */
interface JobLocks {
  job_locks: { name: string; holder_pid: number; host: string; token: string; taken_at: string }
}
type Holder = JobLocks['job_locks']

// The longest pause between two looks at a held job lock. What waits for it (a second instance
// booting, an import's related articles) waits for seconds of work; a tenth of a second more is
// nothing, and fewer looks leave the write lock to real writers.
const JOB_LOCK_MAX_BACKOFF_MS = 100

/** True when process `pid` on this host is gone (EPERM: it runs, as another user). */
function isDead(pid: number): boolean {
  try {
    process.kill(pid, 0) // signal 0: checks that the process exists, sends nothing
    return false
  } catch (e) {
    return (e as { code?: string }).code === 'ESRCH'
  }
}

/**
 * `Store.exclusively` for SQLite: a lock is a row of `job_locks`, taken and let go in short
 * BEGIN IMMEDIATE transactions, so two connections cannot both find it free. A holder on this
 * host whose process is gone (it crashed holding the lock) is replaced; one on another host
 * cannot be checked and is waited for. Waiting is asynchronous and has no deadline.
 */
export function createSqliteJobLock(
  raw: BetterSqlite3.Database,
  db: Kysely<any>,
  opts: LockWait & { busyTimeoutMs: number },
): <T>(name: string, work: () => Promise<T>) => Promise<T> {
  const write = createImmediateTransaction(raw, db, (conn) => conn as Kysely<JobLocks>, opts)
  const locks = db as Kysely<JobLocks>
  const host = hostname()
  const free = (held: Holder | undefined) => !held || (held.host === host && isDead(held.holder_pid))
  const holderOf = (conn: Kysely<JobLocks>, name: string) =>
    conn.selectFrom('job_locks').selectAll().where('name', '=', name).executeTakeFirst()

  async function tryTake(name: string, token: string): Promise<true | typeof LOCK_HELD> {
    // A plain read first: while the lock is held, waiting costs no write lock.
    if (!free(await holderOf(locks, name))) return LOCK_HELD
    return write(async (tx) => {
      const held = await holderOf(tx, name) // again, under the write lock: another may have just taken it
      if (!free(held)) return LOCK_HELD
      const row = { name, holder_pid: process.pid, host, token, taken_at: new Date().toISOString() }
      if (held) await tx.updateTable('job_locks').set(row).where('name', '=', name).execute()
      else await tx.insertInto('job_locks').values(row).execute()
      return true as const
    })
  }

  return async function exclusively<T>(name: string, work: () => Promise<T>): Promise<T> {
    const token = randomUUID()
    await whenLockFree(() => tryTake(name, token), { lockTimeoutMs: Infinity, maxBackoffMs: JOB_LOCK_MAX_BACKOFF_MS })
    try {
      return await work()
    } finally {
      await write((tx) => tx.deleteFrom('job_locks').where('name', '=', name).where('token', '=', token).execute())
    }
  }
}

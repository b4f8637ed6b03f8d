import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import BetterSqlite3 from 'better-sqlite3'
import { openSqliteStore } from './open-sqlite-store.js'

// What every store's `exclusively` guarantees is in tests/contract/store.contract.ts; these are
// the SQLite lock table's own cases: holders that are processes, alive or not.

/** A store on a fresh file, and a raw connection to it that plays another process's part. */
async function storeAndRaw(t: { after(fn: () => void | Promise<void>): void }) {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-joblock-'))
  const file = join(dir, 'khabar.db')
  const store = await openSqliteStore(file)
  const raw = new BetterSqlite3(file)
  t.after(async () => {
    raw.close()
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })
  const holdAs = (pid: number, host = hostname()) => raw.prepare(
    `INSERT INTO job_locks (name, holder_pid, host, token, taken_at) VALUES ('boot', ?, ?, 'theirs', ?)`,
  ).run(pid, host, new Date().toISOString())
  const holders = () => raw.prepare('SELECT holder_pid FROM job_locks').all()
  return { store, raw, holdAs, holders }
}

/** The pid of a process that has already exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid

const WAIT_AT_MOST = { timeout: 10_000 }

describe('openSqliteStore exclusively', () => {
  it('takes over a lock whose holder process on this host is gone', WAIT_AT_MOST, async (t) => {
    const { store, holdAs, holders } = await storeAndRaw(t)
    holdAs(deadPid())
    const started = performance.now()
    assert.equal(await store.exclusively('boot', async () => 'ran'), 'ran')
    assert.ok(performance.now() - started < 1_000, 'it did not wait for the dead holder')
    assert.deepEqual(holders(), [], 'and let the lock go afterwards')
  })

  it('waits while the holder process on this host runs, and takes the lock once it is gone', WAIT_AT_MOST, async (t) => {
    const { store, holdAs } = await storeAndRaw(t)
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30_000)'])
    t.after(() => { holder.kill() })
    holdAs(holder.pid!)
    let ran = false
    const waiting = store.exclusively('boot', async () => { ran = true })
    await sleep(200)
    assert.equal(ran, false, 'a live holder keeps the lock')
    holder.kill()
    await once(holder, 'exit')
    await waiting
    assert.equal(ran, true)
  })

  it('waits for a holder on another host, whose process it cannot check', WAIT_AT_MOST, async (t) => {
    const { store, raw, holdAs } = await storeAndRaw(t)
    holdAs(deadPid(), 'another-host.example')
    let ran = false
    const waiting = store.exclusively('boot', async () => { ran = true })
    await sleep(200)
    assert.equal(ran, false)
    raw.prepare('DELETE FROM job_locks').run() // that host's process lets go
    await waiting
    assert.equal(ran, true)
  })

  it('lets go of its own hold only: a lock taken over meanwhile stays with its new holder', WAIT_AT_MOST, async (t) => {
    const { store, raw, holders } = await storeAndRaw(t)
    await store.exclusively('boot', async () => {
      // As if this process had been judged dead and another had taken the lock over.
      raw.prepare(`UPDATE job_locks SET holder_pid = 1, token = 'successor'`).run()
    })
    assert.deepEqual(holders(), [{ holder_pid: 1 }])
  })
})

import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { openSqliteStore } from '../../storage/index.js'
import { RateLimitedError } from '../errors.js'
import { addUser } from './manage-users.js'
import { SIGN_IN_LIMITS, throttledSignIn } from './sign-in-throttle.js'

async function newsroom(t: { after(fn: () => Promise<void>): void }) {
  const store = await openSqliteStore(':memory:')
  t.after(() => store.close())
  const time = { now: new Date('2026-12-02T09:00:00Z') }
  const clock = { now: () => time.now }
  await addUser({ users: store.users, clock }, { email: 'sara@example.com', name: 'سارة', role: 'editor', password: 'كلمة سر طويلة' })
  const deps = { users: store.users, sessions: store.sessions, failures: store.failures, clock }
  const later = (minutes: number) => { time.now = new Date(time.now.getTime() + minutes * 60_000) }
  return { deps, later }
}

describe('throttledSignIn', () => {
  it('locks an account after five failures in fifteen minutes, even for the right password, until the first failure ages out', async (t) => {
    const { deps, later } = await newsroom(t)
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount; i++) {
      assert.equal(await throttledSignIn(deps, { email: 'sara@example.com', password: `خطأ ${i}`, ip: `10.0.0.${i}` }), null)
      later(1)
    }
    await assert.rejects(throttledSignIn(deps, { email: 'SARA@example.com', password: 'كلمة سر طويلة', ip: '10.0.1.1' }),
      (e: unknown) => e instanceof RateLimitedError && e.retryAfterSeconds === 10 * 60)
    later(10)
    assert.ok(await throttledSignIn(deps, { email: 'sara@example.com', password: 'كلمة سر طويلة', ip: '10.0.1.1' }))
  })

  it('locks a client address after twenty failures whatever the accounts, and a success clears only the account', async (t) => {
    const { deps } = await newsroom(t)
    assert.equal(await throttledSignIn(deps, { email: 'sara@example.com', password: 'خطأ', ip: '10.9.9.9' }), null)
    assert.ok(await throttledSignIn(deps, { email: 'sara@example.com', password: 'كلمة سر طويلة', ip: '10.9.9.9' }))
    assert.equal(await deps.failures.countSince('account:sara@example.com', new Date(0)), 0)
    for (let i = 1; i < SIGN_IN_LIMITS.perAddress; i++) await throttledSignIn(deps, { email: `nobody${i}@example.com`, password: 'x', ip: '10.9.9.9' })
    await assert.rejects(throttledSignIn(deps, { email: 'sara@example.com', password: 'كلمة سر طويلة', ip: '10.9.9.9' }), RateLimitedError)
    assert.ok(await throttledSignIn(deps, { email: 'sara@example.com', password: 'كلمة سر طويلة', ip: '10.9.9.8' }))
  })
})

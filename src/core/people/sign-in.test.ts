import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { openSqliteStore } from '../../storage/index.js'
import { addUser } from './manage-users.js'
import { SESSION_DAYS } from './session.js'
import { secretHash } from './secret.js'
import { sessionUser, signIn, signOut, signOutEverywhere } from './sign-in.js'

const START = new Date('2026-12-01T09:00:00Z')

async function newsroom(t: { after(fn: () => Promise<void>): void }) {
  const store = await openSqliteStore(':memory:')
  t.after(() => store.close())
  const clock = { at: START, now() { return this.at } }
  const deps = { users: store.users, sessions: store.sessions, clock }
  await addUser(deps, { email: 'sara@example.com', name: 'سارة', role: 'editor', password: 'a long passphrase' })
  return { store, deps, clock }
}

describe('signIn', () => {
  it('opens a session for the right password, keeping only the token’s hash', async (t) => {
    const { store, deps } = await newsroom(t)
    const signed = await signIn(deps, { email: ' SARA@example.com', password: 'a long passphrase' })
    assert.ok(signed)
    assert.equal(signed.user.email, 'sara@example.com')
    assert.ok(!('passwordHash' in signed.user))
    assert.equal(signed.expiresAt.getTime(), START.getTime() + SESSION_DAYS * 86_400_000)
    assert.match(signed.token, /^[A-Za-z0-9_-]{43}$/)
    assert.equal(await store.sessions.find(signed.token), null)
    assert.ok(await store.sessions.find(secretHash(signed.token)))
  })

  it('gives a new token at every sign-in', async (t) => {
    const { deps } = await newsroom(t)
    const first = await signIn(deps, { email: 'sara@example.com', password: 'a long passphrase' })
    const second = await signIn(deps, { email: 'sara@example.com', password: 'a long passphrase' })
    assert.notEqual(first!.token, second!.token)
  })

  it('refuses a wrong password, an unknown address, a member without a password and a deactivated one alike', async (t) => {
    const { store, deps } = await newsroom(t)
    await addUser(deps, { email: 'ali@example.com', name: 'علي', role: 'contributor' })
    assert.equal(await signIn(deps, { email: 'sara@example.com', password: 'a wrong passphrase' }), null)
    assert.equal(await signIn(deps, { email: 'nobody@example.com', password: 'a long passphrase' }), null)
    assert.equal(await signIn(deps, { email: 'ali@example.com', password: '' }), null)
    const sara = (await store.users.byEmail('sara@example.com'))!
    await store.users.setActive(sara.id, false)
    assert.equal(await signIn(deps, { email: 'sara@example.com', password: 'a long passphrase' }), null)
    await store.users.setActive(sara.id, true)
    assert.ok(await signIn(deps, { email: 'sara@example.com', password: 'a long passphrase' }))
  })
})

describe('sessionUser', () => {
  it('knows the member while the session lasts, and nobody after it expires or ends, or while they are deactivated', async (t) => {
    const { store, deps, clock } = await newsroom(t)
    const { token, user } = (await signIn(deps, { email: 'sara@example.com', password: 'a long passphrase' }))!
    assert.equal((await sessionUser(deps, token))?.email, 'sara@example.com')
    await store.users.setActive(user.id, false)
    assert.equal(await sessionUser(deps, token), null)
    await store.users.setActive(user.id, true)
    assert.equal(await sessionUser(deps, 'not-a-token'), null)
    clock.at = new Date(START.getTime() + SESSION_DAYS * 86_400_000)
    assert.equal(await sessionUser(deps, token), null)
    clock.at = START
    await signOut(deps, token)
    assert.equal(await sessionUser(deps, token), null)
  })

  it('ends every session of the member with sign-out-everywhere, and no one else’s', async (t) => {
    const { deps } = await newsroom(t)
    await addUser(deps, { email: 'ali@example.com', name: 'علي', role: 'contributor', password: 'another passphrase' })
    const phone = (await signIn(deps, { email: 'sara@example.com', password: 'a long passphrase' }))!.token
    const laptop = (await signIn(deps, { email: 'sara@example.com', password: 'a long passphrase' }))!.token
    const ali = (await signIn(deps, { email: 'ali@example.com', password: 'another passphrase' }))!.token
    assert.equal(await signOutEverywhere(deps, phone), 2)
    assert.equal(await sessionUser(deps, laptop), null)
    assert.equal((await sessionUser(deps, ali))?.email, 'ali@example.com')
    assert.equal(await signOutEverywhere(deps, phone), 0)
  })
})

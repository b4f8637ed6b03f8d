import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { ConflictError, NotFoundError, ValidationError } from '../errors.js'
import { openSqliteStore } from '../../storage/index.js'
import { addUser, listUsers, resetPassword } from './manage-users.js'
import { verifyPassword } from './password.js'

const clock = { now: () => new Date('2026-12-01T09:00:00Z') }

async function newsroom(t: { after(fn: () => Promise<void>): void }) {
  const store = await openSqliteStore(':memory:')
  t.after(() => store.close())
  return { users: store.users, sessions: store.sessions, clock }
}

describe('addUser', () => {
  it('keeps the password only as an argon2id hash that verifies it', async (t) => {
    const deps = await newsroom(t)
    const user = await addUser(deps, { email: 'Sara@Example.com', name: 'سارة حسن', role: 'admin', password: 'كلمة سر طويلة' })
    assert.deepEqual(user, { id: user.id, email: 'sara@example.com', name: 'سارة حسن', role: 'admin', active: true, createdAt: clock.now() })
    const stored = (await deps.users.byId(user.id))!.passwordHash!
    assert.match(stored, /^\$argon2id\$/)
    assert.ok(!stored.includes('كلمة'))
    assert.equal(await verifyPassword(stored, 'كلمة سر طويلة'), true)
    assert.equal(await verifyPassword(stored, 'كلمة سر أخرى'), false)
  })

  it('adds a member without a password, who then has no way in', async (t) => {
    const deps = await newsroom(t)
    const user = await addUser(deps, { email: 'ali@example.com', name: 'علي', role: 'contributor' })
    assert.equal((await deps.users.byId(user.id))!.passwordHash, null)
  })

  it('refuses an address already taken, in any case, and stores nothing more', async (t) => {
    const deps = await newsroom(t)
    await addUser(deps, { email: 'sara@example.com', name: 'سارة', role: 'editor', password: 'a long passphrase' })
    await assert.rejects(addUser(deps, { email: 'SARA@example.com', name: 'أخرى', role: 'admin', password: 'another passphrase' }), ConflictError)
    assert.deepEqual((await listUsers(deps)).map((u) => [u.email, u.role]), [['sara@example.com', 'editor']])
  })

  it('refuses a bad field or a short password before hashing or storing anything', async (t) => {
    const deps = await newsroom(t)
    await assert.rejects(addUser(deps, { email: 'sara@example.com', name: 'سارة', role: 'chief' }), ValidationError)
    await assert.rejects(addUser(deps, { email: 'sara@example.com', name: 'سارة', role: 'editor', password: 'short' }), ValidationError)
    assert.equal(await deps.users.count(), 0)
  })
})

describe('resetPassword', () => {
  it('replaces the hash, so the old password no longer verifies and the new one does', async (t) => {
    const deps = await newsroom(t)
    const user = await addUser(deps, { email: 'sara@example.com', name: 'سارة', role: 'editor', password: 'the first passphrase' })
    await resetPassword(deps, { email: ' SARA@example.com', password: 'the second passphrase' })
    const stored = (await deps.users.byId(user.id))!.passwordHash!
    assert.equal(await verifyPassword(stored, 'the first passphrase'), false)
    assert.equal(await verifyPassword(stored, 'the second passphrase'), true)
  })

  it('signs the member out everywhere', async (t) => {
    const deps = await newsroom(t)
    const user = await addUser(deps, { email: 'sara@example.com', name: 'سارة', role: 'editor', password: 'the first passphrase' })
    const expiresAt = new Date('2026-12-15T09:00:00Z')
    for (const idHash of ['a'.repeat(64), 'b'.repeat(64)]) await deps.sessions.create({ idHash, userId: user.id, createdAt: clock.now(), expiresAt })
    await resetPassword(deps, { email: 'sara@example.com', password: 'the second passphrase' })
    assert.equal(await deps.sessions.find('a'.repeat(64)), null)
    assert.equal(await deps.sessions.deleteAllFor(user.id), 0)
  })

  it('names the address it does not know, and refuses a short password', async (t) => {
    const deps = await newsroom(t)
    await assert.rejects(resetPassword(deps, { email: 'nobody@example.com', password: 'a long passphrase' }), NotFoundError)
    await addUser(deps, { email: 'sara@example.com', name: 'سارة', role: 'editor' })
    await assert.rejects(resetPassword(deps, { email: 'sara@example.com', password: 'short' }), ValidationError)
  })
})

describe('listUsers', () => {
  it('never hands out password hashes', async (t) => {
    const deps = await newsroom(t)
    await addUser(deps, { email: 'sara@example.com', name: 'سارة', role: 'editor', password: 'a long passphrase' })
    assert.ok((await listUsers(deps)).every((u) => !('passwordHash' in u)))
  })
})

import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { NotFoundError, ValidationError } from '../errors.js'
import { openSqliteStore } from '../../storage/index.js'
import { addUser } from './manage-users.js'
import { secretHash } from './secret.js'
import { apiTokenUser, createApiToken } from './manage-tokens.js'

const clock = { now: () => new Date('2026-12-01T09:00:00Z') }

async function newsroom(t: { after(fn: () => Promise<void>): void }) {
  const store = await openSqliteStore(':memory:')
  t.after(() => store.close())
  const deps = { users: store.users, tokens: store.tokens, clock }
  const sara = await addUser(deps, { email: 'sara@example.com', name: 'سارة', role: 'editor' })
  return { store, deps, sara }
}

describe('createApiToken', () => {
  it('makes a prefixed token that acts as its member, keeping only its hash', async (t) => {
    const { store, deps, sara } = await newsroom(t)
    const { token, record } = await createApiToken(deps, { email: 'SARA@example.com', label: '  نظام   النشر ' })
    assert.match(token, /^khabar_[A-Za-z0-9_-]{43}$/)
    assert.equal(record.label, 'نظام النشر')
    assert.equal(await store.tokens.find(token), null)
    assert.equal((await store.tokens.find(secretHash(token)))?.token.id, record.id)
    assert.equal((await apiTokenUser(deps, token))?.id, sara.id)
  })

  it('names an unknown member and a label too long, making no token', async (t) => {
    const { store, deps, sara } = await newsroom(t)
    await assert.rejects(createApiToken(deps, { email: 'nobody@example.com' }), NotFoundError)
    await assert.rejects(createApiToken(deps, { email: 'sara@example.com', label: 'x'.repeat(101) }), ValidationError)
    assert.deepEqual(await store.tokens.listFor(sara.id), [])
  })
})

describe('apiTokenUser', () => {
  it('knows nobody for an unknown or revoked token, or a deactivated member', async (t) => {
    const { store, deps, sara } = await newsroom(t)
    const { token, record } = await createApiToken(deps, { email: 'sara@example.com' })
    assert.equal(await apiTokenUser(deps, 'khabar_not-a-token'), null)
    await store.users.setActive(sara.id, false)
    assert.equal(await apiTokenUser(deps, token), null)
    await store.users.setActive(sara.id, true)
    assert.equal((await apiTokenUser(deps, token))?.email, 'sara@example.com')
    await store.tokens.revoke(record.id, clock.now())
    assert.equal(await apiTokenUser(deps, token), null)
  })
})

import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { NewUser } from '../../src/core/index.js'
import { openBoth, openOne, type OpenTwo } from './open-two.js'

const AT = new Date('2026-12-01T09:30:00.000Z')
// Made-up hashes: the repository stores and returns them, it never reads them.
const member = (email: string, o: Partial<NewUser> = {}): NewUser =>
  ({ email, name: 'سارة حسن', role: 'editor', passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$YQ$Yg', ...o })

/** UserRepo, against two stores on one database. */
export function describeUserRepo(name: string, openTwo: OpenTwo): void {
  describe(`UserRepo contract: ${name}`, () => {
    it('stores a member and finds them by id and by email, with their role, state and password hash', async (t) => {
      const store = await openOne(t, openTwo)
      const created = await store.users.create(member('sara@example.com'), AT)
      assert.ok(created)
      assert.deepEqual(created, {
        id: created.id, email: 'sara@example.com', name: 'سارة حسن', role: 'editor', active: true, createdAt: AT,
        passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$YQ$Yg',
      })
      assert.deepEqual(await store.users.byId(created.id), created)
      assert.deepEqual(await store.users.byEmail('sara@example.com'), created)
      assert.equal(await store.users.byEmail('nobody@example.com'), null)
      assert.equal(await store.users.byId(created.id + 1000), null)
    })

    it('keeps a member without a password as having none', async (t) => {
      const store = await openOne(t, openTwo)
      const created = await store.users.create(member('ali@example.com', { role: 'contributor', passwordHash: null }), AT)
      assert.equal((await store.users.byEmail('ali@example.com'))?.passwordHash, null)
      assert.equal(created?.role, 'contributor')
    })

    it('refuses a second member with an address already taken, keeping the first', async (t) => {
      const store = await openOne(t, openTwo)
      const first = await store.users.create(member('sara@example.com'), AT)
      assert.equal(await store.users.create(member('sara@example.com', { name: 'أخرى', role: 'admin' }), AT), null)
      assert.deepEqual(await store.users.list(), [first])
    })

    it('adds a member once when two stores add the same address at the same time', async (t) => {
      const [a, b] = await openBoth(t, openTwo)
      const results = await Promise.all([a.users.create(member('same@example.com'), AT), b.users.create(member('same@example.com'), AT)])
      assert.equal(results.filter((r) => r !== null).length, 1)
      assert.equal(await a.users.count(), 1)
    })

    it('lists members in the order they joined and counts them', async (t) => {
      const store = await openOne(t, openTwo)
      for (const email of ['c@example.com', 'a@example.com', 'b@example.com']) await store.users.create(member(email), AT)
      assert.deepEqual((await store.users.list()).map((u) => u.email), ['c@example.com', 'a@example.com', 'b@example.com'])
      assert.equal(await store.users.count(), 3)
    })

    it('replaces a password hash, and says so only for a member that exists', async (t) => {
      const store = await openOne(t, openTwo)
      const created = (await store.users.create(member('sara@example.com', { passwordHash: null }), AT))!
      assert.equal(await store.users.setPasswordHash(created.id, '$argon2id$new'), true)
      assert.equal((await store.users.byId(created.id))?.passwordHash, '$argon2id$new')
      assert.equal(await store.users.setPasswordHash(created.id + 1000, '$argon2id$x'), false)
    })

    it('deactivates and reactivates a member, and says so only for a member that exists', async (t) => {
      const store = await openOne(t, openTwo)
      const created = (await store.users.create(member('sara@example.com'), AT))!
      assert.equal(await store.users.setActive(created.id, false), true)
      assert.equal((await store.users.byId(created.id))?.active, false)
      assert.equal(await store.users.setActive(created.id, true), true)
      assert.equal((await store.users.byEmail('sara@example.com'))?.active, true)
      assert.equal(await store.users.setActive(created.id + 1000, false), false)
    })

    it('refuses a role the newsroom does not have, storing nothing', async (t) => {
      const store = await openOne(t, openTwo)
      await assert.rejects(store.users.create(member('x@example.com', { role: 'owner' as never }), AT))
      assert.equal(await store.users.count(), 0)
    })
  })
}

/** SessionRepo, against two stores on one database: a session made by one process is known to the other. */
export function describeSessionRepo(name: string, openTwo: OpenTwo): void {
  describe(`SessionRepo contract: ${name}`, () => {
    const session = (idHash: string, userId: number, expiresAt = new Date('2026-12-15T09:30:00.000Z')) =>
      ({ idHash, userId, createdAt: AT, expiresAt })

    it('finds a session made in another process, with its member but never their password hash', async (t) => {
      const [a, b] = await openBoth(t, openTwo)
      const sara = (await a.users.create(member('sara@example.com'), AT))!
      await a.sessions.create(session('a'.repeat(64), sara.id))
      const found = await b.sessions.find('a'.repeat(64))
      const { passwordHash: _, ...user } = sara
      assert.deepEqual(found, { session: session('a'.repeat(64), sara.id), user })
      assert.ok(!('passwordHash' in found!.user))
      assert.equal(await b.sessions.find('b'.repeat(64)), null)
    })

    it('ends one session, every session of a member, or the expired ones', async (t) => {
      const store = await openOne(t, openTwo)
      const sara = (await store.users.create(member('sara@example.com'), AT))!
      const ali = (await store.users.create(member('ali@example.com'), AT))!
      await store.sessions.create(session('1'.repeat(64), sara.id))
      await store.sessions.create(session('2'.repeat(64), sara.id))
      await store.sessions.create(session('3'.repeat(64), ali.id, new Date('2026-12-01T10:00:00.000Z')))
      await store.sessions.create(session('4'.repeat(64), ali.id))
      await store.sessions.delete('1'.repeat(64))
      assert.equal(await store.sessions.find('1'.repeat(64)), null)
      assert.equal(await store.sessions.deleteAllFor(sara.id), 1)
      assert.equal(await store.sessions.deleteExpired(new Date('2026-12-02T00:00:00.000Z')), 1)
      assert.equal(await store.sessions.find('3'.repeat(64)), null)
      assert.ok(await store.sessions.find('4'.repeat(64)))
    })

    it('refuses a session for a member who does not exist', async (t) => {
      const store = await openOne(t, openTwo)
      await assert.rejects(store.sessions.create(session('5'.repeat(64), 4242)))
    })
  })
}

/** ApiTokenRepo, against two stores on one database. */
export function describeApiTokenRepo(name: string, openTwo: OpenTwo): void {
  describe(`ApiTokenRepo contract: ${name}`, () => {
    it('finds a token made in another process by its hash, with its member but never their password hash', async (t) => {
      const [a, b] = await openBoth(t, openTwo)
      const sara = (await a.users.create(member('sara@example.com'), AT))!
      const made = await a.tokens.create({ userId: sara.id, label: 'نظام النشر', tokenHash: 'c'.repeat(64) }, AT)
      assert.deepEqual(made, { id: made.id, userId: sara.id, label: 'نظام النشر', createdAt: AT, revokedAt: null })
      const found = await b.tokens.find('c'.repeat(64))
      const { passwordHash: _, ...user } = sara
      assert.deepEqual(found, { token: made, user })
      assert.equal(await b.tokens.find('d'.repeat(64)), null)
    })

    it('lists a member’s tokens oldest first, and revokes one once', async (t) => {
      const store = await openOne(t, openTwo)
      const sara = (await store.users.create(member('sara@example.com'), AT))!
      const first = await store.tokens.create({ userId: sara.id, label: 'أ', tokenHash: '1'.repeat(64) }, AT)
      const second = await store.tokens.create({ userId: sara.id, label: 'ب', tokenHash: '2'.repeat(64) }, AT)
      const later = new Date('2026-12-02T10:00:00.000Z')
      assert.equal(await store.tokens.revoke(first.id, later), true)
      assert.equal(await store.tokens.revoke(first.id, new Date('2026-12-03T10:00:00.000Z')), false)
      assert.equal(await store.tokens.revoke(second.id + 1000, later), false)
      assert.deepEqual(await store.tokens.listFor(sara.id), [{ ...first, revokedAt: later }, second])
    })

    it('refuses a second token with the same hash', async (t) => {
      const store = await openOne(t, openTwo)
      const sara = (await store.users.create(member('sara@example.com'), AT))!
      await store.tokens.create({ userId: sara.id, label: '', tokenHash: 'e'.repeat(64) }, AT)
      await assert.rejects(store.tokens.create({ userId: sara.id, label: '', tokenHash: 'e'.repeat(64) }, AT))
    })
  })
}

export function describeSignInFailureRepo(name: string, openTwo: OpenTwo): void {
  describe(`SignInFailureRepo contract: ${name}`, () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 11, 2, 9, minute))

    it('counts failures per key within a window, seen alike by another store, and forgets them on clear', async (t) => {
      const [a, b] = await openBoth(t, openTwo)
      await a.failures.record(['account:sara@example.com', 'ip:10.0.0.1'], at(1))
      await b.failures.record(['account:sara@example.com', 'ip:10.0.0.2'], at(5))
      assert.equal(await b.failures.countSince('account:sara@example.com', at(0)), 2)
      assert.equal(await a.failures.countSince('account:sara@example.com', at(2)), 1)
      assert.equal(await a.failures.countSince('ip:10.0.0.1', at(0)), 1)
      assert.deepEqual(await a.failures.oldestSince('account:sara@example.com', at(0)), at(1))
      assert.equal(await a.failures.oldestSince('ip:10.0.0.9', at(0)), null)
      await b.failures.clear('account:sara@example.com')
      assert.equal(await a.failures.countSince('account:sara@example.com', at(0)), 0)
      assert.equal(await a.failures.countSince('ip:10.0.0.2', at(0)), 1)
      assert.equal(await a.failures.deleteBefore(at(10)), 2)
    })

    it('does not move the content version', async (t) => {
      const store = await openOne(t, openTwo)
      const before = store.contentVersion()
      await store.failures.record(['account:x@example.com'], at(1))
      assert.equal(store.contentVersion(), before)
    })
  })
}

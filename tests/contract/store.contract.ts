import { describe, it } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import assert from 'node:assert/strict'
import { ingestArticle, type IncomingArticle, type Store } from '../../src/core/index.js'
import { wireStories } from '../support/newsroom.js'
import { openBoth, openOne, type OpenTwo } from './open-two.js'

const incoming = wireStories('store')

const ingest = (store: Store, o: Partial<IncomingArticle> = {}) => store.transaction((tx) => ingestArticle(tx, incoming(o)))
const desk = (slug: string) => ({ slug, name: slug, description: null, parentId: null, position: 1 })
/** A promise with its resolve, for work that ends when the test says so. */
function gate() {
  let open!: () => void
  const opened = new Promise<void>((resolve) => { open = resolve })
  return { open, opened }
}

/** Resolves once `check` holds, polling; fails the test after `ms`. */
async function until(check: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting')
    await sleep(5)
  }
}

// A lock that is never let go would leave a test waiting forever: it fails instead.
const WAIT_AT_MOST = { timeout: 10_000 }

const comment = (articleId: number) => ({ articleId, parentId: null, authorName: 'قارئ', authorEmail: 'r@example.com', body: 'تعليق', ip: null })

/** The Store port's own guarantees (transactions, content version), against two stores on one database. */
export function describeStore(name: string, openTwo: OpenTwo): void {
  describe(`Store contentVersion contract: ${name}`, () => {
    it('changes after a write through the store', async (t) => {
      const store = await openOne(t, openTwo)
      const before = store.contentVersion()
      const { id } = await ingest(store)
      const after = store.contentVersion()
      assert.notEqual(after, before)
      await store.comments.add(comment(id), 'pending', new Date())
      assert.notEqual(store.contentVersion(), after)
    })

    it('does not change on reads', async (t) => {
      const store = await openOne(t, openTwo)
      const { id } = await ingest(store, { tags: ['العراق'] })
      const before = store.contentVersion()
      await store.articles.get(id)
      await store.articles.list({ visibleAt: new Date(), offset: 0, limit: 10 })
      await store.search.search({ terms: [{ text: 'خبر', key: 'خبر', stems: ['خبر'], prefix: false }], phrases: [], excluded: [] }, { visibleAt: new Date() }, { offset: 0, limit: 10 })
      await store.categories.all()
      await store.tags.bySlug('العراق')
      await store.comments.approvedFor(id)
      await store.articles.count()
      assert.equal(store.contentVersion(), before)
      assert.equal(store.contentVersion(), store.contentVersion())
    })

    // Sign-ins, sessions and tokens are written on every visit to the newsroom: if they moved the
    // version, anyone could empty every process's page cache by failing to sign in.
    it('does not change when only members, sessions or tokens are written, here or in another store', async (t) => {
      const [site, newsroom] = await openBoth(t, openTwo)
      await ingest(site)
      const before = site.contentVersion()
      const writes = async (store: Store) => {
        const user = (await store.users.create({ email: `e${Math.random()}@example.com`, name: 'محررة', role: 'editor', passwordHash: null }, new Date()))!
        await store.transaction(async (tx) => {
          await tx.sessions.create({ idHash: `h${Math.random()}`, userId: user.id, createdAt: new Date(), expiresAt: new Date(Date.now() + 60_000) })
          await tx.tokens.create({ userId: user.id, label: 'سكربت', tokenHash: `t${Math.random()}` }, new Date())
        })
        await store.users.setActive(user.id, false)
        await store.sessions.deleteAllFor(user.id)
      }
      await writes(site)
      assert.equal(site.contentVersion(), before)
      await writes(newsroom)
      await sleep(100) // a notification, had one been sent, would have arrived
      assert.equal(site.contentVersion(), before)
      assert.equal(newsroom.contentVersion(), newsroom.contentVersion())
    })

    it('changes by the time a write transaction of another store on the same database returns', async (t) => {
      const [site, importer] = await openBoth(t, openTwo)
      const before = site.contentVersion()
      await ingest(importer)
      assert.notEqual(site.contentVersion(), before)
      assert.equal(await site.articles.count(), 1)
    })
  })

  describe(`Store transaction contract: ${name}`, () => {
    it('leaves nothing behind when the work throws', async (t) => {
      const store = await openOne(t, openTwo)
      await assert.rejects(store.transaction(async (tx) => {
        await tx.categories.create(desk('مؤقت'))
        await tx.tags.ensure(['وسم'])
        await ingestArticle(tx, incoming({ categoryName: 'مؤقت' }))
        throw new Error('abort')
      }), /abort/)
      assert.deepEqual(await store.categories.all(), [])
      assert.equal(await store.tags.bySlug('وسم'), null)
      assert.equal(await store.articles.count(), 0)
    })

    it('keeps everything when the work succeeds, and returns its result', async (t) => {
      const store = await openOne(t, openTwo)
      const result = await store.transaction(async (tx) => {
        await tx.categories.create(desk('باق'))
        return 'done'
      })
      assert.equal(result, 'done')
      assert.equal((await store.categories.all()).length, 1)
    })

    it('rolls back when the work throws, and the next transaction starts clean', async (t) => {
      const store = await openOne(t, openTwo)
      await assert.rejects(store.transaction(async (tx) => {
        await tx.categories.create(desk('يلغى'))
        throw new Error('abort')
      }), /abort/)
      await store.transaction((tx) => tx.categories.create(desk('يبقى')))
      assert.deepEqual((await store.categories.all()).map((c) => c.slug), ['يبقى'])
    })

    it('enforces foreign keys', async (t) => {
      const store = await openOne(t, openTwo)
      await assert.rejects(store.comments.add(comment(999), 'pending', new Date()), /foreign key/i)
    })
  })

  describe(`Store exclusively contract: ${name}`, () => {
    it('starts a second caller\'s work, from another store on the database, only after the first\'s work has finished', WAIT_AT_MOST, async (t) => {
      const [a, b] = await openBoth(t, openTwo)
      const events: string[] = []
      const first = gate()
      const running = a.exclusively('job', async () => {
        events.push('a starts')
        await first.opened
        events.push('a ends')
        return 'a'
      })
      await until(() => events.includes('a starts'))
      const waiting = b.exclusively('job', async () => {
        events.push('b starts')
        return 'b'
      })
      await sleep(150)
      assert.deepEqual(events, ['a starts'], 'b waits while a holds the lock')
      first.open()
      assert.deepEqual(await Promise.all([running, waiting]), ['a', 'b'])
      assert.deepEqual(events, ['a starts', 'a ends', 'b starts'])
    })

    it('lets work under another name run meanwhile', WAIT_AT_MOST, async (t) => {
      const [a, b] = await openBoth(t, openTwo)
      const first = gate()
      let held = false
      const running = a.exclusively('boot', async () => {
        held = true
        await first.opened
      })
      await until(() => held)
      assert.equal(await b.exclusively('related-articles', async () => 'done'), 'done')
      first.open()
      await running
    })

    it('lets the lock go when the work throws, with the work\'s error', WAIT_AT_MOST, async (t) => {
      const [a, b] = await openBoth(t, openTwo)
      await assert.rejects(a.exclusively('job', async () => { throw new Error('work failed') }), /work failed/)
      const started = performance.now()
      assert.equal(await b.exclusively('job', async () => 'next'), 'next')
      assert.ok(performance.now() - started < 1_000, 'the next caller did not wait for a lock left behind')
    })
  })
}

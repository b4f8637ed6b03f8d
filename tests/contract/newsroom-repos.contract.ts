import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createArticle, ingestArticle, moveArticle, paragraphsToHtml, type Repos, type Store, type User } from '../../src/core/index.js'
import { openBoth, openOne, type OpenTwo } from './open-two.js'

const clock = { now: () => new Date('2026-12-02T09:00:00Z') }

async function withMember(store: Store, role: User['role'] = 'editor', email = `${role}@example.com`): Promise<User> {
  const { passwordHash: _, ...user } = (await store.users.create({ email, name: `عضو ${role}`, role, passwordHash: null }, clock.now()))!
  return user
}

async function desk(store: Store) {
  await store.transaction((tx) => ingestArticle(tx, {
    externalId: 'wire:1', title: 'خبر من الوكالة', bodyHtml: paragraphsToHtml(['نص.']), categoryName: 'العرب والعالم', categorySlug: 'world',
    tags: ['العراق', 'بغداد'], authors: ['سارة الخطيب'], dateline: 'بغداد', source: 'وكالات', publishedAt: new Date('2026-12-01T09:00:00Z'),
  }))
}

const story = { title: 'قمة بغداد', body: '<p>نص القمة.</p>', category: 'world', tags: ['العراق'], dateline: 'بغداد', source: 'متابعة' }

/** The newsroom's reads and writes over articles, tags, authors and edit locks, against two stores on one database. */
export function describeNewsroomRepos(name: string, openTwo: OpenTwo): void {
  describe(`newsroom repositories contract: ${name}`, () => {
    it('lists stories in any state for the desk, by owner and status, most recently changed first, and counts them', async (t) => {
      const store = await openOne(t, openTwo)
      await desk(store)
      const editor = await withMember(store, 'editor')
      const reporter = await withMember(store, 'contributor')
      const inTx = <T>(work: (d: { repos: Repos; clock: typeof clock }) => Promise<T>) => store.transaction((tx) => work({ repos: tx, clock }))
      const a = await inTx((d) => createArticle(d, reporter, story))
      const b = await inTx((d) => createArticle(d, editor, { ...story, title: 'قمة ثانية' }))
      await inTx((d) => moveArticle(d, reporter, a.id, 'submit'))
      const mine = await store.articles.desk({ ownerId: reporter.id, offset: 0, limit: 10 })
      assert.deepEqual(mine.map((r) => [r.id, r.status, r.ownerName]), [[a.id, 'review', 'عضو contributor']])
      const drafts = await store.articles.desk({ statuses: ['draft'], offset: 0, limit: 10 })
      assert.deepEqual(drafts.map((r) => r.id), [b.id])
      assert.equal((await store.articles.desk({ statuses: ['draft', 'review', 'published'], offset: 0, limit: 10 })).length, 3)
      assert.deepEqual(await store.articles.countByStatus(), { draft: 1, review: 1, scheduled: 0, published: 1, unpublished: 0 })
      assert.deepEqual(await store.articles.countByStatus(editor.id), { draft: 1, review: 0, scheduled: 0, published: 0, unpublished: 0 })
    })

    it('finds due scheduled stories, and removes a story with its links', async (t) => {
      const [store, other] = await openBoth(t, openTwo)
      await desk(store)
      const editor = await withMember(store)
      const s = await store.transaction((tx) => createArticle({ repos: tx, clock }, editor, story))
      await store.transaction((tx) => moveArticle({ repos: tx, clock }, editor, s.id, 'schedule', { at: new Date('2026-12-02T10:00:00Z') }))
      assert.deepEqual(await other.articles.dueScheduled(new Date('2026-12-02T09:59:59Z')), [])
      assert.deepEqual(await other.articles.dueScheduled(new Date('2026-12-02T10:00:00Z')), [s.id])
      assert.equal(await other.articles.remove(s.id), true)
      assert.equal(await store.articles.get(s.id), null)
      assert.equal(await store.articles.remove(s.id), false)
    })

    it('suggests the most used datelines, sources and tags, and lists every author by name', async (t) => {
      const store = await openOne(t, openTwo)
      await desk(store)
      await store.transaction((tx) => ingestArticle(tx, {
        externalId: 'wire:2', title: 'خبر ثان', bodyHtml: paragraphsToHtml(['نص.']), categoryName: 'العرب والعالم', tags: ['العراق'],
        authors: ['أحمد علي'], dateline: 'القاهرة', source: 'وكالات', publishedAt: new Date('2026-12-01T10:00:00Z'),
      }))
      assert.deepEqual(await store.articles.frequentValues('source', 5), ['وكالات'])
      assert.deepEqual((await store.articles.frequentValues('dateline', 5)).sort(), ['القاهرة', 'بغداد'].sort())
      assert.deepEqual((await store.tags.popular(5)).map((x) => [x.name, x.uses]), [['العراق', 2], ['بغداد', 1]])
      assert.deepEqual((await store.tags.popular(1)).length, 1)
      const authors = await store.authors.all()
      assert.deepEqual(authors.map((w) => w.name), ['أحمد علي', 'سارة الخطيب'])
      assert.deepEqual((await store.authors.byIds([authors[1]!.id, 999])).map((w) => w.name), ['سارة الخطيب'])
      const tags = await store.tags.popular(5)
      assert.deepEqual((await store.tags.byIds([...tags.map((x) => x.id), 999])).map((x) => x.name).sort(), ['العراق', 'بغداد'].sort())
      assert.deepEqual(await store.tags.byIds([]), [])
    })

    it('keeps one edit lock per story, taken over by the last to take it, seen by another store, without moving the content version', async (t) => {
      const [a, b] = await openBoth(t, openTwo)
      await desk(a)
      const one = await withMember(a, 'editor', 'one@example.com')
      const two = await withMember(a, 'editor', 'two@example.com')
      const before = a.contentVersion()
      await a.locks.take(1, one.id, new Date('2026-12-02T09:00:00Z'))
      assert.deepEqual(await b.locks.holder(1), { articleId: 1, userId: one.id, userName: one.name, takenAt: new Date('2026-12-02T09:00:00Z') })
      await b.locks.take(1, two.id, new Date('2026-12-02T09:01:00Z'))
      assert.equal((await a.locks.holder(1))?.userId, two.id)
      await a.locks.release(1, one.id)
      assert.equal((await a.locks.holder(1))?.userId, two.id, 'only the holder lets go')
      await a.locks.release(1, two.id)
      assert.equal(await b.locks.holder(1), null)
      assert.equal(a.contentVersion(), before)
    })

    it('queues comments for moderation with their story, counts them, moves them between states and edits them, seen by another store', async (t) => {
      const [a, b] = await openBoth(t, openTwo)
      await desk(a)
      const reader = { articleId: 1, parentId: null, authorName: 'قارئ', authorEmail: 'r@example.com', ip: '10.0.0.1' }
      const first = await a.comments.add({ ...reader, body: 'أول' }, 'pending', new Date('2026-12-02T09:00:00Z'))
      const second = await a.comments.add({ ...reader, body: 'ثان' }, 'pending', new Date('2026-12-02T09:01:00Z'))
      const reply = await a.comments.add({ ...reader, parentId: first, authorName: 'خبر', body: 'رد' }, 'approved', new Date('2026-12-02T09:02:00Z'), { fromDesk: true })
      const queued = await b.comments.queue({ status: 'pending', offset: 0, limit: 10 })
      assert.deepEqual(queued.map((c) => [c.id, c.articleTitle, c.authorEmail, c.ip]), [[second, 'خبر من الوكالة', 'r@example.com', '10.0.0.1'], [first, 'خبر من الوكالة', 'r@example.com', '10.0.0.1']])
      assert.equal((await b.comments.get(reply))!.fromDesk, true)
      assert.equal((await b.comments.get(first))!.fromDesk, false)
      const before = b.contentVersion()
      // In a transaction, as the newsroom moderates: it returns once every process has heard of it.
      assert.equal(await a.transaction((tx) => tx.comments.setStatus([first, second, 999], 'approved')), 2)
      assert.notEqual(b.contentVersion(), before, 'an approval shows everywhere')
      assert.deepEqual(await b.comments.countByStatus(1), { pending: 0, approved: 3, spam: 0, trash: 0 })
      assert.deepEqual(await b.comments.countByStatus(2), { pending: 0, approved: 0, spam: 0, trash: 0 })
      assert.equal(await a.comments.setStatus([], 'trash'), 0)
      assert.equal(await a.comments.setBody(second, 'ثان معدل'), true)
      assert.equal(await a.comments.setBody(999, 'لا أحد'), false)
      assert.equal((await b.comments.get(second))!.body, 'ثان معدل')
      assert.deepEqual((await b.comments.queue({ articleId: 1, offset: 0, limit: 2 })).map((c) => c.id), [reply, second])
      const recent = await b.comments.recentFrom({ ip: '10.0.0.1', email: 'nobody@example.com' }, new Date('2026-12-02T09:00:30Z'), 5)
      assert.deepEqual(recent.map((r) => r.body), ['رد', 'ثان معدل'], 'by address, since the given time, newest first')
      assert.deepEqual((await b.comments.recentFrom({ ip: null, email: 'r@example.com' }, new Date(0), 1)).map((r) => r.body), ['رد'])
    })
  })
}

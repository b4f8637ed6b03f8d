import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { addArticle, NOW, openNewsroom } from '../../../tests/support/newsroom.js'
import { openSqliteStore } from '../../storage/index.js'
import { NotFoundError, ValidationError } from '../errors.js'
import type { NewComment } from './comment.js'
import { submitComment } from './submit-comment.js'

async function newsroom(t: { after(fn: () => Promise<void>): void }) {
  const r = await openNewsroom(t)
  return {
    ...r,
    deps: { store: r.store, clock: r.deps.clock },
    article: (publishedAt = new Date(NOW.getTime() - 3_600_000)) => r.add({ publishedAt }),
    comment(articleId: number, overrides: Partial<NewComment> = {}): NewComment {
      return { articleId, parentId: null, authorName: 'سارة', authorEmail: 'sara@example.com', body: 'تعليق مفيد.', ip: '192.0.2.1', ...overrides }
    },
  }
}

const parentProblem = (e: unknown) => {
  assert.ok(e instanceof ValidationError)
  assert.deepEqual(Object.keys(e.problems), ['parent'])
  return true
}

describe('submitComment', () => {
  it('stores the comment as pending, at the clock time, and keeps it off the article', async (t) => {
    const r = await newsroom(t)
    const articleId = await r.article()
    const { id } = await submitComment(r.deps, r.comment(articleId, { authorName: '  سارة  ', body: ' رأيي. ' }))
    const stored = (await r.store.comments.get(id))!
    assert.equal(stored.status, 'pending')
    assert.equal(stored.authorName, 'سارة')
    assert.equal(stored.body, 'رأيي.')
    assert.equal(stored.createdAt.toISOString(), NOW.toISOString())
    assert.deepEqual(await r.store.comments.approvedFor(articleId), [])
  })

  it('puts a comment that scores as spam with the spam at once, weighing the sender\'s earlier comments', async (t) => {
    const r = await newsroom(t)
    const articleId = await r.article()
    const links = await submitComment(r.deps, r.comment(articleId, { body: 'عروض http://a.xyz http://b.xyz http://c.xyz' }))
    assert.equal((await r.store.comments.get(links.id))!.status, 'spam')
    const first = await submitComment(r.deps, r.comment(articleId, { body: 'زوروا موقعنا https://shop.example.com', ip: '10.1.1.1' }))
    assert.equal((await r.store.comments.get(first.id))!.status, 'pending', 'one link alone is for the desk to judge')
    const again = await submitComment(r.deps, r.comment(articleId, { body: 'زوروا موقعنا https://shop.example.com', ip: '10.1.1.1', authorEmail: 'other@example.com' }))
    assert.equal((await r.store.comments.get(again.id))!.status, 'spam', 'the same text again from that address')
  })

  it('waits while another connection (an import) holds the write lock, then stores the comment', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'khabar-comment-'))
    t.after(() => rmSync(dir, { recursive: true, force: true }))
    const store = await openSqliteStore(join(dir, 'khabar.db'))
    t.after(() => store.close())
    const articleId = await addArticle(store, 1)
    const importer = new BetterSqlite3(join(dir, 'khabar.db'))
    t.after(() => importer.close())
    importer.exec('BEGIN IMMEDIATE')
    setTimeout(() => importer.exec('COMMIT'), 200)
    const { id } = await submitComment({ store, clock: { now: () => NOW } }, {
      articleId, parentId: null, authorName: 'سارة', authorEmail: 'sara@example.com', body: 'تعليق أثناء الاستيراد.', ip: null,
    })
    assert.equal((await store.comments.get(id))?.body, 'تعليق أثناء الاستيراد.')
  })

  it('rejects invalid fields without storing anything', async (t) => {
    const r = await newsroom(t)
    const articleId = await r.article()
    await assert.rejects(submitComment(r.deps, r.comment(articleId, { authorEmail: 'nope' })), ValidationError)
    assert.equal(await r.store.comments.get(1), null)
  })

  it('is NotFound for an unknown or not yet visible article', async (t) => {
    const r = await newsroom(t)
    const future = await r.article(new Date(NOW.getTime() + 60_000))
    await assert.rejects(submitComment(r.deps, r.comment(future)), NotFoundError)
    await assert.rejects(submitComment(r.deps, r.comment(9999)), NotFoundError)
  })

  it('accepts a reply to an approved comment on the same article', async (t) => {
    const r = await newsroom(t)
    const articleId = await r.article()
    const parent = await r.store.comments.add(r.comment(articleId), 'approved', NOW)
    const { id } = await submitComment(r.deps, r.comment(articleId, { parentId: parent }))
    assert.equal((await r.store.comments.get(id))!.parentId, parent)
  })

  it('rejects a reply to a comment that is not approved', async (t) => {
    const r = await newsroom(t)
    const articleId = await r.article()
    const pending = await r.store.comments.add(r.comment(articleId), 'pending', NOW)
    const spam = await r.store.comments.add(r.comment(articleId), 'spam', NOW)
    await assert.rejects(submitComment(r.deps, r.comment(articleId, { parentId: pending })), parentProblem)
    await assert.rejects(submitComment(r.deps, r.comment(articleId, { parentId: spam })), parentProblem)
  })

  it('rejects a reply to a comment on another article, or to no comment', async (t) => {
    const r = await newsroom(t)
    const articleId = await r.article()
    const other = await r.article()
    const elsewhere = await r.store.comments.add(r.comment(other), 'approved', NOW)
    await assert.rejects(submitComment(r.deps, r.comment(articleId, { parentId: elsewhere })), parentProblem)
    await assert.rejects(submitComment(r.deps, r.comment(articleId, { parentId: 424242 })), parentProblem)
  })
})

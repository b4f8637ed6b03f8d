import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { openSqliteStore } from '../../storage/index.js'
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.js'
import { addUser } from '../people/manage-users.js'
import { ingestArticle } from '../articles/ingest-article.js'
import { paragraphsToHtml } from '../safe-html.js'
import { editComment, moderateComments, replyAsDesk } from './moderate-comment.js'

const clock = { now: () => new Date('2026-12-02T09:00:00Z') }

async function desk(t: { after(fn: () => Promise<void>): void }) {
  const store = await openSqliteStore(':memory:')
  t.after(() => store.close())
  const editor = await addUser({ users: store.users, clock }, { email: 'e@example.com', name: 'محررة', role: 'editor' })
  const author = await addUser({ users: store.users, clock }, { email: 'a@example.com', name: 'كاتب', role: 'author' })
  const { id: articleId } = await store.transaction((tx) => ingestArticle(tx, {
    externalId: null, title: 'خبر', bodyHtml: paragraphsToHtml(['نص.']), categoryName: 'سياسة', publishedAt: new Date('2026-12-01T09:00:00Z'),
  }))
  const post = (body: string) => store.comments.add({ articleId, parentId: null, authorName: 'قارئ', authorEmail: 'r@example.com', body, ip: '10.0.0.1' }, 'pending', clock.now())
  return { store, editor, author, articleId, post }
}

describe('moderateComments', () => {
  it('approves, trashes, marks as spam and restores comments in bulk; approved ones are what the story shows', async (t) => {
    const { store, editor, articleId, post } = await desk(t)
    const [a, b, c] = [await post('تعليق أول'), await post('تعليق ثان'), await post('اشتر الآن')]
    assert.equal(await moderateComments(store, editor, [a, b, a], 'approve'), 2)
    assert.equal(await moderateComments(store, editor, [c], 'spam'), 1)
    assert.deepEqual((await store.comments.approvedFor(articleId)).map((x) => x.id), [a, b])
    await moderateComments(store, editor, [b], 'trash')
    assert.deepEqual(await store.comments.countByStatus(articleId), { pending: 0, approved: 1, spam: 1, trash: 1 })
    await moderateComments(store, editor, [b, c], 'restore')
    assert.deepEqual((await store.comments.queue({ status: 'pending', offset: 0, limit: 10 })).map((x) => x.id), [c, b])
  })

  it('is for editors only, needs at least one known comment, and takes a page at most', async (t) => {
    const { store, editor, author, post } = await desk(t)
    const a = await post('تعليق')
    await assert.rejects(moderateComments(store, author, [a], 'approve'), ForbiddenError)
    await assert.rejects(moderateComments(store, editor, [], 'approve'), ValidationError)
    await assert.rejects(moderateComments(store, editor, [9999], 'approve'), NotFoundError)
    await assert.rejects(moderateComments(store, editor, Array.from({ length: 101 }, (_, i) => i + 1), 'approve'), ValidationError)
  })
})

describe('editComment and replyAsDesk', () => {
  it('corrects a comment\'s text within the posting rules, and replies as the publication, approving what it answers', async (t) => {
    const { store, editor, articleId, post } = await desk(t)
    const a = await post('رقمي 0555 اتصلوا')
    await editComment(store, editor, a, '  رقمي [حُذف] اتصلوا  ')
    assert.equal((await store.comments.get(a))!.body, 'رقمي [حُذف] اتصلوا')
    await assert.rejects(editComment(store, editor, a, 'x'), ValidationError)
    const reply = await replyAsDesk({ repos: store, clock }, editor, { parentId: a, body: 'شكراً لملاحظتك.', siteName: 'خبر' })
    const shown = await store.comments.approvedFor(articleId)
    assert.deepEqual(shown.map((x) => [x.id, x.fromDesk, x.authorName]), [[a, false, 'قارئ'], [reply, true, 'خبر']])
    assert.equal(shown[1]!.parentId, a)
  })
})

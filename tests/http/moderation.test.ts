import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { makeTestApp, type TestApp } from '../support/make-test-app.js'
import { addMember, post, type Member } from '../support/newsroom-session.js'
import { assertApiError, commentForm, type ApiItem } from './support.js'

const PROMISE = 'وصل تعليقك وسيظهر بعد مراجعته'

describe('comment moderation', () => {
  let t: TestApp, editor: Member, author: Member, path: string, id: number
  before(async () => {
    t = await makeTestApp()
    id = await t.article({ title: 'خبر يقبل التعليقات' })
    path = ((await t.app.inject(`/api/v1/articles/${id}`)).json() as ApiItem).url
    editor = await addMember(t.app, t.store, 'editor')
    author = await addMember(t.app, t.store, 'author')
  })
  after(() => t.close())

  /** A reader's comment through the article page's own form, as a browser sends it. */
  async function readerComments(body: string) {
    const { action, token } = commentForm((await t.app.inject(path)).body)
    const res = await t.app.inject({
      method: 'POST', url: action, headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
      payload: new URLSearchParams({ name: 'قارئة', email: 'reader@example.com', body, token, website: '' }).toString(),
    })
    assert.equal(res.statusCode, 303)
    assert.match((await t.app.inject(String(res.headers.location))).body, new RegExp(PROMISE))
    return (await t.store.comments.queue({ status: 'pending', offset: 0, limit: 1 }))[0]!.id
  }

  it('keeps the article page\'s promise: a comment waits in the queue, an editor approves it, the reader sees it', async () => {
    const commentId = await readerComments('تعليق ينتظر المراجعة.')
    assert.doesNotMatch((await t.app.inject(path)).body, /تعليق ينتظر المراجعة/)
    const dashboard = await t.app.inject({ url: '/newsroom', headers: { cookie: editor.cookie } })
    assert.match(dashboard.body, /<strong>1<\/strong> تعليقاً بانتظار المراجعة/)
    const story = await t.app.inject({ url: `/newsroom/articles/${id}`, headers: { cookie: editor.cookie } })
    assert.ok(story.body.includes(`href="/newsroom/comments?status=pending&amp;article=${id}"><strong>1</strong> بانتظار المراجعة`))
    const queue = await t.app.inject({ url: '/newsroom/comments', headers: { cookie: editor.cookie } })
    assert.equal(queue.statusCode, 200)
    assert.match(queue.body, /تعليق ينتظر المراجعة/)
    assert.match(queue.body, /reader@example\.com/)
    assert.match(queue.body, /خبر يقبل التعليقات/)
    const approved = await post(t.app, '/newsroom/comments', { action: 'approve', ids: String(commentId), _csrf: editor.csrf }, editor.cookie)
    assert.equal(approved.statusCode, 303)
    const page = await t.app.inject(path)
    assert.match(page.body, /تعليق ينتظر المراجعة/)
  })

  it('acts on several comments at once, and names the problem when none is chosen', async () => {
    const [a, b] = [await readerComments('رسالة مزعجة أولى'), await readerComments('رسالة مزعجة ثانية')]
    const res = await post(t.app, '/newsroom/comments', { action: 'spam', ids: [String(a), String(b)], _csrf: editor.csrf }, editor.cookie)
    assert.equal(res.statusCode, 303)
    assert.deepEqual([(await t.store.comments.get(a))!.status, (await t.store.comments.get(b))!.status], ['spam', 'spam'])
    const spamQueue = await t.app.inject({ url: '/newsroom/comments?status=spam', headers: { cookie: editor.cookie } })
    assert.match(spamQueue.body, /رسالة مزعجة أولى/)
    assert.match(spamQueue.body, />إعادة للمراجعة</)
    const none = await post(t.app, '/newsroom/comments', { action: 'approve', _csrf: editor.csrf }, editor.cookie)
    assert.equal(none.statusCode, 400)
    assert.match(none.body, /اختر تعليقاً واحداً على الأقل/)
    assert.equal((await t.app.inject({ url: '/newsroom/comments?status=lost', headers: { cookie: editor.cookie } })).statusCode, 400)
  })

  it('edits a comment and replies as the publication, shown to readers as the desk\'s', async () => {
    const commentId = await readerComments('رقم هاتفي 0555 للتواصل')
    assert.equal((await post(t.app, `/newsroom/comments/${commentId}/edit`, { body: 'رقم هاتفي [حُذف] للتواصل', _csrf: editor.csrf }, editor.cookie)).statusCode, 303)
    assert.equal((await post(t.app, `/newsroom/comments/${commentId}/reply`, { body: 'شكراً، حذفنا الرقم حفاظاً على خصوصيتك.', _csrf: editor.csrf }, editor.cookie)).statusCode, 303)
    const page = await t.app.inject(path)
    assert.match(page.body, /رقم هاتفي \[حُذف\] للتواصل/)
    assert.doesNotMatch(page.body, /0555/)
    assert.match(page.body, /<bdi>خبر<\/bdi><span class="desk-badge"> · من التحرير<\/span>/)
    const short = await post(t.app, `/newsroom/comments/${commentId}/reply`, { body: 'x', _csrf: editor.csrf }, editor.cookie)
    assert.equal(short.statusCode, 400)
  })

  it('is for editors: an author gets 403 and no menu entry', async () => {
    assert.equal((await t.app.inject({ url: '/newsroom/comments', headers: { cookie: author.cookie } })).statusCode, 403)
    assert.doesNotMatch((await t.app.inject({ url: '/newsroom', headers: { cookie: author.cookie } })).body, /href="\/newsroom\/comments"/)
    assert.match((await t.app.inject({ url: '/newsroom', headers: { cookie: editor.cookie } })).body, /href="\/newsroom\/comments"/)
  })

  it('through the Admin API: lists by status and approves, spams or trashes one', async () => {
    const commentId = await readerComments('تعليق عبر الواجهة البرمجية')
    const call = (m: Member, method: 'GET' | 'POST', url: string) => t.app.inject({ method, url: `/api/v1/admin${url}`, headers: { authorization: `Bearer ${m.token}` } })
    const list = await call(editor, 'GET', '/comments?status=pending')
    assert.equal(list.statusCode, 200)
    const body = list.json() as { items: Array<{ id: number; body: string; articleId: number }>; total: number }
    assert.ok(body.items.some((c) => c.id === commentId && c.articleId === id))
    assertApiError(await call(author, 'GET', '/comments'), 403, 'forbidden')
    assertApiError(await call(editor, 'GET', '/comments?status=lost'), 400, 'validation')
    const approved = await call(editor, 'POST', `/comments/${commentId}/approve`)
    assert.deepEqual(approved.json(), { id: commentId, status: 'approved' })
    assert.deepEqual((await call(editor, 'POST', `/comments/${commentId}/trash`)).json(), { id: commentId, status: 'trash' })
    assertApiError(await call(editor, 'POST', '/comments/99999/approve'), 404, 'not_found')
    assertApiError(await call(editor, 'POST', `/comments/${commentId}/publish`), 400, 'validation')
    assertApiError(await call(author, 'POST', `/comments/${commentId}/approve`), 403, 'forbidden')
  })
})

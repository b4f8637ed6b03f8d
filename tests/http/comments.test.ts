import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { FastifyInstance } from 'fastify'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { ingestArticle, paragraphsToHtml } from '../../src/core/index.js'
import { openSqliteStore } from '../../src/storage/index.js'
import { buildApp } from '../../src/web/index.js'
import { makeTestApp, TEST_SECRET, type TestApp } from '../support/make-test-app.js'
import { assertPage, commentForm, fieldValue, textOf, type ApiItem } from './support.js'

const HOST = 'khabar.test'
const SAME_ORIGIN = { host: HOST, origin: `http://${HOST}`, 'sec-fetch-site': 'same-origin' }
const HELD = 'وصل تعليقك'

let ipCounter = 0
/** A distinct client address per test, so the per-IP rate limit of one test never touches another. */
const nextIp = () => `198.51.100.${++ipCounter}`

/** A bare store with one article; its canonical URL and the form as the page serves it. */
async function articleWithForm(tt: { after(fn: () => Promise<void>): void }): Promise<{ t: TestApp; id: number; path: string; action: string; token: string }> {
  const t = await makeTestApp()
  tt.after(() => t.close())
  const id = await t.article({ title: 'خبر يقبل التعليقات' })
  const path = ((await t.app.inject(`/api/v1/articles/${id}`)).json() as ApiItem).url
  const { action, token } = commentForm((await t.app.inject(path)).body)
  return { t, id, path, action, token }
}

function post(app: FastifyInstance, action: string, fields: Record<string, string>, opts: { headers?: Record<string, string>; ip?: string } = {}) {
  return app.inject({
    method: 'POST',
    url: action,
    remoteAddress: opts.ip ?? nextIp(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...SAME_ORIGIN, ...opts.headers },
    payload: new URLSearchParams(fields).toString(),
  })
}

const valid = (token: string) => ({ name: 'سارة أحمد', email: 'sara@example.com', body: 'تعليق قيّم على الخبر.', token, website: '' })

/** Every stored comment, whatever its status (ids are dense from 1 in a fresh store). */
async function storedComments(t: TestApp) {
  const out = []
  for (let id = 1; ; id++) {
    const c = await t.store.comments.get(id)
    if (!c) return out
    out.push(c)
  }
}

describe('posting a comment', () => {
  it('answers a valid post with 303 to the held notice', async (tt) => {
    const { t, path, action, token } = await articleWithForm(tt)
    const res = await post(t.app, action, valid(token))
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, `${path}?comment=held#respond`)
    assert.equal(res.headers['cache-control'], 'no-store')
  })

  it('shows the moderation notice at the address it redirects to', async (tt) => {
    const { t, action, token } = await articleWithForm(tt)
    const res = await post(t.app, action, valid(token))
    const page = await t.app.inject(String(res.headers.location).split('#')[0]!)
    assert.match(textOf(assertPage(page)), new RegExp(HELD))
  })

  it('stores the comment as pending and does not show it', async (tt) => {
    const { t, id, path, action, token } = await articleWithForm(tt)
    await post(t.app, action, { ...valid(token), body: 'رأي ينتظر المراجعة' })
    const [stored, ...rest] = await storedComments(t)
    assert.equal(rest.length, 0)
    assert.equal(stored?.status, 'pending')
    assert.equal(stored?.articleId, id)
    assert.equal(stored?.authorName, 'سارة أحمد')
    assert.doesNotMatch(textOf((await t.app.inject(path)).body), /رأي ينتظر المراجعة/)
    assert.doesNotMatch(textOf((await t.app.inject(`${path}?comment=held`)).body), /رأي ينتظر المراجعة/)
  })

  it('accepts a post without Origin or Sec-Fetch-Site (old browsers), on the token alone', async (tt) => {
    const { t, action, token } = await articleWithForm(tt)
    const res = await t.app.inject({
      method: 'POST', url: action, remoteAddress: nextIp(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', host: HOST },
      payload: new URLSearchParams(valid(token)).toString(),
    })
    assert.equal(res.statusCode, 303)
  })

  it('answers invalid fields with 400, Arabic messages per field, and the typed text kept', async (tt) => {
    const { t, action, token } = await articleWithForm(tt)
    const res = await post(t.app, action, { name: 'س', email: 'ليس-بريداً', body: 'هذا ما كتبته <b>بالضبط</b>', token })
    const html = assertPage(res, 400)
    assert.equal(res.headers['cache-control'], 'no-store')
    const text = textOf(html)
    assert.match(text, /اكتب اسمك/)
    assert.match(text, /عنوان البريد الإلكتروني غير صحيح/)
    assert.equal(fieldValue(html, 'body'), 'هذا ما كتبته <b>بالضبط</b>')
    assert.equal(fieldValue(html, 'email'), 'ليس-بريداً')
    assert.equal(fieldValue(html, 'name'), 'س')
    assert.doesNotMatch(html, /<b>بالضبط/, 'typed markup is escaped')
    assert.deepEqual(await storedComments(t), [])
  })

  it('asks for a body and a name when they are empty', async (tt) => {
    const { t, action, token } = await articleWithForm(tt)
    const text = textOf(assertPage(await post(t.app, action, { name: '', email: 'a@example.com', body: '', token }), 400))
    assert.match(text, /اكتب تعليقك/)
    assert.match(text, /اكتب اسمك/)
  })

  it('answers a reply to a comment that is not approved with 400 and a form message', async (tt) => {
    const { t, id, action, token } = await articleWithForm(tt)
    const pending = await t.store.comments.add({ articleId: id, parentId: null, authorName: 'قارئ', authorEmail: 'r@example.com', body: 'معلق', ip: null }, 'pending', new Date())
    const res = await post(t.app, action, { ...valid(token), parentId: String(pending) })
    assert.match(textOf(assertPage(res, 400)), /تعذّر الرد على هذا التعليق/)
  })

  it('answers a filled honeypot with 303 but stores nothing', async (tt) => {
    const { t, path, action, token } = await articleWithForm(tt)
    const res = await post(t.app, action, { ...valid(token), website: 'https://spam.example' })
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, `${path}?comment=held#respond`)
    assert.deepEqual(await storedComments(t), [])
  })

  it('answers a bad token with 403, keeping the text', async (tt) => {
    const { t, action, token } = await articleWithForm(tt)
    for (const bad of ['', 'forged.token', `${token.split('.')[0]}.${'A'.repeat(32)}`]) {
      const res = await post(t.app, action, { ...valid(bad), body: 'نص لا يضيع' })
      const html = assertPage(res, 403)
      assert.match(textOf(html), /انتهت صلاحية النموذج/)
      assert.equal(fieldValue(html, 'body'), 'نص لا يضيع')
    }
    assert.deepEqual(await storedComments(t), [])
  })

  it('answers a token issued for another article with 403', async (tt) => {
    const { t, action } = await articleWithForm(tt)
    const other = await t.article({ title: 'خبر آخر' })
    const otherToken = commentForm((await t.app.inject(((await t.app.inject(`/api/v1/articles/${other}`)).json() as ApiItem).url)).body).token
    assertPage(await post(t.app, action, valid(otherToken)), 403)
  })

  it('answers a cross-site post with 403, keeping the text', async (tt) => {
    const { t, action, token } = await articleWithForm(tt)
    const res = await post(t.app, action, { ...valid(token), body: 'نص من موقع آخر' }, { headers: { 'sec-fetch-site': 'cross-site' } })
    assert.equal(fieldValue(assertPage(res, 403), 'body'), 'نص من موقع آخر')
    assert.deepEqual(await storedComments(t), [])
  })

  it('answers a post from a foreign Origin with 403', async (tt) => {
    const { t, action, token } = await articleWithForm(tt)
    for (const origin of ['https://evil.example', 'null']) {
      const res = await post(t.app, action, valid(token), { headers: { origin, 'sec-fetch-site': '' } })
      assert.equal(res.statusCode, 403, origin)
    }
  })

  it('answers the sixth post within a minute from one address with 429', async (tt) => {
    const { t, action, token } = await articleWithForm(tt)
    const ip = nextIp()
    for (let i = 1; i <= 5; i++) {
      assert.equal((await post(t.app, action, { ...valid(token), body: `تعليق رقم ${i}`, }, { ip })).statusCode, 303, `post ${i}`)
    }
    const sixth = await post(t.app, action, valid(token), { ip })
    assert.match(textOf(assertPage(sixth, 429)), /طلبات كثيرة/)
    assert.equal((await storedComments(t)).length, 5)
    assert.equal((await post(t.app, action, valid(token), { ip: nextIp() })).statusCode, 303, 'another address is not limited')
  })

  it('answers 404 for comments on an unknown or non-numeric article', async (tt) => {
    const { t, token } = await articleWithForm(tt)
    assert.equal((await post(t.app, '/x/999999/y/comments', valid(token))).statusCode, 404)
    assert.equal((await post(t.app, '/x/abc/y/comments', valid(token))).statusCode, 404)
  })
})

describe('posting a comment while another process keeps the database busy', () => {
  it('answers 503 with Retry-After and an Arabic page once the wait runs out, stores nothing, and keeps serving readers', async (tt) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'khabar-busy-'))
    const dbFile = join(dataDir, 'khabar.db')
    const store = await openSqliteStore(dbFile, { lockTimeoutMs: 300 })
    const app = await buildApp({ store, siteName: 'خبر', siteUrl: `http://${HOST}`, secret: TEST_SECRET, mediaDir: join(dataDir, 'media'), logLevel: 'silent' })
    const other = new BetterSqlite3(dbFile) // another process's connection, say an import's
    tt.after(async () => {
      if (other.inTransaction) other.exec('ROLLBACK')
      other.close()
      await app.close()
      await store.close()
      rmSync(dataDir, { recursive: true, force: true })
    })
    const { id } = await store.transaction((tx) => ingestArticle(tx, {
      externalId: null, title: 'خبر يقبل التعليقات', bodyHtml: paragraphsToHtml(['نص.']), categoryName: 'العرب والعالم', publishedAt: new Date(Date.now() - 60_000),
    }))
    const path = ((await app.inject(`/api/v1/articles/${id}`)).json() as ApiItem).url
    const { action, token } = commentForm((await app.inject(path)).body)

    other.exec('BEGIN IMMEDIATE') // holds the write lock past the store's deadline
    const posting = post(app, action, valid(token))
    const meanwhile = await app.inject(path) // the event loop is not held while the post waits
    assert.equal(meanwhile.statusCode, 200)
    const res = await posting
    assert.match(textOf(assertPage(res, 503)), /مشغول/)
    assert.ok(Number(res.headers['retry-after']) > 0, 'says when to try again')
    other.exec('ROLLBACK')
    assert.equal(await store.comments.get(1), null, 'nothing stored')
    assert.equal((await post(app, action, valid(token))).statusCode, 303, 'accepted once the lock is free')
  })
})

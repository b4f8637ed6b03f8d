import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { makeTestApp, type TestApp } from '../support/make-test-app.js'
import { assertApiError, assertPage, textOf } from './support.js'

describe('error pages', () => {
  let t: TestApp
  before(async () => {
    t = await makeTestApp()
    await t.article()
  })
  after(() => t.close())

  it('answers an unknown address with an Arabic 404 page, uncached, with security headers', async () => {
    for (const path of ['/no/such/page/here', '/nope', '/category', '/tag/']) {
      const res = await t.app.inject(path)
      const html = assertPage(res, 404)
      assert.match(textOf(html), /الصفحة غير موجودة/, path)
      assert.equal(res.headers['cache-control'], 'no-store')
    }
  })

  it('keeps the site navigation on the 404 page', async () => {
    const html = (await t.app.inject('/nope')).body
    assert.match(html, /href="\/category\/[^"]+"/)
    assert.match(html, /<form\b[^>]*action="\/search"/)
  })

  it('answers other methods on pages with 404, not 500', async () => {
    assert.equal((await t.app.inject({ method: 'DELETE', url: '/' })).statusCode, 404)
    assert.equal((await t.app.inject({ method: 'PUT', url: '/api/v1/articles' })).statusCode, 404)
  })

  it('refuses a comment post that is not a form with a 4xx Arabic page, storing nothing', async () => {
    for (const [type, payload] of [['application/json', '{"name":"سارة","email":"s@example.com","body":"تعليق"}'], ['text/plain', 'x']] as const) {
      const res = await t.app.inject({ method: 'POST', url: '/x/1/y/comments', headers: { 'content-type': type }, payload })
      assert.ok([400, 403, 415].includes(res.statusCode), `${type}: ${res.statusCode}`)
      assert.match(res.body, /lang="ar"/)
    }
    assert.equal(await t.store.comments.get(1), null)
  })

  it('answers an over-large form post with 413, not 500', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/x/1/y/comments',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `body=${'ت'.repeat(40_000)}`,
    })
    assertPage(res, 413)
  })

  it('answers a malformed percent-encoding in a page address with the Arabic 400 page', async () => {
    const res = await t.app.inject('/category/%E0%A4%A')
    assertPage(res, 400)
    assert.match(textOf(res.body), /طلب غير صالح/)
  })

  it('answers a malformed percent-encoding in an API address with 400', async () => {
    assert.equal((await t.app.inject('/api/v1/articles/%E0%A4%A')).statusCode, 400)
  })
})

describe('when the store fails', () => {
  it('answers pages with an Arabic 500 page that reveals nothing internal', async (tt) => {
    const t = await makeTestApp()
    await t.store.close()
    tt.after(() => t.app.close())
    for (const path of ['/', '/category/x', '/search?q=x']) {
      const res = await t.app.inject(path)
      const html = assertPage(res, 500)
      assert.match(textOf(html), /حدث خطأ/)
      assert.doesNotMatch(html, /TypeError|database|sqlite|at \w+ \(|node_modules/i, path)
      assert.equal(res.headers['cache-control'], 'no-store')
    }
  })

  it('answers the API with the JSON 500 shape and a generic message', async (tt) => {
    const t = await makeTestApp()
    await t.store.close()
    tt.after(() => t.app.close())
    const message = assertApiError(await t.app.inject('/api/v1/articles'), 500, 'internal')
    assert.equal(message, 'internal error')
  })
})

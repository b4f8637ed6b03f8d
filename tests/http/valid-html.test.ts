import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { HtmlValidate } from 'html-validate'
import type { LightMyRequestResponse } from 'fastify'
import { addArticleNote } from '../../src/core/index.js'
import { makeTestApp, type TestApp } from '../support/make-test-app.js'
import { commentForm, countClass, element, textOf, url } from './support.js'

// Conformance to the HTML standard (html-validate's "standard" preset: no style opinions).
const validator = new HtmlValidate({ extends: ['html-validate:standard'], rules: { 'no-inline-style': 'off' } })

const HOST = 'khabar.test'
/** The headers a browser sends with a form post from our own page (see tests/http/comments.test.ts). */
const SAME_ORIGIN = { host: HOST, origin: `http://${HOST}`, 'sec-fetch-site': 'same-origin' }
const DESK = 'العرب-والعالم'
const TAG = 'العراق'

let t: TestApp
let articlePath: string
before(async () => {
  t = await makeTestApp({ demo: true })
  const list = (await t.app.inject({ url: url('/api/v1/articles', { q: 'الكاظمي' }) })).json() as { items: Array<{ url: string }> }
  articlePath = list.items[0]!.url
  // The demo desks hold fewer stories than an archive page (12), so give one desk a second page.
  for (let i = 0; i < 12; i++) await t.article({ title: `خبر إضافي للصفحة الثانية رقم ${i + 1}`, categoryName: 'العرب والعالم' })
})
after(() => t.close())

type Init = { method?: 'GET' | 'POST'; payload?: string; headers?: Record<string, string>; remoteAddress?: string }

/** Requests `path`, asserts its status and HTML type, validates the body; returns the response for more checks. */
async function assertValid(path: string, status: number, init: Init = {}): Promise<LightMyRequestResponse> {
  const res = await t.app.inject({ url: path, method: init.method ?? 'GET', payload: init.payload, headers: init.headers, remoteAddress: init.remoteAddress })
  assert.equal(res.statusCode, status, `status of ${path}: ${res.body.slice(0, 300)}`)
  assert.match(String(res.headers['content-type']), /text\/html/)
  const report = await validator.validateString(res.body)
  const problems = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`))
  assert.deepEqual(problems, [], `${path} is not valid HTML`)
  return res
}

describe('every page is valid HTML', () => {
  it('home', async () => { await assertValid('/', 200) })
  it('article', async () => { await assertValid(articlePath, 200) })

  it('article with a correction and an update', async () => {
    const id = await t.article({ title: 'خبر صُحّح ثم حُدّث' })
    for (const [kind, text] of [['correction', 'ورد الاسم خطأً.'], ['update', 'وصل الوفد\nإلى المطار.']] as const) {
      await t.store.transaction((tx) => addArticleNote(tx, { now: () => new Date() }, { articleId: id, kind, text, authorId: null }))
    }
    const { url: path } = (await t.app.inject(`/api/v1/articles/${id}`)).json() as { url: string }
    const res = await assertValid(path, 200)
    assert.equal(countClass(res.body, 'story-note'), 2)
  })

  it('category archive, second page', async () => {
    const res = await assertValid(url(`/category/${DESK}`, { page: 2 }), 200)
    const pagination = element(res.body, { class: 'pagination' })
    assert.ok(pagination, 'the archive has page links')
    const current = /<a\b[^>]*aria-current="page"[^>]*>([\s\S]*?)<\/a>/.exec(pagination)
    assert.ok(current, 'one page link is marked current')
    assert.equal(textOf(current[1]!), 'الصفحة 2')
  })

  it('tag archive', async () => {
    const res = await assertValid(url(`/tag/${TAG}`), 200)
    assert.match(textOf(res.body), /وسم/)
    assert.match(textOf(res.body), new RegExp(TAG))
  })

  it('search with results', async () => {
    const res = await assertValid(url('/search', { q: 'العراق' }), 200)
    assert.ok(countClass(res.body, 'search-result') > 0, 'the page lists results')
  })

  it('search without results', async () => {
    const res = await assertValid(url('/search', { q: 'لاشيءيطابقهذا' }), 200)
    assert.equal(countClass(res.body, 'search-result'), 0)
  })

  it('404 page', async () => { await assertValid('/no/such/page/here', 404) })

  it('comment form sent back with errors', async () => {
    const { action, token } = commentForm((await t.app.inject(articlePath)).body)
    const res = await assertValid(action, 400, {
      method: 'POST',
      remoteAddress: '198.51.100.77',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...SAME_ORIGIN },
      payload: new URLSearchParams({ name: '', email: 'bad', body: '', token, website: '' }).toString(),
    })
    const text = textOf(res.body)
    assert.match(text, /اكتب اسمك/)
    assert.match(text, /عنوان البريد الإلكتروني غير صحيح/)
    assert.match(text, /اكتب تعليقك/)
  })
})

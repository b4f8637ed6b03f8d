import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { HtmlValidate } from 'html-validate'
import { makeTestApp, type TestApp } from '../support/make-test-app.js'
import { url } from './support.js'

// Conformance to the HTML standard (html-validate's "standard" preset: no style opinions).
const validator = new HtmlValidate({ extends: ['html-validate:standard'], rules: { 'no-inline-style': 'off' } })

let t: TestApp
let articlePath: string
before(async () => {
  t = await makeTestApp({ demo: true })
  const list = (await t.app.inject({ url: url('/api/v1/articles', { q: 'الكاظمي' }) })).json() as { items: Array<{ url: string }> }
  articlePath = list.items[0]!.url
})
after(() => t.close())

async function assertValid(path: string, init: { method?: 'GET' | 'POST'; payload?: string; headers?: Record<string, string> } = {}) {
  const res = await t.app.inject({ url: path, method: init.method ?? 'GET', payload: init.payload, headers: init.headers })
  assert.match(String(res.headers['content-type']), /text\/html/)
  const report = await validator.validateString(res.body)
  const problems = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`))
  assert.deepEqual(problems, [], `${path} is not valid HTML`)
}

describe('every page is valid HTML', () => {
  it('home', () => assertValid('/'))
  it('article', () => assertValid(articlePath))
  it('category archive, second page', () => assertValid(url('/category/العرب-والعالم')))
  it('tag archive', () => assertValid(url('/tag/العراق'.replace('/tag/', '/tag/'))))
  it('search with results', () => assertValid(url('/search', { q: 'العراق' })))
  it('search without results', () => assertValid(url('/search', { q: 'لاشيءيطابقهذا' })))
  it('404 page', () => assertValid('/no/such/page/here'))
  it('comment form sent back with errors', () => assertValid(`${articlePath}/comments`, {
    method: 'POST', payload: 'name=&email=bad&body=', headers: { 'content-type': 'application/x-www-form-urlencoded' },
  }))
})

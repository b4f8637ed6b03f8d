import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { makeTestApp, type TestApp } from '../support/make-test-app.js'
import { articleHrefs, element, assertPage, fieldValue, textOf, url, type ApiItem, openDemoSite } from './support.js'

describe('search page', () => {
  let t: TestApp, seed: ApiItem
  before(async () => ({ t, seed } = await openDemoSite()))
  after(() => t.close())

  it('shows the search form and no results count for an empty query', async () => {
    const res = await t.app.inject('/search')
    const html = assertPage(res)
    assert.match(html, /<form\b[^>]*action="\/search"/)
    assert.match(html, /<input\b[^>]*name="q"/)
    assert.doesNotMatch(textOf(html), /نتيجة|لا نتائج/)
    const chrome = articleHrefs((await t.app.inject(url('/search', { q: 'كلمةغيرموجودةأبدا' }))).body)
    assert.deepEqual(articleHrefs(html), chrome, 'no stories beyond the page chrome (ticker)')
  })

  it('treats a blank query like no query', async () => {
    const html = assertPage(await t.app.inject(url('/search', { q: '   ' })))
    assert.doesNotMatch(textOf(html), /نتيجة|لا نتائج/)
  })

  it('finds the seed article by «الكاظمي»', async () => {
    const res = await t.app.inject(url('/search', { q: 'الكاظمي' }))
    const html = assertPage(res)
    assert.ok(articleHrefs(html).includes(seed.url))
    assert.match(textOf(html), /[0-9]+ نتيجة/)
    assert.equal(res.headers['cache-control'], 'no-store')
  })

  it('matches the folded spelling of a word (ى for ي, no hamza, ه for ة)', async () => {
    for (const q of ['الكاظمى', 'الاميركيه', 'الأميركية', 'الأمِيرْكِيَّة']) {
      const html = (await t.app.inject(url('/search', { q }))).body
      assert.ok(articleHrefs(html).includes(seed.url), `«${q}» finds the seed`)
    }
  })

  it('ranks articles with every word before those with only some', async () => {
    // Only the seed has both words; other stories mention العراق alone.
    const hrefs = articleHrefs(element((await t.app.inject(url('/search', { q: 'العراق الكاظمي' }))).body, { class: 'result-list' }) ?? '')
    assert.equal(hrefs[0], seed.url)
    assert.ok(hrefs.length > 1, 'stories with some of the words follow')
    const none = (await t.app.inject(url('/search', { q: 'زلزال بركان' }))).body
    assert.ok(!articleHrefs(none).includes(seed.url))
  })

  it('says there are no results, keeping the query in the form', async () => {
    const html = assertPage(await t.app.inject(url('/search', { q: 'كلمةغيرموجودةأبدا' })))
    assert.match(textOf(html), /لا نتائج/)
    assert.equal(fieldValue(html, 'q'), 'كلمةغيرموجودةأبدا')
  })

  it('answers an over-long query with 400, the page and a message', async () => {
    const res = await t.app.inject(url('/search', { q: 'خ'.repeat(201) }))
    const html = assertPage(res, 400)
    assert.match(textOf(html), /عبارة البحث أطول من 200/)
    assert.match(html, /<input\b[^>]*name="q"/)
  })

  it('accepts a query of exactly 200 characters', async () => {
    assertPage(await t.app.inject(url('/search', { q: 'خ'.repeat(200) })))
  })

  it('escapes the query wherever it is shown', async () => {
    const html = assertPage(await t.app.inject(url('/search', { q: '<script>alert(1)</script>' })))
    assert.doesNotMatch(html, /<script>alert/)
  })

  it('answers 400 for a bad page and 404 past the last page', async () => {
    assertPage(await t.app.inject(url('/search', { q: 'الكاظمي', page: 'abc' })), 400)
    assertPage(await t.app.inject(url('/search', { q: 'الكاظمي', page: 0 })), 400)
    assertPage(await t.app.inject(url('/search', { q: 'الكاظمي', page: 50 })), 404)
  })
})

describe('search pagination', () => {
  it('pages results ten at a time with the query kept in the links', async (tt) => {
    const t = await makeTestApp()
    tt.after(() => t.close())
    for (let i = 0; i < 12; i++) await t.article({ title: `نتيجة بحث مميزة ${i + 1}` })
    const html = (await t.app.inject(url('/search', { q: 'مميزة' }))).body
    assert.equal(articleHrefs(html).length, 10)
    assert.match(textOf(html), /12 نتيجة/)
    assert.match(html, new RegExp(`href="/search\\?q=${encodeURIComponent('مميزة')}&amp;page=2"`))
    const page2 = (await t.app.inject(url('/search', { q: 'مميزة', page: 2 }))).body
    assert.equal(articleHrefs(page2).length, 2)
  })
})

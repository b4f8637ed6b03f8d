import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { makeTestApp, type TestApp } from '../support/make-test-app.js'
import { countIndexSearches } from '../support/count-index-searches.js'
import { articleHrefs, element, assertPage, fieldValue, links, textOf, url, type ApiItem, openDemoSite } from './support.js'

/** 66 made-up two-letter words, 197 characters, none in any demo story (طخ is, as a stem). */
const LONG_MISS = [...'ظضذثغصطخشژ'].flatMap((a, _, all) => all.map((b) => a + b)).filter((w) => w !== 'طخ').slice(0, 66).join(' ')

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

  it('runs at most eight index searches for a 66-word, 200-character miss', async (tt) => {
    assert.equal(LONG_MISS.split(' ').length, 66)
    assert.ok(LONG_MISS.length > 190 && LONG_MISS.length <= 200, `${LONG_MISS.length} characters`)
    const searches = countIndexSearches(tt, t.store)
    const html = assertPage(await t.app.inject(url('/search', { q: LONG_MISS })))
    assert.match(textOf(html), /لا نتائج/)
    // The query itself (every word, then some of them), then at most three suggested queries.
    assert.ok(searches.total <= 8, `${searches.total} index searches`)
  })

  it('shows the suggestions the API gives for the same miss', async () => {
    const q = 'الكاظمي العراق "واشنطن زلزال"'
    const api = (await t.app.inject(url('/api/v1/search', { q }))).json() as { total: number; suggestions?: Array<{ q: string; total: number }> }
    assert.equal(api.total, 0)
    assert.ok(api.suggestions && api.suggestions.length > 0, `the API suggests something: ${JSON.stringify(api)}`)
    const html = assertPage(await t.app.inject(url('/search', { q })))
    const shown = links(element(html, { class: 'suggestions' }) ?? '').filter((l) => l.href.startsWith('/search?'))
    // The same suggestions in the same order; a time budget may stop either list early (a slower
    // database, a loaded machine), so one is the start of the other, and both have the first.
    const expected = api.suggestions.map((s) => ({ href: url('/search', { q: s.q }), text: `${s.q} (${s.total})` }))
    const n = Math.min(shown.length, expected.length)
    assert.ok(n > 0, 'the page shows a suggestion')
    assert.deepEqual(shown.slice(0, n), expected.slice(0, n))
  })
})

describe('search page rate limit', () => {
  it('answers the 121st search within a minute from one address with 429 and an Arabic page', async (tt) => {
    const t = await makeTestApp()
    tt.after(() => t.close())
    const search = (ip: string) => t.app.inject({ url: url('/search', { q: 'العراق' }), remoteAddress: ip })
    for (let i = 1; i <= 120; i++) assert.equal((await search('203.0.113.7')).statusCode, 200, `search ${i}`)
    const over = await search('203.0.113.7')
    assert.match(textOf(assertPage(over, 429)), /طلبات كثيرة/)
    assert.ok(Number(over.headers['retry-after']) > 0, 'says when to come back')
    assert.equal((await search('203.0.113.8')).statusCode, 200, 'another address is not limited')
  })

  it('takes its size from the configuration, and 0 turns it off', async (tt) => {
    const limited = await makeTestApp({ searchRateLimit: 2 })
    const unlimited = await makeTestApp({ searchRateLimit: 0 })
    tt.after(async () => { await limited.close(); await unlimited.close() })
    const codes = async (t: TestApp, n: number) => {
      const out: number[] = []
      for (let i = 0; i < n; i++) out.push((await t.app.inject(url('/search', { q: 'العراق' }))).statusCode)
      return out
    }
    assert.deepEqual(await codes(limited, 3), [200, 200, 429])
    assert.ok((await codes(unlimited, 130)).every((c) => c === 200), 'no 429 without a limit')
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

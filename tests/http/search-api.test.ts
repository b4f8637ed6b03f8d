import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { makeTestApp, type TestApp } from '../support/make-test-app.js'
import { countIndexSearches } from '../support/count-index-searches.js'
import { articleHrefs, assertApiError, assertPage, element, fieldValue, findSeed, links, textOf, url, type ApiItem, openDemoSite } from './support.js'

interface SearchItem { id: number; externalId: string | null; title: string; url: string; snippet: string; score: number }
interface SearchBody { items: SearchItem[]; total: number; page: number; pages: number; suggestions?: Array<{ q: string; total: number }> }

/** 66 made-up two-letter words, 197 characters, none in any demo story (طخ is, as a stem). */
const LONG_MISS = [...'ظضذثغصطخشژ'].flatMap((a, _, all) => all.map((b) => a + b)).filter((w) => w !== 'طخ').slice(0, 66).join(' ')

describe('GET /api/v1/search', () => {
  let t: TestApp
  let seed: ApiItem
  let tricky: number
  before(async () => {
    t = await makeTestApp({ demo: true })
    seed = await findSeed(t.app)
    tricky = await t.article({ title: 'وسم <b>عريض</b> في عنوان زومبيات', paragraphs: ['نص فيه <b>غامق</b> & "مقتبس" عن الزومبيات.'] })
  })
  after(() => t.close())

  const get = (query: Record<string, string | number>) => t.app.inject(url('/api/v1/search', query))

  it('answers items with id, externalId, title, url, snippet and score, and total, page, pages', async () => {
    const res = await get({ q: 'الامريكيه' })
    assert.equal(res.statusCode, 200, res.body)
    assert.match(String(res.headers['content-type']), /^application\/json/)
    const body = res.json() as SearchBody
    assert.deepEqual(Object.keys(body).sort(), ['items', 'page', 'pages', 'total'])
    assert.ok(body.total >= body.items.length && body.items.length > 0)
    assert.deepEqual([body.page, body.pages], [1, Math.ceil(body.total / 10)])
    for (const item of body.items) {
      for (const key of ['id', 'externalId', 'title', 'url', 'snippet', 'score'] as const) assert.ok(key in item, `${key} in item`)
      assert.equal(typeof item.id, 'number')
      assert.equal(typeof item.score, 'number')
      assert.match(item.url, /^\/[^/]+\/[1-9][0-9]*\//)
    }
    assert.ok(body.items.some((i) => i.externalId === seed.externalId), 'the seed is found')
  })

  it('marks matched words in the snippet as the article writes them', async () => {
    const body = (await get({ q: 'الكاظمى' })).json() as SearchBody
    const item = body.items.find((i) => i.id === seed.id)!
    assert.match(item.snippet, /<mark>[\u0621-\u064A]*الكاظمي<\/mark>/)
  })

  it('escapes article text in the snippet; only <mark> is markup', async () => {
    const body = (await get({ q: 'زومبيات' })).json() as SearchBody
    const item = body.items.find((i) => i.id === tricky)
    assert.ok(item, 'the article with markup-like text is found')
    assert.equal(item.title, 'وسم <b>عريض</b> في عنوان زومبيات', 'the JSON title is the plain title')
    assert.match(item.snippet, /&lt;b&gt;غامق&lt;\/b&gt; &amp; &quot;مقتبس&quot;/)
    assert.doesNotMatch(item.snippet.replace(/<\/?mark>/g, ''), /[<>]/)
    assert.match(item.snippet, /<mark>الزومبيات<\/mark>/)
  })

  it('answers 400 with the JSON error shape when q is missing', async () => {
    assertApiError(await t.app.inject('/api/v1/search'), 400, 'validation')
  })

  it('answers 400 for a q longer than 200 characters, and 200 for exactly 200', async () => {
    assertApiError(await get({ q: 'خ'.repeat(201) }), 400, 'validation')
    assert.equal((await get({ q: 'خ'.repeat(200) })).statusCode, 200)
  })

  it('answers 400 for an unknown parameter', async () => {
    assertApiError(await get({ q: 'العراق', sort: 'date' }), 400, 'validation')
  })

  for (const limit of ['0', '51', '-1', 'abc', '1.5']) {
    it(`answers 400 for limit=${limit}`, async () => {
      assertApiError(await get({ q: 'العراق', limit }), 400, 'validation')
    })
  }

  it('accepts limit=50 and limit=1', async () => {
    assert.equal(((await get({ q: 'العراق', limit: 1 })).json() as SearchBody).items.length, 1)
    assert.equal((await get({ q: 'العراق', limit: 50 })).statusCode, 200)
  })

  for (const from of ['2026-13-01', 'yesterday', '2026/01/01', '2026-02-31', '2025-02-29', '2026-04-31']) {
    it(`answers 400 for from=${from}`, async () => {
      assertApiError(await get({ q: 'العراق', from }), 400, 'validation')
    })
  }

  it('answers 404 for an unknown category, as the article list does', async () => {
    assertApiError(await get({ q: 'العراق', category: 'لا-يوجد' }), 404, 'not_found')
  })

  it('answers 404 for a page past the end', async () => {
    const { pages } = (await get({ q: 'العراق' })).json() as SearchBody
    assert.equal((await get({ q: 'العراق', page: pages })).statusCode, 200)
    assertApiError(await get({ q: 'العراق', page: pages + 1 }), 404, 'not_found')
  })

  it('answers an empty list and no suggestions for a query with nothing to match', async () => {
    assert.deepEqual((await get({ q: '؟!،' })).json(), { items: [], total: 0, page: 1, pages: 1, suggestions: [] })
  })

  it('suggests at most three shorter queries when nothing matches, each with the total it finds', async () => {
    const body = (await get({ q: 'الكاظمي العراق "واشنطن زلزال"' })).json() as SearchBody
    assert.equal(body.total, 0)
    assert.ok(Array.isArray(body.suggestions) && body.suggestions.length > 0, JSON.stringify(body))
    assert.ok(body.suggestions.length <= 3)
    for (const s of body.suggestions) {
      assert.deepEqual(Object.keys(s).sort(), ['q', 'total'])
      assert.ok(s.total > 0, s.q)
      assert.equal(((await get({ q: s.q })).json() as SearchBody).total, s.total, `«${s.q}» finds what it says`)
    }
  })

  it('suggests nothing for a 66-word, 200-character miss, within eight index searches', async (tt) => {
    const searches = countIndexSearches(tt, t.store)
    const body = (await get({ q: LONG_MISS })).json() as SearchBody
    assert.deepEqual([body.total, body.suggestions], [0, []])
    assert.ok(searches.total <= 8, `${searches.total} index searches`)
  })
})

describe('GET /api/v1/search rate limit', () => {
  it('answers the 121st search within a minute from one address with 429 and the JSON error shape', async (tt) => {
    const t = await makeTestApp()
    tt.after(() => t.close())
    const search = (ip: string) => t.app.inject({ url: url('/api/v1/search', { q: 'العراق' }), remoteAddress: ip })
    for (let i = 1; i <= 120; i++) assert.equal((await search('203.0.113.7')).statusCode, 200, `search ${i}`)
    const over = await search('203.0.113.7')
    assertApiError(over, 429, 'rate_limited')
    assert.ok(Number(over.headers['retry-after']) > 0, 'says when to come back')
    assert.equal((await search('203.0.113.8')).statusCode, 200, 'another address is not limited')
  })
})

describe('search page with the demo content', () => {
  let t: TestApp, seed: ApiItem
  before(async () => ({ t, seed } = await openDemoSite()))
  after(() => t.close())

  const results = (html: string) => articleHrefs(element(html, { class: 'result-list' }) ?? '')

  it('finds the seed by «الامريكيه» and marks «الأميركية» as written', async () => {
    const html = assertPage(await t.app.inject(url('/search', { q: 'الامريكيه' })))
    assert.ok(results(html).includes(seed.url))
    assert.match(html, /<mark>الأميركية<\/mark>/)
  })

  it('filters by desk and keeps the selected desk in the form', async () => {
    const html = assertPage(await t.app.inject(url('/search', { q: 'الكاظمي', category: seed.category.slug })))
    assert.ok(results(html).includes(seed.url))
    const select = element(html, { id: 'search-category' })!
    assert.match(select, new RegExp(`<option\\b[^>]*value="${seed.category.slug}"[^>]*\\bselected`))
    const options = [...select.matchAll(/<option\b[^>]*value="([^"]+)"/g)].map((m) => m[1]!)
    let excluded = false
    for (const other of options.filter((s) => s !== seed.category.slug)) {
      const page = (await t.app.inject(url('/search', { q: 'الكاظمي', category: other }))).body
      assert.ok(!results(page).includes(seed.url), `the seed is not in ${other}`)
      excluded = true
    }
    assert.ok(excluded, 'there are other desks to try')
  })

  it('filters by dates and keeps them in the form', async () => {
    const html = assertPage(await t.app.inject(url('/search', { q: 'الكاظمي', from: '2000-01-01', to: '2100-12-31' })))
    assert.ok(results(html).includes(seed.url))
    assert.equal(fieldValue(html, 'from'), '2000-01-01')
    assert.equal(fieldValue(html, 'to'), '2100-12-31')
    const before = assertPage(await t.app.inject(url('/search', { q: 'الكاظمي', to: '2000-01-01' })))
    assert.ok(!results(before).includes(seed.url))
    assert.equal(fieldValue(before, 'to'), '2000-01-01')
    const after = (await t.app.inject(url('/search', { q: 'الكاظمي', from: '2100-01-01' }))).body
    assert.ok(!results(after).includes(seed.url))
  })

  it('answers 400 for a malformed date', async () => {
    assertPage(await t.app.inject(url('/search', { q: 'الكاظمي', from: '2026-99-99' })), 400)
  })

  it('answers 400 for a day that does not exist, rather than reading it as a later one', async () => {
    assertPage(await t.app.inject(url('/search', { q: 'الكاظمي', to: '2026-02-31' })), 400)
  })

  it('lists the stories with one of two words when none has both', async () => {
    const html = assertPage(await t.app.inject(url('/search', { q: 'الكاظمي كلمةغيرموجودةأبدا' })))
    assert.ok(results(html).includes(seed.url))
    assert.doesNotMatch(textOf(html), /لا نتائج/)
  })

  it('suggests the shorter query that finds something when nothing matches in the chosen desk', async () => {
    const select = element((await t.app.inject('/search')).body, { id: 'search-category' })!
    const desks = [...select.matchAll(/<option\b[^>]*value="([^"]+)"/g)].map((m) => m[1]!)
    let desk: string | undefined
    for (const d of desks) {
      if (((await t.app.inject(url('/api/v1/search', { q: 'الكاظمي زلزال', category: d }))).json() as SearchBody).total === 0) { desk = d; break }
    }
    assert.ok(desk, 'a desk without the words')
    const html = assertPage(await t.app.inject(url('/search', { q: 'الكاظمي زلزال', category: desk })))
    assert.match(textOf(html), /لا نتائج/)
    const nav = element(html, { class: 'suggestions' })
    assert.ok(nav, 'suggestions are shown')
    const hrefs = links(nav).map((l) => l.href)
    assert.ok(hrefs.includes(url('/search', { q: 'الكاظمي' })), hrefs.join(' '))
    assert.ok(links(nav).some((l) => l.text.includes('في كل الأقسام')))
  })
})

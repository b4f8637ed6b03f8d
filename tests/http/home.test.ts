import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { makeTestApp, type TestApp } from '../support/make-test-app.js'
import { articleHrefs, assertPage, countClass, element, links, textOf, url, type ApiItem } from './support.js'

describe('home page', () => {
  let t: TestApp
  before(async () => { t = await makeTestApp({ demo: true }) })
  after(() => t.close())

  it('answers 200 with an RTL Arabic document and security headers', async () => {
    const res = await t.app.inject('/')
    assertPage(res)
    assert.match(String(res.headers['content-security-policy']), /object-src 'none'/)
    assert.equal(res.headers['x-frame-options'], 'DENY')
  })

  it('shows a slider of at least five featured stories, each linking to an article', async () => {
    const html = (await t.app.inject('/')).body
    const slider = element(html, { class: 'slider' }) ?? html.slice(html.indexOf('data-slider'))
    assert.match(html, /\bdata-slider\b/)
    const slides = countClass(slider, 'slide')
    assert.ok(slides >= 5, `${slides} slides`)
    assert.ok(articleHrefs(slider).length >= 5)
  })

  it('shows the breaking-news ticker labelled «عاجل» with links to breaking stories', async () => {
    const html = (await t.app.inject('/')).body
    assert.match(textOf(html), /عاجل/)
    const breaking = (await t.app.inject('/api/v1/articles?limit=100')).json().items.filter((a: { breaking: boolean }) => a.breaking) as ApiItem[]
    assert.ok(breaking.length > 0, 'the demo has breaking stories')
    const hrefs = new Set(articleHrefs(html))
    assert.ok(breaking.slice(0, 5).every((a) => hrefs.has(a.url)), 'the newest breaking stories are linked')
  })

  it('shows a block per desk with its newest story and a link to the desk archive', async () => {
    const html = (await t.app.inject('/')).body
    const hrefs = new Set(articleHrefs(html))
    const categories = (await t.app.inject('/api/v1/categories')).json().items as Array<{ slug: string; name: string; parent: string | null; url: string }>
    const desks = categories.filter((c) => c.parent === null)
    let withStories = 0
    for (const desk of desks) {
      const newest = (await t.app.inject(url('/api/v1/articles', { category: desk.slug, limit: 1 }))).json().items as ApiItem[]
      if (!newest.length) continue
      withStories++
      assert.ok(hrefs.has(newest[0]!.url), `newest story of ${desk.name} is on the home page`)
      assert.ok(links(html).some((l) => l.href === desk.url && l.text.includes(desk.name)), `link to ${desk.name}`)
    }
    assert.ok(withStories >= 4, `${withStories} desks with stories`)
  })

  it('links the site search form and the back-to-top anchor', async () => {
    const html = (await t.app.inject('/')).body
    assert.match(html, /<form\b[^>]*\baction="\/search"/)
    assert.ok(links(html).some((l) => l.href === '#top'))
    assert.match(html, /\bid="top"/)
  })

  it('serves the second request from the page cache and answers 304 to its ETag', async () => {
    await t.app.inject('/')
    const second = await t.app.inject('/')
    assert.equal(second.headers['x-cache'], 'hit')
    const etag = String(second.headers.etag)
    const revalidated = await t.app.inject({ url: '/', headers: { 'if-none-match': etag } })
    assert.equal(revalidated.statusCode, 304)
    assert.equal(revalidated.body, '')
  })
})

describe('home page freshness', () => {
  it('shows a story written to the store after the page was cached', async (tt) => {
    const t = await makeTestApp()
    tt.after(() => t.close())
    await t.article({ title: 'خبر قديم في الصفحة' })
    await t.app.inject('/')
    assert.equal((await t.app.inject('/')).headers['x-cache'], 'hit')
    await t.article({ title: 'خبر جديد بعد التخزين', featured: true, breaking: true })
    const res = await t.app.inject('/')
    assert.equal(res.headers['x-cache'], 'miss')
    assert.match(textOf(res.body), /خبر جديد بعد التخزين/)
  })

  it('answers 200 with an empty store', async (tt) => {
    const t = await makeTestApp()
    tt.after(() => t.close())
    const html = assertPage(await t.app.inject('/'))
    assert.doesNotMatch(html, /\bdata-slider\b/)
  })
})

describe('static files', () => {
  let t: TestApp
  before(async () => { t = await makeTestApp({ demo: true }) })
  after(() => t.close())

  it('serves /assets/site.css with a year-long immutable cache', async () => {
    const res = await t.app.inject('/assets/site.css')
    assert.equal(res.statusCode, 200)
    assert.match(String(res.headers['content-type']), /^text\/css/)
    const cc = String(res.headers['cache-control'])
    assert.match(cc, /max-age=31536000/)
    assert.match(cc, /immutable/)
  })

  it('serves /assets/site.js with a year-long cache', async () => {
    const res = await t.app.inject('/assets/site.js')
    assert.equal(res.statusCode, 200)
    assert.match(String(res.headers['content-type']), /javascript/)
    assert.match(String(res.headers['cache-control']), /max-age=31536000/)
  })

  it('versions the asset URLs the pages link to', async () => {
    const html = (await t.app.inject('/')).body
    const css = /href="(\/assets\/site\.css\?v=[0-9a-f]+)"/.exec(html)?.[1]
    assert.ok(css, 'page links a versioned stylesheet')
    assert.equal((await t.app.inject(css)).statusCode, 200)
  })

  it('serves the demo media', async () => {
    const res = await t.app.inject('/media/demo/story-1.svg')
    assert.equal(res.statusCode, 200)
    assert.match(String(res.headers['content-type']), /^image\/svg\+xml/)
  })

  it('answers 404 for a missing asset and never lists directories', async () => {
    assert.equal((await t.app.inject('/assets/nope.css')).statusCode, 404)
    assert.equal((await t.app.inject('/media/demo/')).statusCode, 404)
  })

  it('does not serve files outside the asset folders', async () => {
    const res = await t.app.inject('/assets/..%2f..%2fpackage.json')
    assert.notEqual(res.statusCode, 200)
    assert.doesNotMatch(res.body, /"name": "khabar"/)
  })
})

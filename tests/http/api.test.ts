import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { makeTestApp, type TestApp } from '../support/make-test-app.js'
import { assertApiError, assertSecurityHeaders, SEED_EXTERNAL_ID, SEED_TITLE, url, type ApiItem, openDemoSite } from './support.js'

interface ListBody { items: ApiItem[]; page: number; pages: number; limit: number; total: number }

describe('GET /api/v1/articles', () => {
  let t: TestApp, seed: ApiItem
  before(async () => ({ t, seed } = await openDemoSite()))
  after(() => t.close())

  const list = async (query: Record<string, string | number> = {}) => {
    const res = await t.app.inject(url('/api/v1/articles', query))
    assert.equal(res.statusCode, 200, res.body)
    return res.json() as ListBody
  }

  it('answers JSON with items, page and total, 20 a page by default', async () => {
    const res = await t.app.inject('/api/v1/articles')
    assert.match(String(res.headers['content-type']), /^application\/json/)
    assertSecurityHeaders(res)
    const body = res.json() as ListBody
    assert.equal(body.page, 1)
    assert.equal(body.total, 41)
    assert.equal(body.items.length, 20)
    assert.equal(body.limit, 20)
    assert.equal(body.pages, 3)
  })

  it('gives each item its id, external id, title, URL, category and publication time', async () => {
    const { items } = await list({ limit: 100 })
    for (const a of items) {
      assert.equal(typeof a.id, 'number')
      assert.ok(a.externalId === null || typeof a.externalId === 'string')
      assert.equal(typeof a.title, 'string')
      assert.match(a.url, new RegExp(`^/[^/]+/${a.id}/[^/]+$`))
      assert.equal(typeof a.category.slug, 'string')
      assert.equal(typeof a.category.name, 'string')
      assert.ok(!Number.isNaN(Date.parse(a.publishedAt)))
      assert.ok(!('bodyHtml' in a), 'lists carry no bodies')
    }
  })

  it('lists newest first', async () => {
    const { items } = await list({ limit: 100 })
    const times = items.map((a) => Date.parse(a.publishedAt))
    assert.deepEqual(times, [...times].sort((a, b) => b - a))
  })

  it('pages with page and limit, without overlap', async () => {
    const p1 = await list({ limit: 5 })
    const p2 = await list({ limit: 5, page: 2 })
    assert.equal(p1.items.length, 5)
    assert.equal(p2.page, 2)
    assert.equal(p1.pages, 9)
    assert.ok(!p2.items.some((a) => p1.items.some((b) => b.id === a.id)))
  })

  it('finds the seed article by q=الكاظمي', async () => {
    const { items } = await list({ q: 'الكاظمي' })
    const found = items.find((a) => a.externalId === SEED_EXTERNAL_ID)
    assert.equal(found?.title, SEED_TITLE)
    assert.equal(found?.category.name, 'العرب والعالم')
  })

  it('filters by category, tag, author and words', async () => {
    const byCategory = await list({ category: seed.category.slug, limit: 100 })
    assert.ok(byCategory.total > 0 && byCategory.total < 41)
    assert.ok(byCategory.items.every((a) => a.category.slug === seed.category.slug))

    const full = (await t.app.inject(`/api/v1/articles/${seed.id}`)).json()
    const byTag = await list({ tag: full.tags[0].slug, limit: 100 })
    assert.ok(byTag.items.some((a) => a.id === seed.id))
    assert.ok(byTag.total < 41)

    const withAuthor = await Promise.all(byCategory.items.map(async (a) => (await t.app.inject(`/api/v1/articles/${a.id}`)).json()))
    const written = withAuthor.find((a) => a.authors.length > 0)
    assert.ok(written, 'a story with an author')
    const byAuthor = await list({ author: written.authors[0].slug, limit: 100 })
    assert.ok(byAuthor.items.some((a) => a.id === written.id))
    assert.ok(byAuthor.total < 41)

    const combined = await list({ q: 'الكاظمي', category: seed.category.slug })
    assert.ok(combined.items.some((a) => a.id === seed.id))
    assert.ok(combined.total <= byCategory.total)
  })

  it('answers 404 with the JSON error shape for an unknown category, tag or author, with words or without', async () => {
    for (const filter of ['category', 'tag', 'author']) {
      assertApiError(await t.app.inject(url('/api/v1/articles', { [filter]: 'لا-يوجد' })), 404, 'not_found')
      assertApiError(await t.app.inject(url('/api/v1/articles', { [filter]: 'لا-يوجد', q: 'العراق' })), 404, 'not_found')
      assertApiError(await t.app.inject(url('/api/v1/search', { [filter]: 'لا-يوجد', q: 'العراق' })), 404, 'not_found')
    }
  })

  it('answers 404 past the last page', async () => {
    assertApiError(await t.app.inject(url('/api/v1/articles', { page: 99 })), 404, 'not_found')
  })

  it('answers 400 with the JSON error shape for bad parameters', async () => {
    const bad: Array<Record<string, string | number>> = [
      { limit: 0 }, { limit: 1000 }, { limit: 101 }, { limit: 'abc' }, { page: 0 }, { page: 'abc' }, { page: -1 },
      { unknown: 1 }, { q: 'خ'.repeat(201) }, { category: '' },
    ]
    for (const query of bad) {
      const message = assertApiError(await t.app.inject(url('/api/v1/articles', query)), 400, 'validation')
      const field = Object.keys(query)[0]!
      if (field !== 'unknown') assert.match(message, new RegExp(field), `message names ${field}: ${message}`)
    }
  })

  it('accepts limit=100', async () => {
    assert.equal((await list({ limit: 100 })).items.length, 41)
  })
})

describe('GET /api/v1/articles/:id', () => {
  let t: TestApp, seed: ApiItem
  before(async () => ({ t, seed } = await openDemoSite()))
  after(() => t.close())

  it('answers the whole article', async () => {
    const res = await t.app.inject(`/api/v1/articles/${seed.id}`)
    assert.equal(res.statusCode, 200)
    const a = res.json()
    assert.equal(a.id, seed.id)
    assert.equal(a.externalId, SEED_EXTERNAL_ID)
    assert.equal(a.title, SEED_TITLE)
    assert.equal(a.url, seed.url)
    assert.equal(a.dateline, 'واشنطن')
    assert.equal(a.source, 'متابعة وطن برس')
    assert.equal((a.bodyHtml.match(/<p>/g) ?? []).length, 9)
    assert.match(a.bodyText, /الكاظمي/)
    assert.deepEqual(a.tags.map((x: { name: string }) => x.name), ['العراق', 'الولايات المتحدة', 'دبلوماسية'])
    assert.equal(a.category.name, 'العرب والعالم')
  })

  it('answers 404 with the JSON error shape for an unknown id', async () => {
    assertApiError(await t.app.inject('/api/v1/articles/999999'), 404, 'not_found')
  })

  it('answers 400 for an id that is not a positive integer', async () => {
    for (const bad of ['abc', '0', '-1', '1.5']) assertApiError(await t.app.inject(`/api/v1/articles/${bad}`), 400, 'validation')
  })

  it('answers 404 for a story not yet published', async (tt) => {
    const bare = await makeTestApp()
    tt.after(() => bare.close())
    const id = await bare.article({ publishedAt: new Date(Date.now() + 3_600_000) })
    assertApiError(await bare.app.inject(`/api/v1/articles/${id}`), 404, 'not_found')
  })
})

describe('GET /api/v1/categories and /healthz', () => {
  let t: TestApp
  before(async () => { t = await makeTestApp({ demo: true }) })
  after(() => t.close())

  it('lists categories, each parent followed by its children', async () => {
    const res = await t.app.inject('/api/v1/categories')
    assert.equal(res.statusCode, 200)
    const items = res.json().items as Array<{ id: number; slug: string; name: string; parent: string | null; position: number; url: string }>
    assert.ok(items.length >= 5)
    assert.ok(items.some((c) => c.name === 'العرب والعالم' && c.parent === null))
    for (const [i, c] of items.entries()) {
      assert.equal(c.url, `/category/${encodeURIComponent(c.slug)}`)
      if (c.parent !== null) {
        const parentAt = items.findIndex((p) => p.slug === c.parent)
        assert.ok(parentAt >= 0 && parentAt < i, `${c.slug} comes after its parent`)
        assert.ok(items.slice(parentAt + 1, i).every((k) => k.parent === c.parent), `${c.slug} directly follows its siblings`)
      }
    }
    const tops = items.filter((c) => c.parent === null).map((c) => c.position)
    assert.deepEqual(tops, [...tops].sort((a, b) => a - b))
  })

  it('answers /healthz with ok and the content version, uncached', async () => {
    const res = await t.app.inject('/healthz')
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['cache-control'], 'no-store')
    const body = res.json()
    assert.equal(body.status, 'ok')
    assert.equal(typeof body.contentVersion, 'string')
  })

  it('reports a new content version after a write', async (tt) => {
    const bare = await makeTestApp()
    tt.after(() => bare.close())
    const before = (await bare.app.inject('/healthz')).json().contentVersion
    assert.equal((await bare.app.inject('/healthz')).json().contentVersion, before)
    await bare.article()
    assert.notEqual((await bare.app.inject('/healthz')).json().contentVersion, before)
  })

  it('answers unknown API paths with the JSON 404 shape', async () => {
    assertApiError(await t.app.inject('/api/v1/nope'), 404, 'not_found')
    assertApiError(await t.app.inject('/api/v2/articles'), 404, 'not_found')
  })
})

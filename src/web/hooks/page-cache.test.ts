import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import Fastify from 'fastify'
import { createPageCache, pageKey } from './page-cache.js'

/** A one-route app whose page is cached under `?key=`, with the version and clock under the test's control. */
async function cachedApp(t: { after(fn: () => Promise<void>): void }, opts: { ttlMs?: number; redirect?: boolean } = {}) {
  const state = { version: 'v1', now: 1_000_000, renders: 0 }
  const cache = createPageCache({ contentVersion: () => state.version, now: () => state.now, ttlMs: opts.ttlMs ?? 60_000 })
  const app = Fastify({ logger: false })
  app.get<{ Querystring: { key?: string } }>('/page', (req, reply) => cache.send(req, reply, req.query.key ?? 'k', async () => {
    state.renders++
    if (opts.redirect) return { redirect: '/elsewhere' }
    return `<p>render ${state.renders} of ${req.query.key ?? 'k'} at ${state.version}</p>`
  }))
  await app.ready()
  t.after(() => app.close())
  return { app, state, cache }
}

describe('createPageCache', () => {
  it('renders on a miss and serves from memory while the version is unchanged', async (t) => {
    const { app, state } = await cachedApp(t)
    const first = await app.inject('/page')
    assert.equal(first.statusCode, 200)
    assert.equal(first.headers['x-cache'], 'miss')
    assert.match(String(first.headers['content-type']), /^text\/html; charset=utf-8/)
    const second = await app.inject('/page')
    assert.equal(second.headers['x-cache'], 'hit')
    assert.equal(second.body, first.body)
    assert.equal(state.renders, 1)
  })

  it('renders again after the content version changes', async (t) => {
    const { app, state } = await cachedApp(t)
    await app.inject('/page')
    state.version = 'v2'
    const after = await app.inject('/page')
    assert.equal(after.headers['x-cache'], 'miss')
    assert.equal(after.body, '<p>render 2 of k at v2</p>')
    assert.equal((await app.inject('/page')).headers['x-cache'], 'hit')
  })

  it('keeps pages apart by key', async (t) => {
    const { app, state } = await cachedApp(t)
    await app.inject('/page?key=a')
    const b = await app.inject('/page?key=b')
    assert.equal(b.headers['x-cache'], 'miss')
    assert.match(b.body, /of b/)
    assert.equal(state.renders, 2)
  })

  it('renders again once the time-to-live has passed', async (t) => {
    const { app, state } = await cachedApp(t, { ttlMs: 1000 })
    await app.inject('/page')
    state.now += 999
    assert.equal((await app.inject('/page')).headers['x-cache'], 'hit')
    state.now += 1
    assert.equal((await app.inject('/page')).headers['x-cache'], 'miss')
    assert.equal(state.renders, 2)
  })

  it('sends an ETag and revalidation headers', async (t) => {
    const { app } = await cachedApp(t)
    const r = await app.inject('/page')
    assert.match(String(r.headers.etag), /^"[^"]+"$/)
    assert.equal(r.headers['cache-control'], 'public, max-age=0, must-revalidate')
  })

  it('gives a changed page a new ETag, so a stale copy never revalidates', async (t) => {
    const { app, state } = await cachedApp(t)
    const before = String((await app.inject('/page')).headers.etag)
    state.version = 'v2'
    const after = await app.inject({ url: '/page', headers: { 'if-none-match': before } })
    assert.equal(after.statusCode, 200)
    assert.notEqual(String(after.headers.etag), before)
  })

  it('answers a fresh page before routing, under its URL, and only for GET and HEAD', async (t) => {
    const state = { version: 'v1', renders: 0 }
    const cache = createPageCache({ contentVersion: () => state.version })
    const app = Fastify({ logger: false })
    app.addHook('onRequest', (req, reply, done) => { if (!cache.sendIfFresh(req, reply)) done() })
    app.get('/p', (req, reply) => cache.send(req, reply, req.url, async () => `<p>${++state.renders}</p>`))
    app.post('/p', async () => 'posted')
    await app.ready()
    t.after(() => app.close())
    assert.equal((await app.inject('/p')).headers['x-cache'], 'miss')
    const hit = await app.inject('/p')
    assert.equal(hit.headers['x-cache'], 'hit')
    assert.equal(hit.body, '<p>1</p>')
    assert.equal((await app.inject({ url: '/p', method: 'POST' })).body, 'posted', 'a POST reaches its route')
    state.version = 'v2'
    assert.equal((await app.inject('/p')).body, '<p>2</p>')
  })

  it('answers 304 with no body to a matching If-None-Match', async (t) => {
    const { app } = await cachedApp(t)
    const { headers } = await app.inject('/page')
    const r = await app.inject({ url: '/page', headers: { 'if-none-match': String(headers.etag) } })
    assert.equal(r.statusCode, 304)
    assert.equal(r.body, '')
    assert.equal(r.headers.etag, headers.etag)
  })

  it('gives the same page the same ETag in another process, which answers 304 to it', async (t) => {
    // Two caches with their own state, as two app processes behind one load balancer would have.
    const first = await cachedApp(t)
    const second = await cachedApp(t)
    const a = await first.app.inject('/page')
    const b = await second.app.inject('/page')
    assert.equal(b.body, a.body)
    assert.equal(b.headers.etag, a.headers.etag)
    const revalidated = await second.app.inject({ url: '/page', headers: { 'if-none-match': String(a.headers.etag) } })
    assert.equal(revalidated.statusCode, 304)
    second.state.version = 'v2'
    const changed = await second.app.inject({ url: '/page', headers: { 'if-none-match': String(a.headers.etag) } })
    assert.equal(changed.statusCode, 200)
    assert.notEqual(changed.headers.etag, a.headers.etag, 'a changed page has a different ETag')
  })

  it('keeps the ETag of a page whose bytes did not change when it is rendered again', async (t) => {
    let versions = 0
    const cache = createPageCache({ contentVersion: () => String(versions++) })
    const app = Fastify({ logger: false })
    app.get('/same', (req, reply) => cache.send(req, reply, 'same', async () => '<p>unchanged</p>'))
    t.after(() => app.close())
    const before = String((await app.inject('/same')).headers.etag)
    const again = await app.inject({ url: '/same', headers: { 'if-none-match': before } })
    assert.equal(again.headers['x-cache'], 'miss', 'rendered again under a new version')
    assert.equal(again.statusCode, 304)
  })

  it('answers 304 to a weak or listed If-None-Match, as proxies that compress send it', async (t) => {
    const { app } = await cachedApp(t)
    const etag = String((await app.inject('/page')).headers.etag)
    for (const header of [`W/${etag}`, `"other", ${etag}`]) {
      assert.equal((await app.inject({ url: '/page', headers: { 'if-none-match': header } })).statusCode, 304, header)
    }
    assert.equal((await app.inject({ url: '/page', headers: { 'if-none-match': '"other"' } })).statusCode, 200)
  })

  it('answers 200 with the page to a stale If-None-Match', async (t) => {
    const { app, state } = await cachedApp(t)
    const { headers } = await app.inject('/page')
    state.version = 'v2'
    const r = await app.inject({ url: '/page', headers: { 'if-none-match': String(headers.etag) } })
    assert.equal(r.statusCode, 200)
    assert.notEqual(r.headers.etag, headers.etag)
    assert.match(r.body, /at v2/)
  })

  it('remembers a redirect and sends it again without rendering', async (t) => {
    const { app, state } = await cachedApp(t, { redirect: true })
    const first = await app.inject('/page')
    assert.equal(first.statusCode, 301)
    assert.equal(first.headers.location, '/elsewhere')
    assert.equal(first.headers['x-cache'], 'miss')
    const second = await app.inject('/page')
    assert.equal(second.statusCode, 301)
    assert.equal(second.headers.location, '/elsewhere')
    assert.equal(second.headers['x-cache'], 'hit')
    assert.equal(state.renders, 1)
  })

  it('answers a remembered redirect before routing', async (t) => {
    let renders = 0
    const cache = createPageCache({ contentVersion: () => 'v' })
    const app = Fastify({ logger: false })
    app.addHook('onRequest', (req, reply, done) => { if (!cache.sendIfFresh(req, reply)) done() })
    app.get('/old', (req, reply) => cache.send(req, reply, pageKey(req.url), async () => { renders++; return { redirect: '/new' } }))
    t.after(() => app.close())
    await app.inject('/old')
    const again = await app.inject('/old?utm_source=x')
    assert.equal(again.statusCode, 301)
    assert.equal(again.headers.location, '/new')
    assert.equal(again.headers['x-cache'], 'hit')
    assert.equal(renders, 1)
  })

  it('never sends a Location that leaves the site', async (t) => {
    const cache = createPageCache({ contentVersion: () => 'v' })
    const app = Fastify({ logger: false })
    app.get('/p', (req, reply) => cache.send(req, reply, 'p', async () => ({ redirect: '//evil.example/x' })))
    t.after(() => app.close())
    const r = await app.inject('/p')
    assert.equal(r.statusCode, 301)
    assert.equal(r.headers.location, '/')
  })

  it('does not remember a render that fails', async (t) => {
    const state = { renders: 0 }
    const cache = createPageCache({ contentVersion: () => 'v' })
    const app = Fastify({ logger: false })
    app.get('/boom', (req, reply) => cache.send(req, reply, 'boom', async () => {
      state.renders++
      if (state.renders === 1) throw new Error('store down')
      return '<p>ok</p>'
    }))
    t.after(() => app.close())
    assert.equal((await app.inject('/boom')).statusCode, 500)
    const r = await app.inject('/boom')
    assert.equal(r.statusCode, 200)
    assert.equal(r.headers['x-cache'], 'miss')
  })

  it('forgets every page on clear()', async (t) => {
    const { app, cache } = await cachedApp(t)
    await app.inject('/page')
    cache.clear()
    assert.equal((await app.inject('/page')).headers['x-cache'], 'miss')
  })

  it('serves one page to any number of query strings it does not read', async (t) => {
    let renders = 0
    const cache = createPageCache({ contentVersion: () => 'v', keyParams: ['page'] })
    const app = Fastify({ logger: false })
    app.addHook('onRequest', (req, reply, done) => { if (!cache.sendIfFresh(req, reply)) done() })
    app.get('/p', (req, reply) => cache.send(req, reply, pageKey(req.url), async () => `<p>${'x'.repeat(1000)}${++renders}</p>`))
    t.after(() => app.close())
    for (let n = 0; n < 10_000; n++) {
      const r = await app.inject(`/p?utm=${n}&fbclid=${n * 7}`)
      assert.equal(r.statusCode, 200)
    }
    assert.equal(renders, 1)
    assert.equal(cache.stats().pages, 1)
  })

  it('keeps the parameters a page reads apart, whatever their order or encoding', () => {
    assert.equal(pageKey('/category/x?utm=1&page=2', ['page']), pageKey('/category/x?page=2', ['page']))
    assert.notEqual(pageKey('/category/x?page=2', ['page']), pageKey('/category/x', ['page']))
    assert.equal(pageKey('/a?comment=held&replyto=3', ['replyto', 'comment']), pageKey('/a?replyto=3&comment=held', ['comment', 'replyto']))
    assert.equal(pageKey('/a?page=', ['page']), pageKey('/a', ['page']), 'an empty value is no value')
    assert.equal(pageKey('/category/%D8%B9%D8%B1%D8%A8'), pageKey('/category/%d8%b9%d8%b1%d8%a8'))
    assert.equal(pageKey('/category/%D8%B9%D8%B1%D8%A8'), pageKey('/category/عرب'))
    assert.equal(pageKey('/category/x/'), pageKey('/category/x'))
    assert.equal(pageKey('/'), '/')
    assert.notEqual(pageKey('/a%2Fb'), pageKey('/a/b'), 'an encoded slash stays a different path')
    assert.equal(pageKey('/%E0%A4%A'), '/%E0%A4%A', 'a malformed escape is kept as sent')
  })

  it('stays within its byte bound however many different pages are asked for', async (t) => {
    const maxBytes = 200_000
    const cache = createPageCache({ contentVersion: () => 'v', maxBytes, keyParams: ['page'] })
    const app = Fastify({ logger: false })
    app.get<{ Querystring: { page: string } }>('/p', (req, reply) =>
      cache.send(req, reply, pageKey(req.url, ['page']), async () => `<p>${req.query.page}${'ص'.repeat(5000)}</p>`))
    t.after(() => app.close())
    for (let n = 1; n <= 1000; n++) await app.inject(`/p?page=${n}`)
    const { bytes, pages } = cache.stats()
    assert.ok(bytes <= maxBytes, `${bytes} bytes cached, bound ${maxBytes}`)
    assert.ok(pages >= 10 && pages < 1000, `${pages} pages kept`)
    assert.equal((await app.inject('/p?page=1000')).headers['x-cache'], 'hit', 'the newest page is kept')
    assert.equal((await app.inject('/p?page=1')).headers['x-cache'], 'miss', 'the oldest page was let go')
  })

  it('does not keep a page larger than its whole bound', async (t) => {
    const cache = createPageCache({ contentVersion: () => 'v', maxBytes: 10_000 })
    const app = Fastify({ logger: false })
    app.get('/big', (req, reply) => cache.send(req, reply, 'big', async () => 'x'.repeat(20_000)))
    t.after(() => app.close())
    assert.equal((await app.inject('/big')).statusCode, 200)
    assert.equal((await app.inject('/big')).headers['x-cache'], 'miss')
    assert.equal(cache.stats().bytes, 0)
  })
})

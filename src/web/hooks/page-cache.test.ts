import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import Fastify from 'fastify'
import { createPageCache } from './page-cache.js'

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

  it('gives a new render a new ETag, so a stale copy never revalidates', async (t) => {
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

  it('answers 200 with the page to a stale If-None-Match', async (t) => {
    const { app, state } = await cachedApp(t)
    const { headers } = await app.inject('/page')
    state.version = 'v2'
    const r = await app.inject({ url: '/page', headers: { 'if-none-match': String(headers.etag) } })
    assert.equal(r.statusCode, 200)
    assert.notEqual(r.headers.etag, headers.etag)
    assert.match(r.body, /at v2/)
  })

  it('sends a redirect as a 301 and does not remember it', async (t) => {
    const { app, state } = await cachedApp(t, { redirect: true })
    const first = await app.inject('/page')
    assert.equal(first.statusCode, 301)
    assert.equal(first.headers.location, '/elsewhere')
    assert.equal(first.headers['x-cache'], undefined)
    const second = await app.inject('/page')
    assert.equal(second.statusCode, 301)
    assert.equal(state.renders, 2)
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
})

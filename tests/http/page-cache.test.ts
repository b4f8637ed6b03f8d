import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { makeTestApp, type TestApp } from '../support/make-test-app.js'
import { findSeed, url, type ApiItem } from './support.js'

describe('cached pages and query strings', () => {
  let t: TestApp
  let seed: ApiItem
  before(async () => {
    t = await makeTestApp({ demo: true })
    seed = await findSeed(t.app)
    for (let i = 0; i < 12; i++) await t.article() // a second page for the desk
  })
  after(() => t.close())

  it('answers 10,000 different query strings on the home page from one render', async () => {
    const first = await t.app.inject('/')
    assert.equal(first.statusCode, 200)
    for (let n = 0; n < 10_000; n++) {
      const res = await t.app.inject(`/?utm_source=${n}&x${n}=y`)
      if (res.headers['x-cache'] !== 'hit') assert.fail(`/?utm_source=${n} was rendered again (${res.statusCode})`)
    }
  })

  it('answers an article with tracking parameters from the cached article', async () => {
    await t.app.inject(seed.url)
    const res = await t.app.inject(`${seed.url}?fbclid=abc&utm_medium=social`)
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['x-cache'], 'hit')
  })

  it('keeps the pages an archive parameter names apart', async () => {
    const base = url('/category/العرب-والعالم')
    const one = await t.app.inject(base)
    const two = await t.app.inject(`${base}?page=2&utm=1`)
    assert.equal(two.statusCode, 200)
    assert.notEqual(one.body, two.body)
    assert.equal((await t.app.inject(`${base}?utm=2&page=2`)).headers['x-cache'], 'hit')
    assert.equal((await t.app.inject(`${base}?page=1`)).headers['x-cache'], 'hit', 'page 1 is the archive itself')
  })

  it('treats a lower-case percent-encoded path as the same page', async () => {
    const base = url('/category/العرب-والعالم')
    await t.app.inject(base)
    const res = await t.app.inject(base.toLowerCase())
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['x-cache'], 'hit')
  })
})

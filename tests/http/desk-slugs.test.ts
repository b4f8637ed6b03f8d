import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { makeTestApp, type TestApp } from '../support/make-test-app.js'

describe('desks whose names have no letters or digits', () => {
  let t: TestApp
  const paths: string[] = []
  before(async () => {
    t = await makeTestApp()
    for (const categoryName of ['—', '📰']) {
      const id = await t.article({ categoryName, title: `خبر في قسم ${categoryName}` })
      paths.push(((await t.app.inject(`/api/v1/articles/${id}`)).json() as { url: string }).url)
    }
  })
  after(() => t.close())

  it('get a slug of their own, so they stay apart', async () => {
    const desks = ((await t.app.inject('/api/v1/categories')).json() as { items: Array<{ slug: string; name: string }> }).items
    const slugs = desks.filter((d) => d.name === '—' || d.name === '📰').map((d) => d.slug)
    assert.equal(slugs.length, 2)
    assert.ok(slugs.every((s) => s.length > 0))
    assert.notEqual(slugs[0], slugs[1])
  })

  it('link to their articles by a path on this site', async () => {
    for (const path of paths) {
      assert.match(path, /^\/[^/]+\/[0-9]+\/[^/]+$/)
      assert.equal((await t.app.inject(path)).statusCode, 200)
    }
  })

  it('redirect an old address of their articles to a path on this site', async () => {
    for (const path of paths) {
      const [, , id] = path.split('/')
      const res = await t.app.inject(`/x/${id}`)
      assert.equal(res.statusCode, 301)
      const location = String(res.headers.location)
      assert.equal(location, path)
      assert.equal(new URL(location, 'https://khabar.test').host, 'khabar.test')
    }
  })
})

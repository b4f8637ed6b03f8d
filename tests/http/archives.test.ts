import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { makeTestApp, type TestApp } from '../support/make-test-app.js'
import { articleHrefs, assertPage, findSeed, links, textOf, url, type ApiItem } from './support.js'

const enc = encodeURIComponent

describe('archives over the demo content', () => {
  let t: TestApp
  let seed: ApiItem
  let tag: { slug: string; name: string }
  let author: { slug: string; name: string }
  before(async () => {
    t = await makeTestApp({ demo: true })
    seed = await findSeed(t.app)
    tag = (await t.app.inject(`/api/v1/articles/${seed.id}`)).json().tags[0]
    const items = (await t.app.inject('/api/v1/articles?limit=100')).json().items as ApiItem[]
    for (const a of items) {
      const full = (await t.app.inject(`/api/v1/articles/${a.id}`)).json()
      if (full.authors.length) { author = full.authors[0]; break }
    }
  })
  after(() => t.close())

  it('shows a category archive with its name and stories', async () => {
    const html = assertPage(await t.app.inject(`/category/${enc(seed.category.slug)}`))
    assert.match(textOf(html), /العرب والعالم/)
    assert.ok(articleHrefs(html).includes(seed.url), 'the seed story is listed')
  })

  it('lists only the category\'s stories, newest first', async () => {
    const html = (await t.app.inject(`/category/${enc(seed.category.slug)}`)).body
    const api = (await t.app.inject(url('/api/v1/articles', { category: seed.category.slug, limit: 12 }))).json().items as ApiItem[]
    const listed = articleHrefs(html).filter((h) => api.some((a) => a.url === h))
    assert.deepEqual(listed.slice(0, api.length), api.map((a) => a.url))
  })

  it('includes sub-categories in a category archive', async () => {
    const cats = (await t.app.inject('/api/v1/categories')).json().items as Array<{ slug: string; parent: string | null }>
    const child = cats.find((c) => c.parent !== null)
    assert.ok(child, 'the demo has a sub-category')
    const inChild = (await t.app.inject(url('/api/v1/articles', { category: child.slug, limit: 1 }))).json().items as ApiItem[]
    assert.ok(inChild.length === 1, `${child.slug} has a story`)
    const parentList = (await t.app.inject(url('/api/v1/articles', { category: child.parent!, limit: 100 }))).json().items as ApiItem[]
    assert.ok(parentList.some((a) => a.id === inChild[0]!.id), 'the parent desk lists the sub-desk story')
  })

  it('shows a tag archive', async () => {
    assert.ok(tag, 'the seed has a tag')
    const html = assertPage(await t.app.inject(`/tag/${enc(tag.slug)}`))
    assert.match(textOf(html), new RegExp(tag.name))
    assert.ok(articleHrefs(html).includes(seed.url))
  })

  it('shows an author archive', async () => {
    assert.ok(author, 'some demo story has an author')
    const html = assertPage(await t.app.inject(`/author/${enc(author.slug)}`))
    assert.match(textOf(html), new RegExp(author.name))
    assert.ok(articleHrefs(html).length >= 1)
  })

  it('answers 404 for an unknown category, tag or author', async () => {
    for (const kind of ['category', 'tag', 'author']) {
      const res = await t.app.inject(`/${kind}/${enc('لا-يوجد-هذا')}`)
      assertPage(res, 404)
      assert.match(textOf(res.body), /الصفحة غير موجودة/)
      assert.equal(res.headers['cache-control'], 'no-store')
    }
  })

  it('answers 400 for a page that is not a positive integer', async () => {
    for (const page of ['abc', '0', '-1', '1.5', '01']) {
      const res = await t.app.inject(url(`/category/${enc(seed.category.slug)}`, { page }))
      assertPage(res, 400)
      assert.match(textOf(res.body), /طلب غير صالح/, `page=${page}`)
    }
  })

  it('answers 404 past the last page', async () => {
    assertPage(await t.app.inject(url(`/category/${enc(seed.category.slug)}`, { page: 99 })), 404)
    assertPage(await t.app.inject(url(`/tag/${enc(tag.slug)}`, { page: 2 })), 404)
  })

  it('shows the desk as current in the navigation', async () => {
    const html = (await t.app.inject(`/category/${enc(seed.category.slug)}`)).body
    assert.match(html, new RegExp(`<a\\b[^>]*href="/category/${enc(seed.category.slug)}"[^>]*aria-current="page"`))
  })
})

describe('archive pagination', () => {
  let t: TestApp
  const base = `/category/${enc('العرب-والعالم')}`
  before(async () => {
    t = await makeTestApp()
    for (let i = 0; i < 26; i++) await t.article({ title: `خبر الأرشيف رقم ${i + 1}` })
  })
  after(() => t.close())

  it('shows twelve stories a page and links to the next page', async () => {
    const html = assertPage(await t.app.inject(base))
    assert.equal(articleHrefs(html).length, 12)
    const next = links(html).find((l) => l.href === `${base}?page=2` && /التالي/.test(l.text))
    assert.ok(next, 'a «التالي» link to page 2')
    assert.ok(!links(html).some((l) => /السابق/.test(l.text)), 'no previous link on page 1')
  })

  it('links page 2 back to the bare archive URL and on to page 3', async () => {
    const html = assertPage(await t.app.inject(`${base}?page=2`))
    assert.ok(links(html).some((l) => l.href === base && /السابق/.test(l.text)))
    assert.ok(links(html).some((l) => l.href === `${base}?page=3`))
    assert.match(html, new RegExp(`rel="canonical"[^>]*href="http://khabar\\.test${base}\\?page=2"`))
  })

  it('shows different stories on each page, covering all of them once', async () => {
    const pages = await Promise.all([1, 2, 3].map(async (p) => {
      const html = (await t.app.inject(p === 1 ? base : `${base}?page=${p}`)).body
      return articleHrefs(html)
    }))
    const all = pages.flat()
    assert.equal(new Set(all).size, all.length, 'no story on two pages')
    assert.equal(all.length, 26)
  })

  it('answers 404 for page 4 of three', async () => {
    assertPage(await t.app.inject(`${base}?page=4`), 404)
  })
})

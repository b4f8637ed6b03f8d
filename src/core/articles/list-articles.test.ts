import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { openNewsroom, minutesAgo, NOW } from '../../../tests/support/newsroom.js'
import { NotFoundError, ValidationError } from '../errors.js'
import { listArticles } from './list-articles.js'

describe('listArticles', () => {
  it('lists visible articles newest first with page, pages and total', async (t) => {
    const r = await openNewsroom(t)
    const ids = []
    for (let i = 0; i < 5; i++) ids.push(await r.add({ publishedAt: minutesAgo(100 - i) }))
    const page1 = await listArticles(r.deps, { page: 1, perPage: 2 })
    assert.deepEqual(page1.items.map((a) => a.id), [ids[4], ids[3]])
    assert.equal(page1.total, 5)
    assert.equal(page1.pages, 3)
    const page3 = await listArticles(r.deps, { page: 3, perPage: 2 })
    assert.deepEqual(page3.items.map((a) => a.id), [ids[0]])
  })

  it('is NotFound past the last page', async (t) => {
    const r = await openNewsroom(t)
    for (let i = 0; i < 3; i++) await r.add()
    await listArticles(r.deps, { page: 2, perPage: 2 })
    await assert.rejects(listArticles(r.deps, { page: 3, perPage: 2 }), NotFoundError)
  })

  it('gives an empty first page, not NotFound, when nothing is published', async (t) => {
    const r = await openNewsroom(t)
    const list = await listArticles(r.deps, { page: 1, perPage: 10 })
    assert.deepEqual(list.items, [])
    assert.equal(list.total, 0)
    assert.equal(list.pages, 1)
    await assert.rejects(listArticles(r.deps, { page: 2, perPage: 10 }), NotFoundError)
  })

  it('leaves out future-dated articles and drafts', async (t) => {
    const r = await openNewsroom(t)
    const shown = await r.add()
    await r.add({ publishedAt: new Date(NOW.getTime() + 60_000) })
    await r.add({ status: 'draft' })
    await r.add({ status: 'scheduled', publishedAt: new Date(NOW.getTime() + 3_600_000) })
    const list = await listArticles(r.deps, { page: 1, perPage: 10 })
    assert.deepEqual(list.items.map((a) => a.id), [shown])
    assert.equal(list.total, 1)
  })

  it('filters by category, including its sub-categories, and names the category', async (t) => {
    const r = await openNewsroom(t)
    const sport = await r.store.categories.create({ slug: 'رياضة', name: 'رياضة', description: 'وصف', parentId: null, position: 1 })
    await r.store.categories.create({ slug: 'كرة-القدم', name: 'كرة القدم', description: null, parentId: sport.id, position: 1 })
    const inSport = await r.add({ categoryName: 'رياضة', categorySlug: 'رياضة' })
    const inFootball = await r.add({ categoryName: 'كرة القدم', categorySlug: 'كرة-القدم' })
    await r.add({ categoryName: 'اقتصاد' })
    const list = await listArticles(r.deps, { category: 'رياضة', page: 1, perPage: 10 })
    assert.deepEqual(list.items.map((a) => a.id).sort(), [inSport, inFootball].sort())
    assert.equal(list.category?.name, 'رياضة')
    const sub = await listArticles(r.deps, { category: 'كرة-القدم', page: 1, perPage: 10 })
    assert.deepEqual(sub.items.map((a) => a.id), [inFootball])
  })

  it('filters by tag and by author', async (t) => {
    const r = await openNewsroom(t)
    const tagged = await r.add({ tags: ['العراق', 'دبلوماسية'] })
    const written = await r.add({ authors: ['ليلى حسن'] })
    await r.add({ tags: ['اقتصاد'] })
    const byTag = await listArticles(r.deps, { tag: 'العراق', page: 1, perPage: 10 })
    assert.deepEqual(byTag.items.map((a) => a.id), [tagged])
    assert.equal(byTag.tag?.name, 'العراق')
    const byAuthor = await listArticles(r.deps, { author: 'ليلى-حسن', page: 1, perPage: 10 })
    assert.deepEqual(byAuthor.items.map((a) => a.id), [written])
    assert.equal(byAuthor.author?.name, 'ليلى حسن')
  })

  it('is NotFound for an unknown category, tag or author', async (t) => {
    const r = await openNewsroom(t)
    await r.add()
    await assert.rejects(listArticles(r.deps, { category: 'لا-يوجد', page: 1, perPage: 10 }), NotFoundError)
    await assert.rejects(listArticles(r.deps, { tag: 'لا-يوجد', page: 1, perPage: 10 }), NotFoundError)
    await assert.rejects(listArticles(r.deps, { author: 'لا-يوجد', page: 1, perPage: 10 }), NotFoundError)
  })

  it('finds words by folded spelling or by stem, articles with every word first', async (t) => {
    const r = await openNewsroom(t)
    const iraq = await r.add({ title: 'الكاظمي في البيت الأبيض', paragraphs: ['العلاقات الأميركية العراقية.'] })
    await r.add({ title: 'الكاظمي يعود إلى بغداد' })
    const q = async (text: string) => (await listArticles(r.deps, { q: text, page: 1, perPage: 10 })).items.map((a) => a.id)
    assert.equal((await q('الكاظمي')).length, 2)
    assert.equal((await q('الكاظمي الابيض'))[0], iraq)
    assert.deepEqual(await q('العلاقات الامريكية'), [iraq]) // أمريكية and أميركية share a stem
    assert.deepEqual(await q('زلزال واشنطن'), [])
    assert.deepEqual(await q('الاميركيه'), [iraq])
    assert.deepEqual(await q('  الأمِيركية  '), [iraq])
  })

  it('takes search-syntax characters in a query as plain text', async (t) => {
    const r = await openNewsroom(t)
    await r.add({ title: 'نمو بنسبة 5 بالمئة' })
    assert.equal((await listArticles(r.deps, { q: '5%', page: 1, perPage: 10 })).total, 1) // "%" is punctuation, dropped
    for (const q of ['نمو) OR (*', 'نمو AND', '"نمو', 'نمو -']) {
      assert.equal((await listArticles(r.deps, { q, page: 1, perPage: 10 })).total, 1, q)
    }
    // Words that look like syntax are words: they are looked for, and نمو still finds the article.
    for (const q of ['NEAR(نمو', '{title_k}: نمو']) {
      assert.equal((await listArticles(r.deps, { q, page: 1, perPage: 10 })).total, 1, q)
    }
  })

  it('rejects a query longer than 200 characters', async (t) => {
    const r = await openNewsroom(t)
    await listArticles(r.deps, { q: 'خ'.repeat(200), page: 1, perPage: 10 })
    await assert.rejects(listArticles(r.deps, { q: 'خ'.repeat(201), page: 1, perPage: 10 }), ValidationError)
  })

  it('finds nothing for a query made only of punctuation', async (t) => {
    const r = await openNewsroom(t)
    await r.add()
    assert.equal((await listArticles(r.deps, { q: '؟!', page: 1, perPage: 10 })).total, 0)
  })
})

import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { openNewsroom, minutesAgo, NOW } from '../../../tests/support/newsroom.js'
import { NotFoundError } from '../errors.js'
import { getArticle, getArticlePage, RELATED_COUNT } from './get-article-page.js'
import { addArticleNote } from './add-article-note.js'

describe('getArticlePage', () => {
  it('gives the article’s corrections and updates oldest first, and none for an article without', async (t) => {
    const r = await openNewsroom(t)
    const [id, other] = [await r.add(), await r.add()]
    const correction = await r.store.transaction((tx) => addArticleNote(tx, { now: () => minutesAgo(30) }, { articleId: id, kind: 'correction', text: 'ورد الاسم خطأً.', authorId: null }))
    const update = await r.store.transaction((tx) => addArticleNote(tx, r.deps.clock, { articleId: id, kind: 'update', text: 'وصل الوفد.', authorId: null }))
    assert.deepEqual((await getArticlePage(r.deps, { id })).notes, [correction, update])
    assert.deepEqual((await getArticlePage(r.deps, { id: other })).notes, [])
  })

  it('gives the article with its category, tags and authors', async (t) => {
    const r = await openNewsroom(t)
    const id = await r.add({ title: 'خبر كامل', tags: ['العراق'], authors: ['ليلى حسن'], dateline: 'واشنطن', source: 'وكالات' })
    const page = await getArticlePage(r.deps, { id })
    assert.equal(page.article.title, 'خبر كامل')
    assert.equal(page.article.category.name, 'سياسة')
    assert.deepEqual(page.article.tags.map((x) => x.name), ['العراق'])
    assert.deepEqual(page.article.authors.map((x) => x.name), ['ليلى حسن'])
    assert.equal(page.article.dateline, 'واشنطن')
    assert.equal(page.article.source, 'وكالات')
  })

  it('ranks related stories by shared tags first, then the same category', async (t) => {
    const r = await openNewsroom(t)
    const id = await r.add({ tags: ['العراق', 'دبلوماسية'] })
    const sameCategory = await r.add()
    const oneTag = await r.add({ categoryName: 'اقتصاد', tags: ['العراق'] })
    const twoTags = await r.add({ categoryName: 'اقتصاد', tags: ['دبلوماسية', 'العراق'] })
    const page = await getArticlePage(r.deps, { id })
    assert.deepEqual(page.related.slice(0, 3).map((a) => a.id), [twoTags, oneTag, sameCategory])
  })

  it(`fills the related block to ${RELATED_COUNT} with the newest stories when few are related`, async (t) => {
    const r = await openNewsroom(t)
    const id = await r.add({ tags: ['العراق'] })
    const related = await r.add({ tags: ['العراق'] })
    const others = []
    for (let i = 0; i < 5; i++) others.push(await r.add({ categoryName: `قسم ${i}` }))
    const page = await getArticlePage(r.deps, { id })
    assert.equal(page.related.length, RELATED_COUNT)
    assert.equal(page.related[0]!.id, related)
    assert.deepEqual(page.related.slice(1).map((a) => a.id), others.slice(0, 3))
    assert.equal(new Set(page.related.map((a) => a.id)).size, RELATED_COUNT, 'no story twice')
  })

  it('never lists the article itself among related stories', async (t) => {
    const r = await openNewsroom(t)
    const ids = []
    for (let i = 0; i < 6; i++) ids.push(await r.add({ tags: ['العراق'] }))
    for (const id of ids) {
      const page = await getArticlePage(r.deps, { id })
      assert.ok(page.related.length >= RELATED_COUNT)
      assert.ok(!page.related.some((a) => a.id === id), `article ${id} relates to itself`)
    }
  })

  it('gives fewer related stories only when fewer exist', async (t) => {
    const r = await openNewsroom(t)
    const id = await r.add()
    const other = await r.add({ categoryName: 'اقتصاد' })
    assert.deepEqual((await getArticlePage(r.deps, { id })).related.map((a) => a.id), [other])
  })

  it('leaves future-dated and unpublished stories out of related', async (t) => {
    const r = await openNewsroom(t)
    const id = await r.add({ tags: ['العراق'] })
    const future = await r.add({ tags: ['العراق'], publishedAt: new Date(NOW.getTime() + 60_000) })
    const draft = await r.add({ tags: ['العراق'], status: 'draft' })
    const page = await getArticlePage(r.deps, { id })
    assert.ok(!page.related.some((a) => a.id === future || a.id === draft))
  })

  it('is NotFound for an unknown, future-dated or unpublished article', async (t) => {
    const r = await openNewsroom(t)
    const future = await r.add({ publishedAt: new Date(NOW.getTime() + 1000) })
    const draft = await r.add({ status: 'draft' })
    for (const id of [9999, future, draft]) {
      await assert.rejects(getArticlePage(r.deps, { id }), NotFoundError, `article ${id}`)
      await assert.rejects(getArticle(r.deps, { id }), NotFoundError, `article ${id}`)
    }
  })

  it('shows a future-dated article once its time has come', async (t) => {
    const r = await openNewsroom(t)
    const at = new Date(NOW.getTime() + 60_000)
    const id = await r.add({ publishedAt: at })
    await assert.rejects(getArticlePage(r.deps, { id }), NotFoundError)
    const later = { repos: r.deps.repos, clock: { now: () => at } }
    assert.equal((await getArticlePage(later, { id })).article.id, id)
  })

  it('shows approved comments only, threaded, with their count', async (t) => {
    const r = await openNewsroom(t)
    const id = await r.add()
    const c = (parentId: number | null) => ({ articleId: id, parentId, authorName: 'قارئ', authorEmail: 'r@example.com', body: 'تعليق', ip: null })
    const top = await r.store.comments.add(c(null), 'approved', minutesAgo(30))
    const reply = await r.store.comments.add(c(top), 'approved', minutesAgo(20))
    await r.store.comments.add(c(null), 'pending', minutesAgo(10))
    await r.store.comments.add(c(null), 'spam', minutesAgo(5))
    const page = await getArticlePage(r.deps, { id })
    assert.equal(page.commentCount, 2)
    assert.equal(page.comments.length, 1)
    assert.equal(page.comments[0]!.id, top)
    assert.deepEqual(page.comments[0]!.replies.map((x) => x.id), [reply])
  })
})

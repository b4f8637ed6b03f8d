import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { openSqliteStore } from '../../storage/index.js'
import { ValidationError } from '../errors.js'
import { paragraphsToHtml } from '../safe-html.js'
import { arabicAnalyzer } from '../../arabic/index.js'
import type { SearchDocument } from '../search/search-index.js'
import type { Repos } from '../store.js'
import { ingestArticle, prepareArticle, type IncomingArticle } from './ingest-article.js'

const PUBLISHED = new Date('2026-11-29T06:00:00Z')

function incoming(overrides: Partial<IncomingArticle> = {}): IncomingArticle {
  return {
    externalId: 'feed:1',
    title: 'العلاقات الأميركية العراقية شراكة استراتيجية',
    bodyHtml: paragraphsToHtml(['الفقرة الأولى.', 'الفقرة الثانية.']),
    categoryName: 'العرب والعالم',
    tags: ['العراق', 'الولايات المتحدة'],
    authors: ['ليلى حسن'],
    dateline: 'واشنطن',
    source: 'متابعة وطن برس',
    publishedAt: PUBLISHED,
    ...overrides,
  }
}

async function openStore(t: { after(fn: () => Promise<void>): void }) {
  const store = await openSqliteStore(':memory:')
  t.after(() => store.close())
  return store
}

describe('ingestArticle', () => {
  it('stores a new article with its category, tags and authors created by name', async (t) => {
    const store = await openStore(t)
    const { id, created } = await store.transaction((tx) => ingestArticle(tx, incoming()))
    assert.equal(created, true)
    const a = (await store.articles.get(id))!
    assert.equal(a.externalId, 'feed:1')
    assert.equal(a.slug, 'العلاقات-الأميركية-العراقية-شراكة-استراتيجية')
    assert.deepEqual(a.category, { id: a.category.id, slug: 'العرب-والعالم', name: 'العرب والعالم' })
    assert.deepEqual(a.tags.map((x) => x.name), ['العراق', 'الولايات المتحدة'])
    assert.deepEqual(a.authors.map((x) => x.slug), ['ليلى-حسن'])
    assert.equal(a.status, 'published')
    assert.equal(a.publishedAt?.toISOString(), PUBLISHED.toISOString())
    assert.equal(a.bodyText, 'الفقرة الأولى.\nالفقرة الثانية.')
  })

  it('updates in place when the external id is already stored', async (t) => {
    const store = await openStore(t)
    const first = await store.transaction((tx) => ingestArticle(tx, incoming()))
    const second = await store.transaction((tx) => ingestArticle(tx, incoming({ title: 'عنوان مصحح', tags: ['دبلوماسية'] })))
    assert.deepEqual(second, { id: first.id, created: false })
    assert.equal(await store.articles.count(), 1)
    const a = (await store.articles.get(first.id))!
    assert.equal(a.title, 'عنوان مصحح')
    assert.equal(a.slug, 'عنوان-مصحح')
    assert.deepEqual(a.tags.map((x) => x.name), ['دبلوماسية'])
  })

  it('stores the same record twice when it has no external id', async (t) => {
    const store = await openStore(t)
    const a = await store.transaction((tx) => ingestArticle(tx, incoming({ externalId: null })))
    const b = await store.transaction((tx) => ingestArticle(tx, incoming({ externalId: null })))
    assert.notEqual(a.id, b.id)
    assert.equal(await store.articles.count(), 2)
  })

  it('reuses a category found by slug and appends new ones at the end of the menu', async (t) => {
    const store = await openStore(t)
    await store.categories.create({ slug: 'سياسة', name: 'سياسة', description: null, parentId: null, position: 4 })
    await store.transaction((tx) => ingestArticle(tx, incoming({ externalId: 'a', categoryName: 'سياسة' })))
    await store.transaction((tx) => ingestArticle(tx, incoming({ externalId: 'b', categoryName: 'تقنية' })))
    const all = await store.categories.all()
    assert.deepEqual(all.map((c) => [c.slug, c.position]), [['سياسة', 4], ['تقنية', 5]])
  })

  it('uses the given category slug', async (t) => {
    const store = await openStore(t)
    const { id } = await store.transaction((tx) => ingestArticle(tx, incoming({ categoryName: 'كرة القدم', categorySlug: 'football' })))
    assert.equal((await store.articles.get(id))!.category.slug, 'football')
  })

  it('rejects an empty category name', async (t) => {
    const store = await openStore(t)
    await assert.rejects(store.transaction((tx) => ingestArticle(tx, incoming({ categoryName: '   ' }))), (e) => {
      assert.ok(e instanceof ValidationError)
      assert.deepEqual(e.problems, { category: 'required' })
      return true
    })
  })

  it('rolls back the category, tags and authors it created when the record fails the rules', async (t) => {
    const store = await openStore(t)
    const bad = incoming({ title: ' ', categoryName: 'قسم جديد', tags: ['وسم جديد'], authors: ['كاتب جديد'] })
    await assert.rejects(store.transaction((tx) => ingestArticle(tx, bad)), (e) => {
      assert.ok(e instanceof ValidationError)
      assert.equal(e.problems.title, 'required')
      return true
    })
    assert.deepEqual(await store.categories.all(), [])
    assert.equal(await store.tags.bySlug('وسم-جديد'), null)
    assert.equal(await store.authors.bySlug('كاتب-جديد'), null)
    assert.equal(await store.articles.count(), 0)
  })

  it('keeps the stored version when an update fails the rules', async (t) => {
    const store = await openStore(t)
    const { id } = await store.transaction((tx) => ingestArticle(tx, incoming()))
    await assert.rejects(store.transaction((tx) => ingestArticle(tx, incoming({ title: '', tags: ['وسم آخر'] }))), ValidationError)
    const a = (await store.articles.get(id))!
    assert.equal(a.title, incoming().title)
    assert.equal(await store.tags.bySlug('وسم-آخر'), null)
  })
})

describe('prepareArticle', () => {
  /** The analyzer the app uses, counting its calls. */
  const countingAnalyzer = () => {
    const counter = { calls: 0, name: 'counting', analyze: (text: string) => (counter.calls++, arabicAnalyzer.analyze(text)) }
    return counter
  }
  /** The store's repositories, with every search entry written also kept in `entries`. */
  const recording = (tx: Repos, entries: SearchDocument[]): Repos => ({
    ...tx, search: { ...tx.search, put: (d) => (entries.push(d), tx.search.put(d)) },
  })

  it('leaves no analysis for the transaction, and the stored article and search entry are the same as unprepared', async (t) => {
    const analyzer = countingAnalyzer()
    const input = incoming({ title: '  العلاقات   الأميركية العراقية  ', dek: 'شراكة استراتيجية بين البلدين' })
    const plain: SearchDocument[] = []
    const ahead: SearchDocument[] = []
    const one = await openStore(t)
    const two = await openStore(t)
    const a = await one.transaction((tx) => ingestArticle(recording(tx, plain), input, { analyzer }))
    const prepared = prepareArticle(input, { analyzer })
    const callsBefore = analyzer.calls
    const b = await two.transaction((tx) => ingestArticle(recording(tx, ahead), prepared, { analyzer }))
    assert.equal(analyzer.calls, callsBefore, 'nothing analyzed inside the transaction')
    assert.deepEqual(ahead, plain)
    const { updatedAt: _u1, ...storedPlain } = (await one.articles.get(a.id))!
    const { updatedAt: _u2, ...storedAhead } = (await two.articles.get(b.id))!
    assert.deepEqual(storedAhead, storedPlain)
  })

  it('analyzes again when given another analyzer than the one it was prepared with', async (t) => {
    const store = await openStore(t)
    const first = countingAnalyzer()
    const second = countingAnalyzer()
    const prepared = prepareArticle(incoming(), { analyzer: first })
    await store.transaction((tx) => ingestArticle(tx, prepared, { analyzer: second }))
    assert.ok(second.calls > 0)
  })
})

import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { ingestArticle, paragraphsToHtml } from '../../src/core/index.js'
import { wireStories } from '../support/newsroom.js'
import { openBoth, openOne, type OpenTwo } from './open-two.js'

const incoming = wireStories('contract')

/** ArticleRepo, through ingestArticle, against two stores on one database. */
export function describeArticleRepo(name: string, openTwo: OpenTwo): void {
  describe(`ArticleRepo contract: ${name}`, () => {
    it('finds an imported article by its external id, and updates it in place on a second import', async (t) => {
      const store = await openOne(t, openTwo)
      const first = await store.transaction((tx) => ingestArticle(tx, incoming({ externalId: 'wire:1', title: 'قمة الرياض' })))
      assert.equal(await store.articles.idByExternalId('wire:1'), first.id)
      const second = await store.transaction((tx) => ingestArticle(tx, incoming({ externalId: 'wire:1', title: 'قمة الرياض تختتم' })))
      assert.deepEqual(second, { id: first.id, created: false })
      assert.equal((await store.articles.get(first.id))?.title, 'قمة الرياض تختتم')
      assert.equal(await store.articles.count(), 1)
    })

    it('stores an article once when two stores ingest the same external id at the same time', async (t) => {
      const [a, b] = await openBoth(t, openTwo)
      const common = { tags: ['العراق'], authors: ['سارة الخطيب'], categoryName: 'العرب والعالم' }
      await ingestArticle(a, incoming(common)) // the desk, tag and author exist: only the article is raced for
      const one = incoming({ externalId: 'wire:race', ...common })
      const results = await Promise.all([ingestArticle(a, one), ingestArticle(b, { ...one, title: 'العنوان المحدث' })])
      assert.equal(results[0].id, results[1].id)
      assert.deepEqual(results.map((r) => r.created).sort(), [false, true], 'one created it, the other updated it')
      assert.equal(await a.articles.count(), 2)
      const stored = await a.articles.get(results[0].id)
      assert.deepEqual(stored?.tags.map((x) => x.name), ['العراق'])
      assert.deepEqual(stored?.authors.map((x) => x.name), ['سارة الخطيب'])
    })

    it('creates a new desk once when two stores ingest articles for it at the same time', async (t) => {
      const [a, b] = await openBoth(t, openTwo)
      const [fromA, fromB] = await Promise.all([
        ingestArticle(a, incoming({ categoryName: 'ثقافة وفنون' })),
        ingestArticle(b, incoming({ categoryName: 'ثقافة وفنون' })),
      ])
      const [storedA, storedB] = await Promise.all([a.articles.get(fromA.id), a.articles.get(fromB.id)])
      assert.equal(storedA?.category.id, storedB?.category.id)
      assert.deepEqual((await a.categories.all()).map((c) => c.name), ['ثقافة وفنون'])
    })

    it('creates a new article and reports it created, or reports the stored one for a taken external id', async (t) => {
      const store = await openOne(t, openTwo)
      const { id } = await store.transaction((tx) => ingestArticle(tx, incoming({ externalId: 'wire:2' })))
      const desk = (await store.categories.all())[0]!
      const record = {
        externalId: 'wire:2', slug: 'اخر', title: 'آخر', dek: null, bodyHtml: paragraphsToHtml(['نص.']), bodyText: 'نص.',
        dateline: null, source: null, categoryId: desk.id, tagIds: [], authorIds: [], status: 'published' as const,
        featured: false, breaking: false, cover: null, publishedAt: new Date('2026-11-29T06:00:00Z'),
        ownerId: null, seoTitle: null, seoDescription: null,
      }
      assert.deepEqual(await store.articles.createUnlessStored(record), { id, created: false })
      assert.notEqual((await store.articles.get(id))?.title, 'آخر', 'the stored article is left as it was')
      const fresh = await store.articles.createUnlessStored({ ...record, externalId: 'wire:3' })
      assert.equal(fresh.created, true)
      assert.equal(await store.articles.idByExternalId('wire:3'), fresh.id)
    })

    it('touches an article’s updated time only, and says so only for an article that exists', async (t) => {
      const store = await openOne(t, openTwo)
      const { id } = await store.transaction((tx) => ingestArticle(tx, incoming()))
      const before = (await store.articles.get(id))!
      const at = new Date('2026-12-01T10:30:00.000Z')
      assert.equal(await store.articles.touch(id, at), true)
      assert.deepEqual(await store.articles.get(id), { ...before, updatedAt: at })
      assert.equal(await store.articles.touch(id + 1000, at), false)
    })
  })
}

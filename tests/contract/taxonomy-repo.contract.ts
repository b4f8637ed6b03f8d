import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { openBoth, openOne, type OpenTwo } from './open-two.js'

const desk = (slug: string, name = slug, position = 1) => ({ slug, name, description: null, parentId: null, position })

/** CategoryRepo, TagRepo and AuthorRepo, against two stores on one database. */
export function describeTaxonomyRepos(name: string, openTwo: OpenTwo): void {
  describe(`TagRepo and AuthorRepo contract: ${name}`, () => {
    it('finds or creates tags by name, in the given order, once per slug', async (t) => {
      const store = await openOne(t, openTwo)
      const first = await store.tags.ensure(['العراق', 'دبلوماسية', 'العراق'])
      assert.deepEqual(first.map((x) => x.name), ['العراق', 'دبلوماسية'])
      const again = await store.tags.ensure(['دبلوماسية', 'العراق'])
      assert.deepEqual(again.map((x) => x.id), [first[1]!.id, first[0]!.id])
      assert.equal((await store.tags.bySlug('العراق'))?.id, first[0]!.id)
    })

    it('creates a tag once when two stores ensure it at the same time', async (t) => {
      const [a, b] = await openBoth(t, openTwo)
      const [fromA, fromB] = await Promise.all([a.tags.ensure(['انتخابات', 'اقتصاد']), b.tags.ensure(['انتخابات', 'اقتصاد'])])
      assert.deepEqual(fromB, fromA)
      assert.deepEqual(fromA.map((x) => x.name), ['انتخابات', 'اقتصاد'])
    })

    it('creates an author once when two stores ensure them at the same time', async (t) => {
      const [a, b] = await openBoth(t, openTwo)
      const [fromA, fromB] = await Promise.all([a.authors.ensure(['سارة الخطيب']), b.authors.ensure(['سارة الخطيب'])])
      assert.deepEqual(fromB, fromA)
      assert.equal((await a.authors.bySlug(fromA[0]!.slug))?.name, 'سارة الخطيب')
    })
  })

  describe(`CategoryRepo contract: ${name}`, () => {
    it('creates a desk, then finds the stored one by slug instead of creating another', async (t) => {
      const store = await openOne(t, openTwo)
      const created = await store.categories.ensure(desk('سياسة', 'سياسة', 3))
      const found = await store.categories.ensure(desk('سياسة', 'اسم آخر', 9))
      assert.deepEqual(found, created)
      assert.deepEqual(await store.categories.bySlug('سياسة'), created)
      assert.equal((await store.categories.all()).length, 1)
    })

    it('creates a desk once when two stores ensure it at the same time', async (t) => {
      const [a, b] = await openBoth(t, openTwo)
      const [fromA, fromB] = await Promise.all([a.categories.ensure(desk('رياضة')), b.categories.ensure(desk('رياضة'))])
      assert.deepEqual(fromB, fromA)
      assert.equal((await a.categories.all()).length, 1)
    })
  })
}

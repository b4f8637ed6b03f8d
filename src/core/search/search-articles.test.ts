import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { NotFoundError, ValidationError } from '../errors.js'
import { ingestArticle } from '../articles/ingest-article.js'
import { paragraphsToHtml } from '../safe-html.js'
import { searchArticles, type SearchInput } from './search-articles.js'
import { minutesAgo, NOW, openNewsroom } from '../../../tests/support/newsroom.js'

type Newsroom = Awaited<ReturnType<typeof openNewsroom>>
const search = (n: Newsroom, q: string, o: Partial<SearchInput> = {}) => searchArticles(n.deps, { q, page: 1, perPage: 10, ...o })
const foundIds = async (n: Newsroom, q: string, o: Partial<SearchInput> = {}) => (await search(n, q, o)).items.map((r) => r.article.id)

describe('searchArticles', () => {
  async function newsroom(t: Parameters<typeof openNewsroom>[0]) {
    const n = await openNewsroom(t)
    const seed = await n.add({
      title: 'البيت الأبيض: العلاقات الأميركية العراقية شراكة استراتيجية',
      paragraphs: ['استقبل الرئيس الأميركي رئيس الوزراء الكاظمي في واشنطن.', 'وبحث الجانبان سياستها الخارجية مع المسؤولين.'],
      categoryName: 'سياسة', tags: ['العراق'], authors: ['سارة حسن'],
    })
    const variants = await n.add({ title: 'لقاءات في بغداد', paragraphs: ['التقى الوفد بالمسؤولين والعراقيين في المكاتب الحكومية.'], categoryName: 'اقتصاد' })
    const split = await n.add({ title: 'جولة في المدينة', paragraphs: ['زار البيت القديم ثم المبنى الأبيض المجاور.'], categoryName: 'ثقافة' })
    return { ...n, seed, variants, split }
  }

  it('finds «الأميركية» when typed «الامريكيه»', async (t) => {
    const n = await newsroom(t)
    const found = await search(n, 'الامريكيه ')
    assert.deepEqual(found.items.map((r) => r.article.id), [n.seed])
    assert.ok(found.items[0]!.title.some((p) => p.hit && p.text === 'الأميركية'))
  })

  for (const [q, why] of [['مسؤول', 'a preposition and a plural'], ['العراق', 'a conjunction and a nisba plural'], ['سياسة', 'a possessive'], ['الكاظمى', 'alef maksura typed for ي']]) {
    it(`finds words through ${why} («${q}»)`, async (t) => {
      const n = await newsroom(t)
      const ids = await foundIds(n, `${q} `)
      assert.ok(ids.length > 0, `«${q}» finds something`)
      if (q === 'مسؤول' || q === 'العراق') assert.ok(ids.includes(n.variants), `«${q}» finds بالمسؤولين / والعراقيين`)
      else assert.ok(ids.includes(n.seed), `«${q}» finds the seed`)
      assert.ok(!ids.includes(n.split))
    })
  }

  it('ranks a title match above a body match', async (t) => {
    const n = await openNewsroom(t)
    const inBody = await n.add({ title: 'أخبار المنطقة', paragraphs: ['وقع الزلزال فجرا في الجبال.'] })
    const inTitle = await n.add({ title: 'الزلزال يضرب الجبال', paragraphs: ['أخبار المنطقة فجرا.'] })
    assert.deepEqual(await foundIds(n, 'الزلزال '), [inTitle, inBody])
    const [first, second] = (await search(n, 'الزلزال ')).items
    assert.ok(first!.score > second!.score)
  })

  it('requires the words of a phrase to be adjacent and in order', async (t) => {
    const n = await newsroom(t)
    assert.deepEqual(await foundIds(n, '"البيت الأبيض"'), [n.seed])
    assert.deepEqual(await foundIds(n, '"الأبيض البيت"'), [])
    assert.deepEqual((await foundIds(n, 'البيت الأبيض ')).sort(), [n.seed, n.split].sort())
  })

  it('leaves out articles matching an exclusion', async (t) => {
    const n = await newsroom(t)
    const all = await foundIds(n, 'العراق ')
    assert.ok(all.includes(n.seed))
    const ids = await foundIds(n, 'العراق -الكاظمي')
    assert.ok(!ids.includes(n.seed))
    assert.ok(ids.includes(n.variants))
    assert.ok(!(await foundIds(n, 'العراق -"البيت الأبيض"')).includes(n.seed))
  })

  it('ranks articles with every word before those with some, and counts both', async (t) => {
    const n = await newsroom(t)
    // variants has one of the words (والعراقيين); the seed has both.
    const found = await search(n, 'العراقيين الكاظمي ')
    assert.deepEqual(found.items.map((r) => r.article.id), [n.seed, n.variants])
    assert.equal(found.total, 2)
    assert.equal(found.pages, 1)
  })

  it('pages through the every-word matches into the some-word matches', async (t) => {
    const n = await openNewsroom(t)
    const both = [await n.add({ title: 'قمة المناخ في دبي' }), await n.add({ title: 'قمة المناخ في دبي' })]
    const some = [await n.add({ title: 'قمة عربية' }), await n.add({ title: 'قمة اقتصادية' })]
    const page1 = await search(n, 'قمة المناخ ', { perPage: 3 })
    const page2 = await search(n, 'قمة المناخ ', { perPage: 3, page: 2 })
    assert.deepEqual([page1.total, page1.pages, page2.total], [4, 2, 4])
    const seen = [...page1.items, ...page2.items].map((r) => r.article.id)
    assert.deepEqual(seen.slice(0, 2).sort(), both.sort())
    assert.deepEqual(seen.slice(2).sort(), some.sort())
  })

  it('filters by desk, including its sub-desks', async (t) => {
    const n = await newsroom(t)
    const parent = (await n.store.categories.bySlug((await n.store.articles.get(n.seed))!.category.slug))!
    const sub = await n.store.categories.create({ slug: 'iraq-desk', name: 'شؤون عراقية', description: null, parentId: parent.id, position: 1 })
    const inSub = await n.add({ title: 'العراق يستعد للانتخابات', categoryName: sub.name, categorySlug: sub.slug })
    const ids = await foundIds(n, 'العراق ', { category: parent.slug })
    assert.deepEqual(ids.sort(), [n.seed, inSub].sort())
    assert.deepEqual(await foundIds(n, 'العراق ', { category: 'iraq-desk' }), [inSub])
  })

  it('filters by tag and by author', async (t) => {
    const n = await newsroom(t)
    const seed = (await n.store.articles.get(n.seed))!
    assert.deepEqual(await foundIds(n, 'العراق ', { tag: seed.tags[0]!.slug }), [n.seed])
    assert.deepEqual(await foundIds(n, 'العراق ', { author: seed.authors[0]!.slug }), [n.seed])
    const found = await search(n, 'العراق ', { tag: seed.tags[0]!.slug })
    assert.equal(found.tag?.slug, seed.tags[0]!.slug)
  })

  it('filters by publication date from and to', async (t) => {
    const n = await openNewsroom(t)
    const old = await n.add({ title: 'تقرير عن الجفاف', publishedAt: new Date('2026-01-10T10:00:00Z') })
    const recent = await n.add({ title: 'تقرير عن الجفاف', publishedAt: new Date('2026-06-10T10:00:00Z') })
    assert.deepEqual(await foundIds(n, 'الجفاف ', { from: new Date('2026-03-01T00:00:00Z') }), [recent])
    assert.deepEqual(await foundIds(n, 'الجفاف ', { to: new Date('2026-03-01T00:00:00Z') }), [old])
    assert.deepEqual(await foundIds(n, 'الجفاف ', { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-02-01T00:00:00Z') }), [old])
    await assert.rejects(search(n, 'الجفاف', { from: new Date('2026-06-01'), to: new Date('2026-01-01') }), ValidationError)
  })

  for (const filter of ['category', 'tag', 'author'] as const) {
    it(`rejects an unknown ${filter} slug with a NotFoundError`, async (t) => {
      const n = await newsroom(t)
      await assert.rejects(search(n, 'العراق', { [filter]: 'no-such-slug' }), (e) => e instanceof NotFoundError && e.message.includes(filter))
    })
  }

  it('answers a page past the end with NotFoundError', async (t) => {
    const n = await newsroom(t)
    await assert.rejects(search(n, 'العراق ', { page: 5 }), NotFoundError)
  })

  it('rejects a query longer than 200 characters and accepts one of 200', async (t) => {
    const n = await newsroom(t)
    await assert.rejects(search(n, 'خ'.repeat(201)), ValidationError)
    assert.equal((await search(n, 'خ'.repeat(200))).total, 0)
  })

  it('finds nothing, without an error, for a query of punctuation', async (t) => {
    const n = await newsroom(t)
    const found = await search(n, '؟!، «» ()*"')
    assert.deepEqual([found.items, found.total, found.pages], [[], 0, 1])
  })

  it('never finds a future-dated or draft article', async (t) => {
    const n = await openNewsroom(t)
    const live = await n.add({ title: 'إعصار في المحيط' })
    await n.add({ title: 'إعصار قادم', publishedAt: new Date(NOW.getTime() + 3_600_000), status: 'scheduled' })
    await n.add({ title: 'إعصار مسودة', status: 'draft' })
    assert.deepEqual(await foundIds(n, 'إعصار '), [live])
    assert.equal((await search(n, 'إعصار ')).total, 1)
  })

  it('updates the index when an article is ingested again under the same external id', async (t) => {
    const n = await openNewsroom(t)
    const id = await n.add({ externalId: 'feed:1', title: 'فيضانات في الجنوب' })
    assert.deepEqual(await foundIds(n, 'فيضانات '), [id])
    const again = await n.add({ externalId: 'feed:1', title: 'حرائق في الشمال' })
    assert.equal(again, id)
    assert.deepEqual(await foundIds(n, 'فيضانات '), [])
    assert.deepEqual(await foundIds(n, 'حرائق '), [id])
    assert.equal(await n.store.search.size(), 1)
  })

  it('leaves no search entry when the transaction fails after the ingest', async (t) => {
    const n = await openNewsroom(t)
    await n.add({ title: 'خبر قائم' })
    const size = await n.store.search.size()
    await assert.rejects(n.store.transaction(async (tx) => {
      await ingestArticle(tx, { externalId: 'feed:rollback', title: 'بركان ثائر', bodyHtml: paragraphsToHtml(['نص']), categoryName: 'سياسة', publishedAt: minutesAgo(5) })
      throw new Error('the import fails after the article')
    }), /fails after/)
    assert.equal(await n.store.search.size(), size)
    assert.deepEqual(await foundIds(n, 'بركان '), [])
    assert.equal(await n.store.articles.idByExternalId('feed:rollback'), null)
  })
})

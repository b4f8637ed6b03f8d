import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { normalizingAnalyzer } from '../../arabic/index.js'
import { searchArticles } from './search-articles.js'
import { ensureSearchIndex, reindexSearch } from './reindex.js'
import { NOW, openNewsroom } from '../../../tests/support/newsroom.js'

type Newsroom = Awaited<ReturnType<typeof openNewsroom>>
const found = async (n: Newsroom, q: string) => (await searchArticles(n.deps, { q, page: 1, perPage: 10 })).items.map((r) => r.article.id)

async function newsroom(t: Parameters<typeof openNewsroom>[0]) {
  const n = await openNewsroom(t)
  const a = await n.add({ title: 'الشراكة العراقية الأميركية في واشنطن', paragraphs: ['بحث الوفد العراقي الشراكة الاستراتيجية'], tags: ['العراق'] })
  const b = await n.add({ title: 'الكاظمي يبحث الشراكة الاستراتيجية', paragraphs: ['المسؤولون العراقيون في واشنطن'] })
  const c = await n.add({ title: 'الفريق يفوز بالمباراة', paragraphs: ['سجل المهاجم هدفين'], categoryName: 'رياضة' })
  const draft = await n.add({ title: 'مسودة عن الشراكة', status: 'draft' })
  return { ...n, a, b, c, draft, deps: { ...n.deps, store: n.store } }
}

describe('reindexSearch', () => {
  it('rebuilds the index from the stored articles after it was emptied', async (t) => {
    const n = await newsroom(t)
    await n.store.search.clear()
    assert.deepEqual(await found(n, 'الشراكة '), [])
    const done = await reindexSearch(n.deps)
    assert.equal(done.indexed, 3, 'the draft is not indexed: readers cannot find it')
    assert.equal(await n.store.search.size(), 3)
    assert.deepEqual((await found(n, 'الشراكة ')).sort(), [n.a, n.b].sort())
  })

  it('drops entries of articles that are no longer stored (clear, then put)', async (t) => {
    const n = await newsroom(t)
    await n.store.search.put({ id: 999, keys: { title: 'شبح', dek: '', body: '' }, stems: { title: 'شبح', dek: '', body: '' } })
    assert.equal(await n.store.search.size(), 4)
    await reindexSearch(n.deps)
    assert.equal(await n.store.search.size(), 3)
  })

  it('indexes with the analyzer it is given', async (t) => {
    const n = await newsroom(t)
    await reindexSearch({ ...n.deps, analyzer: normalizingAnalyzer })
    // Without stems, «العراق» no longer reaches «العراقية» / «العراقي» / «العراقيون».
    assert.deepEqual(await found(n, 'العراق '), [])
    await reindexSearch(n.deps)
    assert.ok((await found(n, 'العراق ')).includes(n.a))
  })

  it('refreshes the related articles of visible articles', async (t) => {
    const n = await newsroom(t)
    await n.store.transaction((tx) => tx.articles.setRelated(n.a, [{ id: n.c, score: 1 }]))
    const done = await reindexSearch(n.deps)
    assert.equal(done.related, 3, 'the draft is not visible')
    const related = await n.store.articles.related((await n.store.articles.get(n.a))!, NOW, 8)
    assert.equal(related[0]!.id, n.b)
    assert.ok(!related.some((r) => r.id === n.c), 'the stale stored list was replaced')
  })

  it('reports progress up to the number of articles', async (t) => {
    const n = await newsroom(t)
    const calls: Array<[number, number]> = []
    await reindexSearch(n.deps, (done, total) => calls.push([done, total]))
    assert.deepEqual(calls.at(-1), [3, 3], 'live articles only')
  })
})

describe('ensureSearchIndex', () => {
  it('does nothing when the index holds one entry per article', async (t) => {
    const n = await newsroom(t)
    // A marker entry replacing a real one: a rebuild would overwrite it.
    await n.store.search.put({ id: n.c, keys: { title: 'علامه', dek: '', body: '' }, stems: { title: 'علام', dek: '', body: '' } })
    assert.equal(await ensureSearchIndex(n.deps), false)
    assert.deepEqual(await found(n, 'علامة '), [n.c])
  })

  it('rebuilds when the counts differ', async (t) => {
    const n = await newsroom(t)
    await n.store.search.remove(n.a)
    assert.equal(await n.store.search.size(), 2)
    assert.equal(await ensureSearchIndex(n.deps), true)
    assert.equal(await n.store.search.size(), 3)
    assert.ok((await found(n, 'الشراكة ')).includes(n.a))
  })
})

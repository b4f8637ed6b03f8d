import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { arabicAnalyzer } from '../../arabic/index.js'
import { parseQuery } from './parse-query.js'
import type { SearchIndex } from './search-index.js'
import { searchArticles } from './search-articles.js'
import { suggestQueries } from './suggest-queries.js'
import { NOW, openNewsroom } from '../../../tests/support/newsroom.js'
import { countIndexSearches } from '../../../tests/support/count-index-searches.js'

type Newsroom = Awaited<ReturnType<typeof openNewsroom>>

async function newsroom(t: Parameters<typeof openNewsroom>[0]) {
  const n = await openNewsroom(t)
  await n.add({ title: 'الكاظمي يزور واشنطن', paragraphs: ['بحث الشراكة مع المسؤولين الأميركيين.'] })
  await n.add({ title: 'العراق يستقبل الوفد', paragraphs: ['وصل الوفد إلى بغداد صباح اليوم.'] })
  await n.add({ title: 'الفريق يفوز بالمباراة', paragraphs: ['سجل المهاجم هدفين.'], categoryName: 'رياضة' })
  return n
}

/** An index that knows every word and finds nothing: no relaxation ever succeeds, the worst case. */
const knowsAllFindsNothing: Partial<SearchIndex> = {
  search: async () => ({ hits: [], total: 0 }),
  documentFrequencies: async (stems) => new Map(stems.map((s) => [s, 1])),
}

/** `count` distinct made-up two-letter words (66 of them fill 197 characters). */
const madeUpWords = (count: number) => [...'ظضذثغصطخشژ'].flatMap((a, _, all) => all.map((b) => a + b)).slice(0, count).join(' ')

const suggest = (n: Newsroom, q: string) => suggestQueries(n.deps, { q })

/** The total the search of a suggestion shows on its first page. */
const totalOf = async (n: Newsroom, q: string, perPage: number) => (await searchArticles(n.deps, { q, page: 1, perPage })).total

describe('suggestQueries', () => {
  for (const words of [2, 8, 30, 66]) {
    it(`runs at most three searches for a ${words}-word query, even when none finds anything`, async (t) => {
      const n = await newsroom(t)
      const q = madeUpWords(words)
      assert.equal(parseQuery(q, arabicAnalyzer).terms.length, words, 'every word is a distinct term')
      const calls = countIndexSearches(t, n.store, knowsAllFindsNothing)
      assert.deepEqual(await suggestQueries(n.deps, { q }), [])
      assert.ok(calls.all <= 3, `${calls.all} searches`)
      assert.ok(calls.some <= 3, `${calls.some} fallback searches`)
      assert.ok(calls.lookups <= 1, `${calls.lookups} word lookups`)
    })
  }

  it('stops searching once its time budget is spent', async (t) => {
    const n = await newsroom(t)
    const calls = countIndexSearches(t, n.store, knowsAllFindsNothing)
    let ms = 0
    const now = () => { const at = ms; ms += 1000; return at }
    await suggestQueries({ ...n.deps, now }, { q: madeUpWords(10) })
    assert.equal(calls.all, 1, 'the first search runs; the budget is gone before the second')
  })

  it('runs no search when the index knows none of the words', async (t) => {
    const n = await newsroom(t)
    const calls = countIndexSearches(t, n.store)
    assert.deepEqual(await suggestQueries(n.deps, { q: 'زلزال بركان ' }), [])
    assert.deepEqual([calls.all, calls.some, calls.lookups], [0, 0, 1])
  })

  it('first suggests the query without the words the index does not know', async (t) => {
    const n = await newsroom(t)
    const found = await suggest(n, 'الكاظمي زلزال واشنطن بركان ')
    assert.deepEqual(found[0], { q: 'الكاظمي واشنطن', total: 1 })
  })

  it('reads the parsed query: no stop words, no repeated words', async (t) => {
    const n = await newsroom(t)
    const found = await suggest(n, 'في الكاظمي الكاظمي زلزال ')
    assert.deepEqual(found, [{ q: 'الكاظمي', total: 1 }])
  })

  it('leaves out the word being typed before the words the index knows', async (t) => {
    const n = await newsroom(t)
    const found = await suggest(n, 'الكاظمي زلزالات')
    assert.deepEqual(found[0], { q: 'الكاظمي', total: 1 })
  })

  it('loosens a phrase no article has into its words', async (t) => {
    const n = await newsroom(t)
    const found = await suggest(n, '"واشنطن الكاظمي" ')
    assert.deepEqual(found[0], { q: 'واشنطن الكاظمي', total: 1 })
  })

  it('drops the words of a phrase the index does not know', async (t) => {
    const n = await newsroom(t)
    const found = await suggest(n, 'الوفد «الكاظمي زلزال» ')
    assert.deepEqual(found[0], { q: 'الوفد الكاظمي', total: 2 })
  })

  it('drops an exclusion that leaves nothing', async (t) => {
    const n = await newsroom(t)
    const found = await suggest(n, 'الكاظمي -واشنطن ')
    assert.deepEqual(found[0], { q: 'الكاظمي', total: 1 })
  })

  it('keeps at most the first eight words it knows', async (t) => {
    const n = await openNewsroom(t)
    const words = ['الكاظمي', 'يزور', 'واشنطن', 'بحث', 'الشراكة', 'المسؤولين', 'الأميركيين', 'الوفد', 'بغداد', 'صباح']
    await n.add({ title: words.join(' ') })
    const found = await suggest(n, `${words.join(' ')} زلزال `)
    assert.deepEqual(found[0], { q: words.slice(0, 8).join(' '), total: 1 })
  })

  for (const perPage of [undefined, 1]) {
    it(`suggests at most three queries, each with the total its search shows with pages of ${perPage ?? 'ten'}`, async (t) => {
      const n = await newsroom(t)
      const found = await suggestQueries(n.deps, { q: 'الكاظمي الوفد العراق "واشنطن زلزال" ', perPage })
      assert.ok(found.length > 0 && found.length <= 3, JSON.stringify(found))
      for (const s of found) assert.equal(s.total, await totalOf(n, s.q, perPage ?? 10), s.q)
    })
  }

  it('suggests nothing for a query longer than a search accepts', async (t) => {
    const n = await newsroom(t)
    assert.deepEqual(await suggest(n, `الكاظمي ${'خ'.repeat(200)}`), [])
  })

  it('counts no article that is not published yet at the clock', async (t) => {
    const n = await newsroom(t)
    await n.add({ title: 'زلزال قادم', publishedAt: new Date(NOW.getTime() + 3_600_000) })
    assert.deepEqual(await suggest(n, '"قادم زلزال" '), [])
  })
})

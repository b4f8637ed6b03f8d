import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { arabicAnalyzer } from '../../src/arabic/index.js'
import { parseQuery, type ParsedQuery, type QueryTerm, type SearchFilters, type Store } from '../../src/core/index.js'
import { addArticle, minutesAgo, NOW, type ArticleOverrides } from '../support/newsroom.js'

type Context = { after(fn: () => Promise<void>): void }
const parse = (q: string) => parseQuery(q, arabicAnalyzer)
const term = (key: string, o: Partial<QueryTerm> = {}): QueryTerm => ({ text: key, key, stems: [key], prefix: false, ...o })
const query = (o: Partial<ParsedQuery>): ParsedQuery => ({ terms: [], phrases: [], excluded: [], ...o })

/**
 * The SearchIndex port (core/search/search-index.ts) as every adapter must keep it: what matches
 * (keys, stems, prefixes, phrases, exclusions, `all` and `some`), what is visible, filters, paging,
 * and the ranking — FTS5's bm25 with Khabar's column weights and recency boost, computed here by
 * hand, so that SQLite and PostgreSQL return the same articles in the same order.
 */
export function describeSearchIndex(name: string, openStore: () => Promise<Store>) {
  async function newsroom(t: Context) {
    const store = await openStore()
    t.after(() => store.close())
    let n = 0
    const add = (o: ArticleOverrides = {}) => addArticle(store, ++n, o)
    const run = (q: ParsedQuery, mode: 'all' | 'some' = 'all', f: Partial<SearchFilters> = {}, page = { offset: 0, limit: 10 }) =>
      store.search.search(q, { visibleAt: NOW, ...f }, page, mode)
    const ids = async (q: ParsedQuery, mode: 'all' | 'some' = 'all', f: Partial<SearchFilters> = {}) => (await run(q, mode, f)).hits.map((h) => h.id)
    return { store, add, run, ids }
  }

  /** Three stories on two words, the shape most cases need. */
  async function summitAndClimate(t: Context) {
    const n = await newsroom(t)
    const both = await n.add({ title: 'قمة المناخ في دبي', paragraphs: ['اجتماع near and or not'] })
    const one = await n.add({ title: 'قمة عربية في الرياض' })
    const other = await n.add({ title: 'المناخ يتغير بسرعة' })
    return { ...n, both, one, other }
  }

  describe(`SearchIndex contract: ${name}`, () => {
    it('accepts any key or stem, however much it looks like query syntax, without error', async (t) => {
      const n = await summitAndClimate(t)
      const hostile = ['a"b', '"', '""', '*', 'قمة*', ':', 'title_k:قمة', '(', ')', '(قمة', 'NEAR', 'NEAR(قمة المناخ)', 'AND', 'OR', 'NOT', '^', '-', '+', '{title_k}', "'", '\\', '%', '_', '2.5']
      for (const s of hostile) {
        for (const prefix of [false, true]) {
          const q = query({ terms: [term(s, { prefix }), term('قمه')], phrases: [[term(s), term('مناخ')]], excluded: [[term(s)], [term(s), term('x')]] })
          for (const mode of ['all', 'some'] as const) await assert.doesNotReject(n.run(q, mode), `${JSON.stringify(s)} prefix=${prefix} ${mode}`)
        }
      }
    })

    it('finds nothing through a key that only looks like query syntax', async (t) => {
      const n = await summitAndClimate(t)
      for (const s of ['NEAR(قمه)', '*', 'title_k:قمه', '(', 'قمه OR مناخ']) assert.equal((await n.run(query({ terms: [term(s)] }))).total, 0, s)
    })

    it('treats a LIKE wildcard in a typed-ahead word as a letter', async (t) => {
      const n = await summitAndClimate(t)
      assert.equal((await n.run(query({ terms: [term('%', { prefix: true })] }))).total, 0)
      assert.equal((await n.run(query({ terms: [term('_', { prefix: true })] }))).total, 0)
    })

    it('runs reader queries with operators, quotes and columns through the analyzer without error', async (t) => {
      const n = await summitAndClimate(t)
      for (const q of ['قمة AND المناخ', 'قمة OR المناخ', 'NOT قمة', 'NEAR(قمة المناخ, 2)', 'title_k:قمة', '"قمة المناخ', 'قمة" المناخ"', '-"', '*قمة', 'قمة*', '(قمة)', '^قمة', 'قمة "" المناخ', 'near and or not']) {
        for (const mode of ['all', 'some'] as const) await assert.doesNotReject(n.run(parse(q), mode), q)
      }
    })

    it('treats AND/OR/NOT/NEAR typed by a reader as words, not operators', async (t) => {
      const n = await summitAndClimate(t)
      // «near» is in one article only; as an operator it would be a syntax error or match more.
      assert.deepEqual(await n.ids(parse('near ')), [n.both])
      assert.deepEqual(await n.ids(parse('قمة not ')), [n.both])
    })

    it('finds in `all` mode the articles with every word', async (t) => {
      const n = await summitAndClimate(t)
      const r = await n.run(parse('قمة المناخ '))
      assert.deepEqual([r.hits.map((h) => h.id), r.total], [[n.both], 1])
    })

    it('finds by a query of seventy words, in both modes, the article holding them', async (t) => {
      // More phrases (a key and stems per word) than one 64-bit mask has bits for.
      const n = await newsroom(t)
      const words = [...'بتثجحخدذرزسشصضطظعغفقكلمنهوي'].flatMap((a, i, all) => [a + all[(i + 1) % all.length] + 'ان', a + all[(i + 2) % all.length] + 'ون', a + 'ات']).slice(0, 70)
      const holder = await n.add({ title: 'خبر طويل', paragraphs: [words.join(' ')] })
      await n.add({ title: 'خبر آخر', paragraphs: [words.slice(0, 35).join(' ')] })
      assert.deepEqual(await n.ids(parse(`${words.join(' ')} `)), [holder])
      const some = await n.run(parse(`${words.join(' ')} غائبة `), 'some')
      assert.ok(some.hits.map((h) => h.id).includes(holder), 'the article with all but one word, in some mode')
    })

    it('finds in `some` mode the articles with some words but not every word', async (t) => {
      const n = await summitAndClimate(t)
      const r = await n.run(parse('قمة المناخ '), 'some')
      assert.deepEqual(r.hits.map((h) => h.id).sort(), [n.one, n.other].sort())
      assert.equal(r.total, 2)
    })

    it('finds nothing in `some` mode for a one-word query', async (t) => {
      const n = await summitAndClimate(t)
      assert.deepEqual(await n.run(parse('قمة '), 'some'), { hits: [], total: 0 })
    })

    it('finds hamza, alef maqsura and ta marbuta variants of a word', async (t) => {
      const n = await newsroom(t)
      const id = await n.add({ title: 'أحلام مستشفى في القاهرة' })
      for (const q of ['احلام ', 'إحلام ', 'مستشفي ', 'القاهره ']) assert.deepEqual(await n.ids(parse(q)), [id], q)
    })

    it('finds a word through its stem: without the article, a clitic or a plural ending', async (t) => {
      const n = await newsroom(t)
      const id = await n.add({ title: 'المعلمون يطالبون بزيادة الرواتب' })
      for (const q of ['معلم ', 'الزيادة ', 'يطالب ']) assert.deepEqual(await n.ids(parse(q)), [id], q)
    })

    it('matches the word being typed as a prefix, and a finished word whole', async (t) => {
      const n = await newsroom(t)
      const id = await n.add({ title: 'انتخابات البرلمان' })
      assert.deepEqual(await n.ids(parse('انتخا')), [id])
      assert.deepEqual(await n.ids(parse('انتخا ')), [])
    })

    it('matches a half-typed word by how it starts after its article, not by the stem its unfinished end suggests', async (t) => {
      const n = await newsroom(t)
      const ending = await n.add({ title: 'وبانتهاء الجولة الأولى' })
      await n.add({ title: 'نتائج الانتخابات' }) // الانتها stems to انت, which انتخابات starts with
      assert.deepEqual(await n.ids(parse('الانتها')), [ending])
    })

    it('matches a quoted phrase only with its words side by side, in order, within one field', async (t) => {
      const n = await newsroom(t)
      const inOrder = await n.add({ title: 'وزير الخارجية يزور دمشق' })
      await n.add({ title: 'الخارجية تستدعي الوزير', paragraphs: ['وزير الدفاع'] })
      await n.add({ title: 'نص عن وزير', dek: 'الخارجية تعلن' })
      assert.deepEqual(await n.ids(parse('"وزير الخارجية"')), [inOrder])
    })

    it('counts every occurrence of a phrase, overlapping ones too, as FTS5 does', async (t) => {
      const n = await newsroom(t)
      const once = await n.add({ title: 'نعم نعم خبر' }) // the newer: first if both counted once
      const twice = await n.add({ title: 'نعم نعم نعم' })
      assert.deepEqual(await n.ids(parse('"نعم نعم"')), [twice, once])
    })

    it('leaves out articles holding an excluded word or phrase', async (t) => {
      const n = await summitAndClimate(t)
      assert.deepEqual(await n.ids(parse('قمة -دبي')), [n.one])
      assert.deepEqual((await n.ids(parse('قمة -"المناخ في"'))), [n.one])
    })

    it('scores a hit as FTS5 bm25 with the column weights, times the recency boost', async (t) => {
      const n = await newsroom(t)
      const ids = [await n.add(), await n.add(), await n.add(), await n.add(), await n.add()]
      const [a, b] = ids as [number, number]
      // Entries written directly on an emptied index, so every token count is known: D = 3, 4, 2, 2, 2.
      await n.store.search.clear()
      const put = (id: number, title: string, body: string) =>
        n.store.search.put({ id, keys: { title, dek: '', body }, stems: { title: '', dek: '', body: 'صخر' } })
      await put(a, 'نهر', 'نهر')
      await put(b, 'جبل', 'نهر نهر')
      for (const id of ids.slice(2)) await put(id, 'سهل', '')
      const N = 5, avgdl = 13 / 5, k1 = 1.2, bb = 0.75
      const idf = (df: number) => Math.max(1e-6, Math.log((N - df + 0.5) / (df + 0.5))) // clamped, as fts5_aux.c does
      const bm25 = (df: number, freq: number, D: number) => idf(df) * (freq * (k1 + 1)) / (freq + k1 * (1 - bb + bb * D / avgdl))
      const boost = (id: number) => 1 + 0.1 / (1 + (NOW.getTime() - minutesAgo(ids.indexOf(id) + 1).getTime()) / 86_400_000 / 30)
      const close = (hits: Array<{ id: number; score: number }>, expected: Array<{ id: number; score: number }>) => {
        assert.deepEqual(hits.map((h) => h.id), expected.map((e) => e.id))
        hits.forEach((h, i) => assert.ok(Math.abs(h.score / expected[i]!.score - 1) < 1e-9, `${h.score} ≠ ${expected[i]!.score}`))
      }
      // a: once in the title (weight 5) and once in the body (1); b: twice in the body.
      close((await n.run(query({ terms: [term('نهر', { stems: [] })] }))).hits,
        [{ id: a, score: bm25(2, 6, 3) * boost(a) }, { id: b, score: bm25(2, 2, 4) * boost(b) }])
      // A stem in every article: its idf is clamped, shorter entries still rank first (body stem weight 0.8).
      const everywhere = (await n.run(query({ terms: [term('ليس', { stems: ['صخر'] })] }))).hits
      close(everywhere, [...ids.slice(2), a, b].map((id) => ({ id, score: bm25(5, 0.8, id === a ? 3 : id === b ? 4 : 2) * boost(id) })))
    })

    it('scores by article counts that follow entries replaced and removed', async (t) => {
      const n = await newsroom(t)
      const ids: number[] = []
      for (let i = 0; i < 7; i++) ids.push(await n.add())
      const [a, b, c, d] = ids as [number, number, number, number]
      await n.store.search.clear()
      const put = (id: number, title: string, body: string) =>
        n.store.search.put({ id, keys: { title, dek: '', body }, stems: { title: '', dek: '', body: 'صخر' } })
      await put(a, 'نهر', 'نهر')
      await put(b, 'جبل', 'نهر نهر')
      await put(c, 'نهر', '')
      await put(d, 'نهر', '')
      for (const id of ids.slice(4)) await put(id, 'سهل', '')
      // c no longer holds نهر, d is gone: نهر is in 2 of 6 entries, D = 3, 4, 2, 2, 2, 2.
      await put(c, 'سهل', '')
      await n.store.search.remove(d)
      const N = 6, avgdl = 15 / 6, k1 = 1.2, bb = 0.75
      const idf = (df: number) => Math.max(1e-6, Math.log((N - df + 0.5) / (df + 0.5)))
      const bm25 = (df: number, freq: number, D: number) => idf(df) * (freq * (k1 + 1)) / (freq + k1 * (1 - bb + bb * D / avgdl))
      const boost = (id: number) => 1 + 0.1 / (1 + (NOW.getTime() - minutesAgo(ids.indexOf(id) + 1).getTime()) / 86_400_000 / 30)
      const hits = (await n.run(query({ terms: [term('نهر', { stems: [] })] }))).hits
      const expected = [{ id: a, score: bm25(2, 6, 3) * boost(a) }, { id: b, score: bm25(2, 2, 4) * boost(b) }]
      assert.deepEqual(hits.map((h) => h.id), expected.map((e) => e.id))
      hits.forEach((h, i) => assert.ok(Math.abs(h.score / expected[i]!.score - 1) < 1e-9, `${h.score} ≠ ${expected[i]!.score}`))
    })

    it('scores every word of an all-words match in full, a rare word beside a common or a middling one', async (t) => {
      // PostgreSQL reads a common word's postings for the rare word's articles alone (looked up
      // one by one, or filtered): the scores must not change with the path.
      const n = await newsroom(t)
      const ids: number[] = []
      for (let i = 0; i < 130; i++) ids.push(await n.add())
      const [a, b, c] = ids as [number, number, number]
      await n.store.search.clear()
      const tokens = new Map<number, number>()
      const put = async (id: number, title: string, body: string) => {
        tokens.set(id, [title, body, 'صخر'].join(' ').split(' ').filter(Boolean).length)
        await n.store.search.put({ id, keys: { title, dek: '', body }, stems: { title: '', dek: '', body: 'صخر' } })
      }
      await put(a, 'قمر', 'نهر نهر نهر جبل')
      await put(b, 'نهر', 'قمر جبل')
      await put(c, 'قمر', '')
      for (const [i, id] of ids.slice(3, 63).entries()) await put(id, '', i < 10 ? 'نهر جبل' : 'نهر')
      for (const id of ids.slice(63)) await put(id, 'سهل', '')
      // قمر in 3 entries, جبل in 12, نهر in 62 of 130.
      const N = 130, avgdl = [...tokens.values()].reduce((x, y) => x + y) / N, k1 = 1.2, bb = 0.75
      const idf = (df: number) => Math.max(1e-6, Math.log((N - df + 0.5) / (df + 0.5)))
      const bm25 = (df: number, freq: number, id: number) => idf(df) * (freq * (k1 + 1)) / (freq + k1 * (1 - bb + bb * tokens.get(id)! / avgdl))
      const boost = (id: number) => 1 + 0.1 / (1 + (NOW.getTime() - minutesAgo(ids.indexOf(id) + 1).getTime()) / 86_400_000 / 30)
      const words = (...keys: string[]) => query({ terms: keys.map((k) => term(k, { stems: [] })) })
      const expect = async (q: ParsedQuery, expected: Array<{ id: number; score: number }>) => {
        const { hits, total } = await n.run(q)
        expected.sort((x, y) => y.score - x.score)
        assert.deepEqual(hits.map((h) => h.id), expected.map((e) => e.id))
        assert.equal(total, expected.length)
        hits.forEach((h, i) => assert.ok(Math.abs(h.score / expected[i]!.score - 1) < 1e-9, `${h.score} ≠ ${expected[i]!.score}`))
      }
      // Title hits weigh 5, body hits 1.
      await expect(words('قمر', 'نهر'), [
        { id: a, score: (bm25(3, 5, a) + bm25(62, 3, a)) * boost(a) },
        { id: b, score: (bm25(3, 1, b) + bm25(62, 5, b)) * boost(b) },
      ])
      await expect(words('قمر', 'جبل'), [
        { id: a, score: (bm25(3, 5, a) + bm25(12, 1, a)) * boost(a) },
        { id: b, score: (bm25(3, 1, b) + bm25(12, 1, b)) * boost(b) },
      ])
      await expect(words('قمر', 'نهر', 'جبل'), [
        { id: a, score: (bm25(3, 5, a) + bm25(62, 3, a) + bm25(12, 1, a)) * boost(a) },
        { id: b, score: (bm25(3, 1, b) + bm25(62, 5, b) + bm25(12, 1, b)) * boost(b) },
      ])
    })

    it('ranks a title match above the same word in a body, and a rare word above a common one', async (t) => {
      const n = await newsroom(t)
      const inBody = await n.add({ title: 'خبر أول', paragraphs: ['زلزال في المنطقة'] })
      const inTitle = await n.add({ title: 'زلزال قوي', paragraphs: ['تفاصيل'] })
      for (let i = 0; i < 4; i++) await n.add({ title: `المنطقة ${i}`, paragraphs: ['المنطقة'] })
      assert.deepEqual(await n.ids(parse('زلزال ')), [inTitle, inBody])
      const some = await n.ids(parse('زلزال المنطقة مطر '), 'some')
      assert.deepEqual(some.slice(0, 2).sort(), [inBody, inTitle].sort())
    })

    it('finds only articles visible at the given time, and counts only those', async (t) => {
      const n = await newsroom(t)
      const seen = await n.add({ title: 'موازنة العام' })
      await n.add({ title: 'موازنة مؤجلة', status: 'scheduled', publishedAt: new Date(NOW.getTime() + 3_600_000) })
      const r = await n.run(parse('موازنة '))
      assert.deepEqual([r.hits.map((h) => h.id), r.total], [[seen], 1])
    })

    it('filters by desk, tag, author and date range, best first', async (t) => {
      const n = await newsroom(t)
      const sport = await n.add({ title: 'ملعب جديد', categoryName: 'رياضة', tags: ['كرة'], authors: ['سلمى'] })
      const sportOld = await n.add({ title: 'ملعب قديم ملعب', categoryName: 'رياضة', publishedAt: minutesAgo(60 * 24 * 40) })
      const politics = await n.add({ title: 'ملعب السياسة', categoryName: 'سياسة', tags: ['كرة'] })
      const desk = (await n.store.articles.get(sport))!.category.id
      const tag = (await n.store.tags.ensure(['كرة']))[0]!.id
      const author = (await n.store.authors.ensure(['سلمى']))[0]!.id
      const q = parse('ملعب ')
      assert.deepEqual((await n.ids(q, 'all', { categoryIds: [desk] })).sort(), [sport, sportOld].sort())
      assert.deepEqual((await n.ids(q, 'all', { tagId: tag })).sort(), [sport, politics].sort())
      assert.deepEqual(await n.ids(q, 'all', { authorId: author }), [sport])
      assert.deepEqual((await n.ids(q, 'all', { from: minutesAgo(60 * 24) })).sort(), [sport, politics].sort())
      assert.deepEqual(await n.ids(q, 'all', { to: minutesAgo(60 * 24) }), [sportOld])
      assert.deepEqual(await n.ids(q, 'all', { categoryIds: [] }), [])
      const ranked = await n.run(q, 'all', { categoryIds: [desk] })
      assert.deepEqual(ranked.hits.map((h) => h.id), [sportOld, sport], 'the title holding the word twice first')
    })

    it('pages with offset and limit while total counts every match, filtered or not', async (t) => {
      const n = await summitAndClimate(t)
      for (const f of [{}, { from: minutesAgo(600) }]) {
        const page = await n.run(parse('قمة '), 'all', f, { offset: 1, limit: 1 })
        assert.deepEqual([page.hits.length, page.total], [1, 2])
        const past = await n.run(parse('قمة '), 'all', f, { offset: 5, limit: 1 })
        assert.deepEqual([past.hits.length, past.total], [0, 2])
      }
    })

    it('counts documents per stem, over keys and stems alike', async (t) => {
      const n = await summitAndClimate(t)
      const df = await n.store.search.documentFrequencies(['قمه', 'مناخ', 'دبي', 'غيرموجود'])
      assert.deepEqual([df.get('قمه'), df.get('مناخ'), df.get('دبي'), df.has('غيرموجود')], [2, 2, 1, false])
      assert.equal((await n.store.search.documentFrequencies([])).size, 0)
    })

    it('knows its size and forgets a removed article', async (t) => {
      const n = await summitAndClimate(t)
      assert.equal(await n.store.search.size(), 3)
      await n.store.search.remove(n.both)
      assert.equal(await n.store.search.size(), 2)
      assert.deepEqual((await n.run(parse('دبي '))).hits, [])
      await n.store.search.remove(n.both)
      assert.equal(await n.store.search.size(), 2, 'removing twice is harmless')
    })

    it('replaces an entry on a second put', async (t) => {
      const n = await summitAndClimate(t)
      await n.store.search.put({ id: n.one, keys: { title: 'بديل', dek: '', body: '' }, stems: { title: 'بديل', dek: '', body: '' } })
      assert.equal(await n.store.search.size(), 3)
      assert.deepEqual(await n.ids(parse('بديل ')), [n.one])
      assert.deepEqual((await n.run(parse('الرياض '))).hits, [])
    })

    it('empties on clear', async (t) => {
      const n = await summitAndClimate(t)
      await n.store.search.clear()
      assert.equal(await n.store.search.size(), 0)
      assert.equal((await n.run(parse('قمة '))).total, 0)
    })
  })
}

import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { arabicAnalyzer } from '../../arabic/index.js'
import { parseQuery, type ParsedQuery, type QueryTerm } from '../../core/index.js'
import { toFtsMatch } from './fts-search-index.js'
import { NOW, openNewsroom } from '../../../tests/support/newsroom.js'

type Newsroom = Awaited<ReturnType<typeof openNewsroom>>
const parse = (q: string) => parseQuery(q, arabicAnalyzer)
const term = (key: string, o: Partial<QueryTerm> = {}): QueryTerm => ({ text: key, key, stems: [key], prefix: false, ...o })
const query = (o: Partial<ParsedQuery>): ParsedQuery => ({ terms: [], phrases: [], excluded: [], ...o })
const run = (n: Newsroom, q: ParsedQuery, mode: 'all' | 'some' = 'all') => n.store.search.search(q, { visibleAt: NOW }, { offset: 0, limit: 10 }, mode)

async function newsroom(t: Parameters<typeof openNewsroom>[0]) {
  const n = await openNewsroom(t)
  const both = await n.add({ title: 'قمة المناخ في دبي', paragraphs: ['اجتماع near and or not'] })
  const one = await n.add({ title: 'قمة عربية في الرياض' })
  const other = await n.add({ title: 'المناخ يتغير بسرعة' })
  return { ...n, both, one, other }
}

describe('toFtsMatch', () => {
  const hostile = [
    'a"b', '"', '""', '*', 'قمة*', ':', 'title_k:قمة', '(', ')', '(قمة', 'NEAR', 'NEAR(قمة المناخ)', 'AND', 'OR', 'NOT', '^', '-', '+', '{title_k}', "'", '\\',
  ]

  it('quotes every key and stem, so no query text can break the FTS5 syntax', async (t) => {
    const n = await newsroom(t)
    for (const s of hostile) {
      for (const prefix of [false, true]) {
        const q = query({ terms: [term(s, { prefix }), term('قمه')], phrases: [[term(s), term('مناخ')]], excluded: [[term(s)], [term(s), term('x')]] })
        for (const mode of ['all', 'some'] as const) {
          await assert.doesNotReject(run(n, q, mode), `${JSON.stringify(s)} prefix=${prefix} ${mode}`)
        }
      }
    }
  })

  it('finds nothing through a key that only looks like FTS5 syntax', async (t) => {
    const n = await newsroom(t)
    for (const s of ['NEAR(قمه)', '*', 'title_k:قمه', '(', 'قمه OR مناخ']) assert.equal((await run(n, query({ terms: [term(s)] }))).total, 0, s)
  })

  it('runs reader queries with operators, quotes and columns through the analyzer without error', async (t) => {
    const n = await newsroom(t)
    for (const q of ['قمة AND المناخ', 'قمة OR المناخ', 'NOT قمة', 'NEAR(قمة المناخ, 2)', 'title_k:قمة', '"قمة المناخ', 'قمة" المناخ"', '-"', '*قمة', 'قمة*', '(قمة)', '^قمة', 'قمة "" المناخ', 'near and or not']) {
      const parsed = parse(q)
      for (const mode of ['all', 'some'] as const) await assert.doesNotReject(run(n, parsed, mode), q)
    }
  })

  it('treats AND/OR/NOT/NEAR typed by a reader as words, not operators', async (t) => {
    const n = await newsroom(t)
    // «near» is in one article only; as an operator it would be a syntax error or match more.
    assert.deepEqual((await run(n, parse('near '))).hits.map((h) => h.id), [n.both])
    assert.deepEqual((await run(n, parse('قمة not '))).hits.map((h) => h.id), [n.both])
  })

  it('returns null when there is nothing positive to match', () => {
    assert.equal(toFtsMatch(query({})), null)
    assert.equal(toFtsMatch(query({ excluded: [[term('قمه')]] })), null)
  })

  it('returns null in `some` mode for fewer than two words', () => {
    assert.equal(toFtsMatch(query({ terms: [term('قمه')] }), 'some'), null)
    assert.equal(toFtsMatch(query({ phrases: [[term('قمه'), term('مناخ')]] }), 'some'), null)
    assert.notEqual(toFtsMatch(query({ terms: [term('قمه'), term('مناخ')] }), 'some'), null)
  })

  it('doubles a double quote inside a key', () => {
    assert.match(toFtsMatch(query({ terms: [term('a"b')] }))!, /"a""b"/)
  })
})

describe('FTS search index', () => {
  it('finds in `all` mode the articles with every word', async (t) => {
    const n = await newsroom(t)
    const r = await run(n, parse('قمة المناخ '))
    assert.deepEqual([r.hits.map((h) => h.id), r.total], [[n.both], 1])
  })

  it('finds in `some` mode the articles with some words but not every word', async (t) => {
    const n = await newsroom(t)
    const r = await run(n, parse('قمة المناخ '), 'some')
    assert.deepEqual(r.hits.map((h) => h.id).sort(), [n.one, n.other].sort())
    assert.equal(r.total, 2)
  })

  it('finds nothing in `some` mode for a one-word query', async (t) => {
    const n = await newsroom(t)
    assert.deepEqual(await run(n, parse('قمة '), 'some'), { hits: [], total: 0 })
  })

  it('pages with offset and limit while total counts every match', async (t) => {
    const n = await newsroom(t)
    const page = await n.store.search.search(parse('قمة '), { visibleAt: NOW }, { offset: 1, limit: 1 })
    assert.equal(page.hits.length, 1)
    assert.equal(page.total, 2)
  })

  it('counts documents per stem', async (t) => {
    const n = await newsroom(t)
    const df = await n.store.search.documentFrequencies(['قمه', 'مناخ', 'دبي', 'غيرموجود'])
    assert.deepEqual([df.get('قمه'), df.get('مناخ'), df.get('دبي'), df.has('غيرموجود')], [2, 2, 1, false])
    assert.equal((await n.store.search.documentFrequencies([])).size, 0)
  })

  it('knows its size and forgets a removed article', async (t) => {
    const n = await newsroom(t)
    assert.equal(await n.store.search.size(), 3)
    await n.store.search.remove(n.both)
    assert.equal(await n.store.search.size(), 2)
    assert.deepEqual((await run(n, parse('دبي '))).hits, [])
    await n.store.search.remove(n.both)
    assert.equal(await n.store.search.size(), 2, 'removing twice is harmless')
  })

  it('replaces an entry on a second put', async (t) => {
    const n = await newsroom(t)
    await n.store.search.put({ id: n.one, keys: { title: 'بديل', dek: '', body: '' }, stems: { title: 'بديل', dek: '', body: '' } })
    assert.equal(await n.store.search.size(), 3)
    assert.deepEqual((await run(n, parse('بديل '))).hits.map((h) => h.id), [n.one])
    assert.deepEqual((await run(n, parse('الرياض '))).hits, [])
  })

  it('empties on clear', async (t) => {
    const n = await newsroom(t)
    await n.store.search.clear()
    assert.equal(await n.store.search.size(), 0)
  })
})

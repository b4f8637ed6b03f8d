import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { arabicAnalyzer } from '../../arabic/index.js'
import { parseQuery } from './parse-query.js'
import { buildSnippet, SNIPPET_WORDS, type SnippetPart } from './snippet.js'

const snippet = (text: string, q: string) => buildSnippet(arabicAnalyzer, text, parseQuery(q, arabicAnalyzer))
const hits = (parts: SnippetPart[]) => parts.filter((p) => p.hit).map((p) => p.text)
const plain = (parts: SnippetPart[]) => parts.map((p) => p.text).join('')
const filler = (n: number, word = 'كلام') => Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ')

describe('buildSnippet', () => {
  it('marks the word as the article writes it when the query has no hamza or harakat', () => {
    const parts = snippet('وقالت الإدارةُ الأميركيّة إن الشراكة مستمرة.', 'الاميركيه ')
    assert.deepEqual(hits(parts), ['الأميركيّة'])
    assert.equal(plain(parts), 'وقالت الإدارةُ الأميركيّة إن الشراكة مستمرة.')
  })

  it('marks clitic, plural and possessive variants of a query word', () => {
    const parts = snippet('التقى الوفد بالمسؤولين العراقيين لبحث سياستها.', 'مسؤول العراق سياسة ')
    assert.deepEqual(hits(parts), ['بالمسؤولين', 'العراقيين', 'سياستها'])
  })

  it('does not mark words the query does not ask for', () => {
    assert.deepEqual(hits(snippet('خبر عن الاقتصاد', 'العراق ')), [])
  })

  it('picks the window with the most distinct query words', () => {
    const text = `${filler(40)} العراق ${filler(40, 'حشو')} العراق والكاظمي ${filler(40, 'نص')}`
    const parts = snippet(text, 'العراق الكاظمي ')
    assert.ok(hits(parts).includes('والكاظمي'), plain(parts))
    assert.match(plain(parts), /العراق والكاظمي/)
  })

  it('prefers more distinct words over more repeats of one word', () => {
    const text = `العراق العراق العراق العراق ${filler(40)} إيران والعراق ${filler(40, 'نص')}`
    assert.deepEqual(new Set(hits(snippet(text, 'العراق إيران '))), new Set(['إيران', 'والعراق']))
  })

  it('adds "…" where the passage is cut', () => {
    const text = `${filler(50)} العراق ${filler(50, 'نص')}`
    const parts = snippet(text, 'العراق ')
    assert.ok(plain(parts).startsWith('… '), plain(parts).slice(0, 20))
    assert.ok(plain(parts).endsWith(' …'), plain(parts).slice(-20))
    assert.equal(arabicAnalyzer.analyze(plain(parts)).length, SNIPPET_WORDS)
  })

  it('adds no "…" to a text short enough to show whole', () => {
    const parts = snippet('العراق يستقبل الوفد.', 'العراق ')
    assert.equal(plain(parts), 'العراق يستقبل الوفد.')
  })

  it('starts at the beginning without "…" when the best window is there', () => {
    const parts = snippet(`العراق ${filler(60)}`, 'العراق ')
    assert.ok(plain(parts).startsWith('العراق'))
    assert.ok(plain(parts).endsWith(' …'))
  })

  it('marks words that start with the word being typed', () => {
    assert.deepEqual(hits(snippet('زار الكاظمي واشنطن', 'الكاظ')), ['الكاظمي'])
  })

  it('marks by the start of a half-typed word, not by the stem its unfinished end suggests', () => {
    // الانتها stems to انت (ها read as a pronoun): انتخابات starts with that, not with انتها.
    assert.deepEqual(hits(snippet('بعد الانتخابات وبانتهاء الجولة', 'الانتها')), ['وبانتهاء'])
  })

  it('does not mark by prefix once the reader has finished the word', () => {
    assert.deepEqual(hits(snippet('زار الكاظمي واشنطن', 'الكاظ ')), [])
  })

  it('marks the words of a phrase', () => {
    assert.deepEqual(hits(snippet('قال البيت الأبيض إن', '"البيت الأبيض"')), ['البيت', 'الأبيض'])
  })

  it('folds whitespace between words to single spaces', () => {
    assert.equal(plain(snippet('العراق\n\n  يستقبل\tالوفد', 'العراق ')), 'العراق يستقبل الوفد')
  })

  it('finds the words in a long story whether they open it or come late', () => {
    const early = snippet(`العراق يستقبل الوفد ${filler(600)}`, 'العراق ')
    assert.deepEqual(hits(early), ['العراق'])
    assert.ok(plain(early).endsWith('…'))
    const late = snippet(`${filler(600)} ثم وصل الوفد إلى العراق مساء`, 'العراق ')
    assert.deepEqual(hits(late), ['العراق'])
    assert.ok(plain(late).startsWith('… '))
  })

  for (const title of ['"البيت الأبيض": شراكة مع العراق', '«البيت الأبيض» يستقبل وفد العراق', '(تحليل) البيت الأبيض والعراق']) {
    it(`keeps the opening mark of ${title.slice(0, 12)}…`, () => {
      assert.equal(plain(snippet(title, 'العراق')), title)
    })
  }

  it('does not open with the whitespace before the first word', () => {
    assert.equal(plain(snippet('\n  «العراق» اليوم', 'العراق')), '«العراق» اليوم')
  })

  it('returns no parts for an empty text', () => {
    assert.deepEqual(snippet('', 'العراق'), [])
    assert.deepEqual(snippet(' ؟! ', 'العراق'), [])
  })
})

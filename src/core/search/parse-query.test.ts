import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { arabicAnalyzer } from '../../arabic/index.js'
import { isSearchable, parseQuery, QUERY_MAX, type ParsedQuery } from './parse-query.js'

const parse = (q: string) => parseQuery(q, arabicAnalyzer)
const keys = (terms: ParsedQuery['terms']) => terms.map((t) => t.key)
const prefixes = (q: ParsedQuery) => q.terms.filter((t) => t.prefix).map((t) => t.key)

describe('parseQuery', () => {
  it('reads bare words as terms with key, stems and the text as typed', () => {
    const q = parse('بالعراق الأميركية ')
    assert.deepEqual(q.terms.map((t) => [t.text, t.key, t.stems]), [
      ['بالعراق', 'بالعراق', ['عراق']],
      ['الأميركية', 'الاميركيه', ['امريك']],
    ])
    assert.deepEqual([q.phrases, q.excluded], [[], []])
  })

  for (const [open, close, name] of [['"', '"', 'straight quotes'], ['«', '»', 'guillemets'], ['“', '”', 'curly quotes']] as const) {
    it(`reads a phrase in ${name}`, () => {
      const q = parse(`${open}البيت الأبيض${close} العراق `)
      assert.deepEqual(q.phrases.map(keys), [['البيت', 'الابيض']])
      assert.deepEqual(keys(q.terms), ['العراق'])
    })
  }

  it('reads a quoted single word as a plain word', () => {
    const q = parse('"العراق"')
    assert.deepEqual(keys(q.terms), ['العراق'])
    assert.deepEqual(q.phrases, [])
  })

  it('keeps stop words inside phrases', () => {
    assert.deepEqual(parse('"في البيت الأبيض"').phrases.map(keys), [['في', 'البيت', 'الابيض']])
  })

  it('reads -word as an exclusion', () => {
    const q = parse('العراق -إيران')
    assert.deepEqual(keys(q.terms), ['العراق'])
    assert.deepEqual(q.excluded.map(keys), [['ايران']])
  })

  it('reads -"phrase" as an excluded phrase', () => {
    const q = parse('العراق -"البيت الأبيض"')
    assert.deepEqual(q.excluded.map(keys), [['البيت', 'الابيض']])
    assert.deepEqual(q.phrases, [])
  })

  it('reads -«phrase» with guillemets as an excluded phrase', () => {
    assert.deepEqual(parse('العراق -«البيت الأبيض»').excluded.map(keys), [['البيت', 'الابيض']])
  })

  it('drops stop words when a content word remains', () => {
    assert.deepEqual(keys(parse('ماذا قال الرئيس في بغداد ').terms), ['الرءيس', 'بغداد'])
  })

  it('drops stop words when a phrase remains', () => {
    const q = parse('في "البيت الأبيض"')
    assert.deepEqual(q.terms, [])
    assert.equal(q.phrases.length, 1)
  })

  it('keeps stop words when nothing else remains', () => {
    assert.deepEqual(keys(parse('من هو ').terms), ['من', 'هو'])
  })

  it('matches the last word as a prefix when the input ends right after it', () => {
    assert.deepEqual(prefixes(parse('العراق الأمير')), ['الامير'])
  })

  it('matches no prefix when the input ends with a space', () => {
    assert.deepEqual(prefixes(parse('العراق الأمير ')), [])
  })

  it('matches no prefix when the input ends with a closing quote', () => {
    assert.deepEqual(prefixes(parse('العراق "البيت الأبيض"')), [])
    assert.deepEqual(prefixes(parse('«العراق»')), [])
  })

  it('matches no prefix on a one-letter last word', () => {
    assert.deepEqual(prefixes(parse('العراق و')), [])
  })

  it('matches no prefix on an earlier word when the last one is a dropped stop word', () => {
    const q = parse('العراق في')
    assert.deepEqual(keys(q.terms), ['العراق'])
    assert.deepEqual(prefixes(q), [])
  })

  it('matches no prefix on an excluded last word', () => {
    const q = parse('العراق -إيران')
    assert.deepEqual(prefixes(q), [])
    assert.ok(q.excluded[0]!.every((t) => !t.prefix))
  })

  it('finds nothing to match in punctuation', () => {
    const q = parse('؟!، «» - ""')
    assert.deepEqual([q.terms, q.phrases, q.excluded], [[], [], []])
  })
})

describe('isSearchable', () => {
  it('is true with a word or a phrase', () => {
    assert.equal(isSearchable(parse('العراق')), true)
    assert.equal(isSearchable(parse('"البيت الأبيض"')), true)
  })

  it('is false with only exclusions, punctuation or nothing', () => {
    assert.equal(isSearchable(parse('-العراق')), false)
    assert.equal(isSearchable(parse('؟!')), false)
    assert.equal(isSearchable(parse('')), false)
  })
})

describe('QUERY_MAX', () => {
  it('is 200 characters, the limit the API schema and the form state', () => {
    assert.equal(QUERY_MAX, 200)
  })
})

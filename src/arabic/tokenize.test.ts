import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFixtureTable, type FixtureCase as Case } from '../../tests/support/fixture-table.js'
import { tokenize, tokenKey } from './tokenize.js'

const cases = readFixtureTable('tokenize.tsv')
const todo = (c: Case) => (c.note.startsWith('bug:') ? c.note : undefined)
const texts = (s: string) => tokenize(s).map((t) => t.text)

describe('tokenize (tests/fixtures/arabic/tokenize.tsv)', () => {
  it('has a table of cases', () => {
    assert.ok(cases.length >= 20, `only ${cases.length} cases read`)
  })

  for (const c of cases) {
    it(`splits ${c.note} (line ${c.line})`, { todo: todo(c) }, () => {
      assert.deepEqual(texts(c.input), c.expected === '' ? [] : c.expected.split('|'))
    })
  }

  for (const c of cases) {
    it(`gives offsets that slice back to the written text: ${c.note} (line ${c.line})`, () => {
      let previousEnd = 0
      for (const t of tokenize(c.input)) {
        assert.equal(c.input.slice(t.start, t.end), t.text)
        assert.ok(t.start >= previousEnd, 'tokens are in order and do not overlap')
        previousEnd = t.end
      }
    })
  }
})

describe('tokenize kinds and keys', () => {
  it('labels Arabic, Latin and number tokens', () => {
    assert.deepEqual(tokenize('ذا فويس The Voice 2026 ٢٠٢٦').map((t) => t.kind), ['arabic', 'arabic', 'latin', 'latin', 'number', 'number'])
  })

  it('gives one canonical key to a number written with Arabic or Western separators', () => {
    const [western] = tokenize('1,250.5')
    const [arabic] = tokenize('١٬٢٥٠٫٥')
    const [persian] = tokenize('۱۲۵۰٫۵')
    assert.equal(tokenKey(western!), '1250.5')
    assert.equal(tokenKey(arabic!), '1250.5')
    assert.equal(tokenKey(persian!), '1250.5')
  })

  it('keys Persian digits as Western digits', () => {
    assert.equal(tokenKey(tokenize('۱۴۰۲')[0]!), '1402')
  })

  it('keys a word with harakat and tatweel without them, while its text keeps them', () => {
    const [a, b] = tokenize('مُحَمَّدٌ عـــربيّ')
    assert.equal(a!.text, 'مُحَمَّدٌ')
    assert.equal(tokenKey(a!), 'محمد')
    assert.equal(b!.text, 'عـــربيّ')
    assert.equal(tokenKey(b!), 'عربي')
  })

  it('keys Latin words lower-cased', () => {
    assert.deepEqual(tokenize('MBC The Voice').map(tokenKey), ['mbc', 'the', 'voice'])
  })

  it('keeps the offsets of a hashtag’s words inside the original text', () => {
    const text = 'شارك #عاصي_الحلاني اليوم'
    const [, first, second] = tokenize(text)
    assert.deepEqual([first!.start, first!.end, second!.start, second!.end], [6, 10, 11, 18])
    assert.equal(text.slice(first!.start, second!.end), 'عاصي_الحلاني')
  })

  it('keeps offsets exact after combining marks and a ZWNJ', () => {
    const text = 'قال «مُحَمَّدٌ» می\u200Cخواهم، ثم'
    for (const t of tokenize(text)) assert.equal(text.slice(t.start, t.end), t.text)
    assert.equal(tokenize(text).length, 4)
  })
})

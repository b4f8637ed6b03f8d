import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { analyzerWithStemmer, arabicAnalyzer, normalizingAnalyzer } from './analyze.js'
import { stems } from './stem.js'

describe('arabicAnalyzer', () => {
  it('gives each token its key, its stems and whether it is a stop word', () => {
    const tokens = arabicAnalyzer.analyze('في بمصر الأميركية')
    assert.deepEqual(tokens.map((t) => [t.text, t.key, t.stems, t.stop]), [
      ['في', 'في', ['في'], true],
      ['بمصر', 'بمصر', ['بمصر', 'مصر'], false],
      ['الأميركية', 'الاميركيه', ['امريك'], false],
    ])
  })

  it('keeps the token text and offsets as written', () => {
    const text = 'قال «الرئيسُ» ذلك'
    for (const t of arabicAnalyzer.analyze(text)) assert.equal(text.slice(t.start, t.end), t.text)
    assert.equal(arabicAnalyzer.analyze(text)[1]!.text, 'الرئيسُ')
  })

  it('stems Arabic tokens with stems() of their key', () => {
    for (const t of arabicAnalyzer.analyze('والعراقيين بالرياض سياستها وزير')) assert.deepEqual(t.stems, stems(t.key))
  })

  it('lower-cases Latin words and does not stem them', () => {
    const [t] = arabicAnalyzer.analyze('Emirates')
    assert.equal(t!.key, 'emirates')
    assert.deepEqual(t!.stems, ['emirates'])
    assert.equal(t!.kind, 'latin')
  })

  it('marks English function words as stop words', () => {
    assert.deepEqual(arabicAnalyzer.analyze('The Voice').map((t) => t.stop), [true, false])
  })

  it('does not stem numbers: their canonical key is their only stem', () => {
    const [t] = arabicAnalyzer.analyze('١٬٢٥٠')
    assert.equal(t!.kind, 'number')
    assert.deepEqual([t!.key, t!.stems], ['1250', ['1250']])
  })

  it('drops tokens with an empty key (a lone tatweel)', () => {
    assert.deepEqual(arabicAnalyzer.analyze('ـ  ـ'), [])
  })

  it('gives the same analysis on repeated calls (memo)', () => {
    const text = 'الأميركية بالعراق 2026 The'
    const first = arabicAnalyzer.analyze(text)
    const second = arabicAnalyzer.analyze(text)
    assert.deepEqual(second, first)
  })

  it('gives a remembered word the offsets of its new position', () => {
    arabicAnalyzer.analyze('العراقية')
    const [, t] = arabicAnalyzer.analyze('في العراقية')
    assert.deepEqual([t!.start, t!.end, t!.text], [3, 11, 'العراقية'])
  })
})

describe('normalizingAnalyzer', () => {
  it('uses the key as the only stem', () => {
    for (const t of normalizingAnalyzer.analyze('بمصر الأميركية والعراقيين 2026 MBC')) assert.deepEqual(t.stems, [t.key])
    assert.equal(normalizingAnalyzer.analyze('الأميركية')[0]!.key, 'الاميركيه')
  })

  it('still marks stop words', () => {
    assert.deepEqual(normalizingAnalyzer.analyze('في مصر').map((t) => t.stop), [true, false])
  })

  it('does not share its memo with the stemming analyzer', () => {
    arabicAnalyzer.analyze('بمصر')
    assert.deepEqual(normalizingAnalyzer.analyze('بمصر')[0]!.stems, ['بمصر'])
    assert.deepEqual(arabicAnalyzer.analyze('بمصر')[0]!.stems, ['بمصر', 'مصر'])
  })
})

describe('analyzerWithStemmer', () => {
  it('applies the stemmer to Arabic tokens only', () => {
    const a = analyzerWithStemmer('test', () => 'STEM')
    assert.deepEqual(a.analyze('مصر MBC 2026').map((t) => t.stems), [['STEM'], ['mbc'], ['2026']])
    assert.equal(a.name, 'test')
  })
})

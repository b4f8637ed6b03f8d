import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { ARABIC_WORDS_PER_MINUTE, readingMinutes, readingTimeLabel, wordCountLabel } from './reading-time.js'

const words = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 ? 'كلمة' : 'خبر')).join(' ')

describe('readingMinutes', () => {
  it('reads Arabic at 138 words per minute', () => {
    assert.equal(ARABIC_WORDS_PER_MINUTE, 138)
    assert.equal(readingMinutes(words(138)), 1)
    assert.equal(readingMinutes(words(276)), 2)
    assert.equal(readingMinutes(words(1380)), 10)
  })

  it('rounds to the nearest minute', () => {
    assert.equal(readingMinutes(words(138 + 68)), 1) // 1.49
    assert.equal(readingMinutes(words(138 + 70)), 2) // 1.51
  })

  it('never gives less than one minute, even for empty text', () => {
    assert.equal(readingMinutes(''), 1)
    assert.equal(readingMinutes('خبر'), 1)
  })

  it('counts words, not punctuation or spacing', () => {
    const spaced = words(276).replace(/ /g, ' ،  ')
    assert.equal(readingMinutes(spaced), 2)
    assert.equal(readingMinutes('، . ! ؟'.repeat(500)), 1)
  })

  it('counts digits as words', () => {
    assert.equal(readingMinutes(Array.from({ length: 414 }, (_, i) => String(i)).join(' ')), 3)
  })
})

describe('readingTimeLabel', () => {
  const cases: Array<[number, string]> = [
    [1, 'دقيقة واحدة'],
    [2, 'دقيقتان'],
    [3, '3 دقائق'],
    [7, '7 دقائق'],
    [10, '10 دقائق'],
    [103, '103 دقائق'],
    [110, '110 دقائق'],
    [111, '111 دقيقة'],
    [200, '200 دقيقة'],
    [11, '11 دقيقة'],
    [25, '25 دقيقة'],
    [99, '99 دقيقة'],
  ]
  for (const [n, label] of cases) {
    it(`says «${label}» for ${n}`, () => {
      assert.equal(readingTimeLabel(n), label)
    })
  }

  it('says «دقيقة واحدة» for anything under one minute', () => {
    assert.equal(readingTimeLabel(0), 'دقيقة واحدة')
  })

  it('labels a measured text', () => {
    assert.equal(readingTimeLabel(readingMinutes(words(138 * 3))), '3 دقائق')
  })
})

describe('wordCountLabel', () => {
  const cases: Array<[number, string]> = [
    [0, '0 كلمة'], [1, 'كلمة واحدة'], [2, 'كلمتان'], [3, '3 كلمات'], [10, '10 كلمات'], [11, '11 كلمة'],
    [99, '99 كلمة'], [100, '100 كلمة'], [103, '103 كلمات'], [111, '111 كلمة'], [1000, '1000 كلمة'],
  ]
  for (const [n, label] of cases) {
    it(`says «${label}» for ${n}`, () => {
      assert.equal(wordCountLabel(n), label)
    })
  }
})

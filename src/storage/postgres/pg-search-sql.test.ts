import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { termRange } from './pg-search-sql.js'

describe('termRange', () => {
  // Bytewise, as `term COLLATE "C"` sorts: UTF-8 byte order is code point order.
  const inRange = ([lo, hi]: [string, string], term: string) => Buffer.compare(Buffer.from(term), Buffer.from(lo)) >= 0 && Buffer.compare(Buffer.from(term), Buffer.from(hi)) < 0

  it('holds a word alone when it is whole', () => {
    const r = termRange('قمه', false)
    assert.deepEqual(['قمه', 'قمها', 'قم', 'قمي'].map((t) => inRange(r, t)), [true, false, false, false])
  })

  it('holds every word a prefix starts, and no other', () => {
    const r = termRange('انتخا', true)
    assert.deepEqual(['انتخا', 'انتخابات', 'انتخب', 'انتح', 'انتخ'].map((t) => inRange(r, t)), [true, true, false, false, false])
  })

  it('moves past the surrogate block and stops at the last code point', () => {
    assert.equal(termRange('a\ud7ff', true)[1], 'a\ue000')
    assert.ok(inRange(termRange('a\u{10ffff}', true), 'a\u{10ffff}b'))
  })
})

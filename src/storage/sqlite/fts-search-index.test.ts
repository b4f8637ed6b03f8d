import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { ParsedQuery, QueryTerm } from '../../core/index.js'
import { toFtsMatch } from './fts-search-index.js'

// What the index finds and how it ranks is the SearchIndex contract (tests/contract/); here, only
// how FTS5 is spoken to.
const term = (key: string, o: Partial<QueryTerm> = {}): QueryTerm => ({ text: key, key, stems: [key], prefix: false, ...o })
const query = (o: Partial<ParsedQuery>): ParsedQuery => ({ terms: [], phrases: [], excluded: [], ...o })

describe('toFtsMatch', () => {
  it('quotes every key, doubling a double quote, so no query text can break the FTS5 syntax', () => {
    assert.match(toFtsMatch(query({ terms: [term('a"b')] }))!, /"a""b"/)
    assert.equal(toFtsMatch(query({ terms: [term('قمه OR مناخ', { prefix: true })] })),
      '(({title_k dek_k body_k} : "قمه OR مناخ"*) OR ({title_s dek_s body_s} : "قمه OR مناخ"*))')
  })

  it('returns null when the plan has nothing to match', () => {
    assert.equal(toFtsMatch(query({ excluded: [[term('قمه')]] })), null)
    assert.equal(toFtsMatch(query({ terms: [term('قمه')] }), 'some'), null)
  })
})

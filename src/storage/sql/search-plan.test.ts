import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { ParsedQuery, QueryTerm } from '../../core/index.js'
import { planSearch } from './search-plan.js'

const term = (key: string, o: Partial<QueryTerm> = {}): QueryTerm => ({ text: key, key, stems: [key], prefix: false, ...o })
const query = (o: Partial<ParsedQuery>): ParsedQuery => ({ terms: [], phrases: [], excluded: [], ...o })
const keys = (text: string, prefix = false) => ({ phrase: { text, prefix, columns: 'keys' as const } })
const stems = (text: string, prefix = false) => ({ phrase: { text, prefix, columns: 'stems' as const } })

describe('planSearch', () => {
  it('returns null when there is nothing positive to match', () => {
    assert.equal(planSearch(query({})), null)
    assert.equal(planSearch(query({ excluded: [[term('قمه')]] })), null)
  })

  it('returns null in `some` mode for fewer than two words', () => {
    assert.equal(planSearch(query({ terms: [term('قمه')] }), 'some'), null)
    assert.equal(planSearch(query({ phrases: [[term('قمه'), term('مناخ')]] }), 'some'), null)
    assert.notEqual(planSearch(query({ terms: [term('قمه'), term('مناخ')] }), 'some'), null)
  })

  it('matches a word by its key or any of its stems', () => {
    assert.deepEqual(planSearch(query({ terms: [term('بعمل', { stems: ['عمل', 'بعمل'] })] })), { and: [{ or: [keys('بعمل'), stems('عمل'), stems('بعمل')] }] })
  })

  it('matches a word being typed by the start of its key and of its unsuffixed stem, and by its stems of three letters or more whole', () => {
    assert.deepEqual(planSearch(query({ terms: [term('الانتها', { stems: ['انت', 'نت'], prefix: true })] })),
      { and: [{ or: [keys('الانتها', true), stems('انتها', true), stems('انت')] }] })
    assert.deepEqual(planSearch(query({ terms: [term('العن', { stems: ['عن'], prefix: true })] })), { and: [{ or: [keys('العن', true)] }] })
  })

  it('leaves common stems out of the `some` part, and a word common in every reading out altogether', () => {
    const plan = planSearch(query({ terms: [term('بعمل', { stems: ['عمل'] }), term('في')] }), 'some', new Set(['عمل', 'في']))
    assert.deepEqual(plan, { and: [{ not: [
      { or: [{ or: [keys('بعمل')] }] },
      { and: [{ or: [keys('بعمل'), stems('عمل')] }, { or: [keys('في'), stems('في')] }] },
    ] }] })
  })

  it('takes out every excluded group, a phrase by its keys in order', () => {
    const plan = planSearch(query({ terms: [term('قمه')], excluded: [[term('دبي')], [term('قمه'), term('مناخ')]] }))
    assert.deepEqual(plan, { not: [{ not: [{ and: [{ or: [keys('قمه'), stems('قمه')] }] }, { or: [keys('دبي'), stems('دبي')] }] }, keys('قمه مناخ')] })
  })
})

import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFixtureTable, type FixtureCase as Case } from '../../tests/support/fixture-table.js'
import { searchKey } from './search-key.js'

const cases = readFixtureTable('search-key.tsv')
const todo = (c: Case) => (c.note.startsWith('bug:') ? c.note : undefined)

describe('searchKey (tests/fixtures/arabic/search-key.tsv)', () => {
  it('has a table of cases', () => {
    assert.ok(cases.length >= 30, `only ${cases.length} cases read`)
  })

  for (const c of cases) {
    it(`folds ${c.note} (line ${c.line})`, { todo: todo(c) }, () => {
      assert.equal(searchKey(c.input), c.expected)
    })
  }

  for (const c of cases) {
    it(`is idempotent on ${c.note} (line ${c.line})`, () => {
      const once = searchKey(c.input)
      assert.equal(searchKey(once), once)
    })
  }
})

describe('searchKey as a matcher', () => {
  it('gives the same key to hamza, teh marbuta and alef maksura variants of one phrase', () => {
    const variants = ['الأميركية', 'الاميركيه', 'الأمِيرِكِيَّة', 'الإميركيـة', 'ﺍﻷﻣﻴﺮﻛﻴﺔ']
    const keys = new Set(variants.map(searchKey))
    assert.deepEqual([...keys], ['الاميركيه'])
  })

  it('matches Persian-keyboard spelling with the Arabic one', () => {
    assert.equal(searchKey('کاظمی'), searchKey('كاظمي'))
  })

  it('leaves distinct letters distinct', () => {
    assert.notEqual(searchKey('قلب'), searchKey('كلب'))
    assert.notEqual(searchKey('عالم'), searchKey('علم'))
  })
})


import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { parseIsoDate } from './iso-date.js'

const instant = (text: string) => {
  const d = parseIsoDate(text)
  return d instanceof Date ? d.toISOString() : d.problem
}

describe('parseIsoDate', () => {
  it('reads a day, a time and a zone as the instant they name', () => {
    assert.equal(instant('2020-02-29'), '2020-02-29T00:00:00.000Z')
    assert.equal(instant('2026-03-01T00:00:00+03:00'), '2026-02-28T21:00:00.000Z')
    assert.equal(instant('2018-02-28T10:15:30.25-05:30'), '2018-02-28T15:45:30.250Z')
  })

  it('refuses calendar fields that do not exist instead of rolling them over', () => {
    for (const text of ['2018-02-31', '2019-02-29', '2018-13-01', '2018-02-28T24:00Z', '2018-02-28T10:00+25:00']) {
      assert.equal(instant(text), `not a calendar date: ${text}`)
    }
  })

  it('refuses what is not the ISO 8601 extended format', () => {
    for (const text of ['0', '2018', '20180228', '2018-2-28', '2018-02-28 10:15', 'Feb 28 2018']) {
      assert.equal(instant(text), 'not an ISO 8601 date')
    }
  })
})

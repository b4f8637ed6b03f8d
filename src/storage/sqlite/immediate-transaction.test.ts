import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { backoffMs } from './immediate-transaction.js'

describe('backoffMs', () => {
  it('doubles from 1 ms up to its ceiling, each pause within ±50%', () => {
    for (let attempt = 0; attempt < 12; attempt++) {
      for (const max of [10, 50]) {
        const base = Math.min(max, 2 ** attempt)
        for (let k = 0; k < 50; k++) {
          const ms = backoffMs(attempt, max)
          assert.ok(ms >= base * 0.5 && ms <= base * 1.5, `attempt ${attempt}, ceiling ${max}: ${ms} ms`)
        }
      }
    }
  })

  it('keeps the site, with a lower ceiling, trying more often than an import once both have waited', () => {
    const mean = (max: number) => Array.from({ length: 2000 }, () => backoffMs(8, max)).reduce((a, b) => a + b) / 2000
    assert.ok(mean(10) < mean(50) / 3, `${mean(10)} ms vs ${mean(50)} ms`)
  })
})

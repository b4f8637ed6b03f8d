import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { searchKey } from './search-key.js'
import { STOP_WORDS } from './stop-words.js'
import { arabicAnalyzer } from './analyze.js'

describe('STOP_WORDS', () => {
  it('is written as search keys, so a normalized query word is found in it', () => {
    for (const w of STOP_WORDS) assert.equal(searchKey(w), w, `${w} is a search key`)
  })

  it('holds the common particles however they are spelt', () => {
    for (const w of ['في', 'من', 'على', 'إلى', 'عن', 'أن', 'إن', 'التي', 'الذي', 'هذه', 'حتى', 'لدى', 'هؤلاء', 'أولئك']) {
      assert.ok(STOP_WORDS.has(searchKey(w)), `${w} is a stop word`)
    }
  })

  it('holds no topic words', () => {
    for (const w of ['العراق', 'مصر', 'الرئيس', 'حكومة', 'سياسة', 'الأميركية', 'لبنان', 'الكاظمي']) {
      assert.ok(!STOP_WORDS.has(searchKey(w)), `${w} is not a stop word`)
    }
  })

  it('is what the analyzer marks as stop', () => {
    assert.deepEqual(arabicAnalyzer.analyze('قال إن الرئيس في بغداد').map((t) => t.stop), [true, true, false, true, false])
  })
})

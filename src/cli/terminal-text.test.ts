import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { terminalText } from './terminal-text.js'

describe('terminalText', () => {
  for (const [raw, shown, why] of [
    ['\u001b[31mأحمر\u001b[0m', '\\u001b[31mأحمر\\u001b[0m', 'ESC, which starts terminal escape sequences'],
    ['a\u0007b\u0000c\bd', 'a\\u0007b\\u0000c\\u0008d', 'other C0 controls (bell, NUL, backspace)'],
    ['line\nbreak\r\ttab', 'line\\u000abreak\\u000d\\u0009tab', 'line breaks and tabs: one printed line stays one line'],
    ['\u007f\u0085\u009b', '\\u007f\\u0085\\u009b', 'DEL and C1 controls (CSI is U+009B)'],
    ['\u202eabc\u202c \u2066x\u2069 \u202a\u202b\u202d \u2067\u2068', '\\u202eabc\\u202c \\u2066x\\u2069 \\u202a\\u202b\\u202d \\u2067\\u2068', 'bidi embeddings, overrides and isolates'],
    ['\u2028\u2029', '\\u2028\\u2029', 'line and paragraph separators'],
    ['خبر عاجل: field \'title\' — «نص» 123 ١٢٣ \u200f\u061c', 'خبر عاجل: field \'title\' — «نص» 123 ١٢٣ \u200f\u061c', 'printable text, Arabic and its marks, unchanged'],
  ] as const) {
    it(`escapes ${why}`, () => assert.equal(terminalText(raw), shown))
  }
})

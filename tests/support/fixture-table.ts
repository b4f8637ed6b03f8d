import { readFileSync } from 'node:fs'

export interface FixtureCase { input: string; expected: string; note: string; line: number }

/**
 * Rows of `tests/fixtures/arabic/<name>`: `input<TAB>expected<TAB>note`, `#` comments and the
 * header skipped; `\uXXXX` escapes spell invisible or combining characters.
 */
export function readFixtureTable(name: string): FixtureCase[] {
  const text = readFileSync(new URL(`../fixtures/arabic/${name}`, import.meta.url), 'utf8')
  const unescape = (s: string) => s.replace(/\\u([0-9A-Fa-f]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
  return text.split('\n').flatMap((row, i) => {
    if (!row || row.startsWith('#') || row === 'input\texpected\tnote') return []
    const [input = '', expected = '', note = ''] = row.split('\t')
    return [{ input: unescape(input), expected: unescape(expected), note, line: i + 1 }]
  })
}

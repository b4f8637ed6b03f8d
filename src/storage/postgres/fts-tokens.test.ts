import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import BetterSqlite3 from 'better-sqlite3'
import { ftsTokens, TOKEN_MAX } from './fts-tokens.js'

/** The tokens SQLite's FTS5 makes of each text, with the tokenizer migration 002 declares. */
function fts5Tokens(texts: string[]): string[][] {
  const db = new BetterSqlite3(':memory:')
  try {
    db.exec(`CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 remove_diacritics 0');
      CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')`)
    const insert = db.prepare('INSERT INTO t (rowid, x) VALUES (?, ?)')
    texts.forEach((text, i) => insert.run(i + 1, text))
    const out: string[][] = texts.map(() => [])
    for (const r of db.prepare('SELECT term, doc FROM v ORDER BY doc, offset').all() as Array<{ term: string; doc: number }>) out[r.doc - 1]!.push(r.term)
    return out
  } finally {
    db.close()
  }
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i)

describe('ftsTokens', () => {
  it('splits and folds ASCII, Latin-1 and the Arabic blocks exactly as FTS5 unicode61 does', () => {
    // Each character between two letters: a separator gives two tokens, a word character one.
    const chars = [...range(0x20, 0x24f), ...range(0x600, 0x6ff), ...range(0x750, 0x77f), 0x200c, 0x200d, 0x640]
      // Where FTS5 differs, none in an analyzed key: case folds of µ İ ſ; U+0605 and U+061D,
      // unassigned in SQLite's Unicode tables; U+061C, a format mark searchKey removes.
      .filter((c) => ![0xb5, 0x130, 0x17f, 0x605, 0x61c, 0x61d].includes(c))
    const texts = chars.map((c) => `a${String.fromCodePoint(c)}b`)
    const expected = fts5Tokens(texts)
    const differ = texts.filter((t, i) => ftsTokens(t).join(' ') !== expected[i]!.join(' ')).map((t) => t.codePointAt(1)!.toString(16))
    assert.deepEqual(differ, [])
  })

  it('tokenizes analyzed keys and stems as FTS5 does, a decimal number as two tokens', () => {
    const texts = ['قمه المناخ دبي', '2.5 مليار', 'covid19 g20', 'a"b (قمه) title_k:قمه', 'NEAR(قمه) OR']
    assert.deepEqual(texts.map(ftsTokens), fts5Tokens(texts))
  })

  it(`cuts a token to ${TOKEN_MAX} characters, so it fits a btree entry`, () => {
    assert.deepEqual(ftsTokens(`${'ب'.repeat(TOKEN_MAX + 50)} قمه`), ['ب'.repeat(TOKEN_MAX), 'قمه'])
  })
})

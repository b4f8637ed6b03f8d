import { searchKey } from './search-key.js'

export type TokenKind = 'arabic' | 'latin' | 'number'

/** A word as written, with where it stands in the original text (for highlighting). */
export interface Token {
  /** The characters as written, harakat and tatweel included. */
  text: string
  start: number
  end: number
  kind: TokenKind
}

// One alternation, tried left to right at each position:
// 1. numbers: Western, Arabic-Indic (U+0660–U+0669) or Persian (U+06F0–U+06F9) digits, with
//    thousands and decimal separators inside (1,250.5 · ١٬٢٥٠٫٥); a separator at the end is punctuation.
// 2. Arabic words: letters U+0621–U+063A, U+0641–U+064A, U+066E–U+06D3, U+06D5, U+06FA–U+06FF,
//    supplements U+0750–U+077F and U+08A0–U+08FF, presentation forms U+FB50–U+FDFF and
//    U+FE70–U+FEFC, plus what sits inside written words: harakat U+064B–U+065F, superscript alef
//    U+0670, Quranic marks U+06D6–U+06ED, tatweel U+0640, ZWNJ/ZWJ U+200C–U+200D.
// 3. Latin words, digits attached (G20, COVID19, iPhone).
// Everything else separates words: spaces, punctuation (، ؛ ؟ « »), '#' and '_' of hashtags, so
// #عاصي_الحلاني gives two words.
// Groups by position, not name: a match then carries no `groups` object (tokenizing is on every
// search's snippets and every import's hot path).
const WORD = new RegExp([
  '([0-9\\u0660-\\u0669\\u06F0-\\u06F9]+(?:[.,\\u066B\\u066C][0-9\\u0660-\\u0669\\u06F0-\\u06F9]+)*)',
  '([\\u0621-\\u063A\\u0641-\\u064A\\u066E-\\u06D3\\u06D5\\u06FA-\\u06FF\\u0750-\\u077F\\u08A0-\\u08FF\\uFB50-\\uFDFF\\uFE70-\\uFEFC\\u064B-\\u065F\\u0670\\u06D6-\\u06ED\\u0640\\u200C\\u200D]+)',
  '([\\p{Script=Latin}0-9][\\p{Script=Latin}\\p{M}0-9]*)',
].join('|'), 'gu')

const LETTER = /[^\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200C\u200D]/

/** Calls `visit` with each word of a mixed Arabic / Latin / digits text, in order, with its offsets. */
export function forEachToken(text: string, visit: (text: string, start: number, kind: TokenKind) => void): void {
  WORD.lastIndex = 0 // the loop runs to the end without yielding: no other call sees this regex midway
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const kind: TokenKind = m[1] !== undefined ? 'number' : m[2] !== undefined ? 'arabic' : 'latin'
    // A run of marks or tatweel alone ("ـ") is not a word.
    if (kind === 'arabic' && !LETTER.test(m[0])) continue
    visit(m[0], m.index, kind)
  }
}

/** The words of a mixed Arabic / Latin / digits text, in order, with their offsets. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  forEachToken(text, (word, start, kind) => tokens.push({ text: word, start, end: start + word.length, kind }))
  return tokens
}

/**
 * The matching key of one token: {@link searchKey}, and for numbers one canonical spelling —
 * Arabic decimal separator U+066B as ".", thousands separators ("," and U+066C) removed.
 */
export function tokenKey(token: Token): string {
  const key = searchKey(token.text)
  return token.kind === 'number' ? key.replace(/\u066B/g, '.').replace(/[,\u066C]/g, '') : key
}

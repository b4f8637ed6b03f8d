/**
 * The tokens FTS5's `unicode61` tokenizer (remove_diacritics 0, as migration 002 declares it)
 * makes of a text, so that PostgreSQL indexes and matches exactly the tokens SQLite does: runs of
 * letters (L*), digits (N*) and private-use characters (Co), case-folded; everything else
 * separates (a number key such as `2.5` is two tokens, `2` and `5`, matched as a phrase).
 * Checked against SQLite itself for ASCII, Latin-1 and the Arabic blocks (fts-tokens.test.ts).
 * Known differences, none reachable through Khabar's analyzer (its keys are NFKC-normalized and
 * lowercased, marks removed): characters unassigned in SQLite's older Unicode tables, and a few
 * case folds (ς, µ, ſ) where FTS5 folds further than `toLowerCase`.
 */
export function ftsTokens(text: string): string[] {
  return text.toLowerCase().split(SEPARATORS).filter((t) => t.length > 0).map(capped)
}

const SEPARATORS = /[^\p{L}\p{N}\p{Co}]+/u

/**
 * PostgreSQL's btree holds entries of at most ~2.7 kB, so a token is cut to its first
 * {@link TOKEN_MAX} characters (4 bytes each at most), at index time and at query time alike: a
 * 300-letter "word" is garbage text, and it still finds itself.
 */
export const TOKEN_MAX = 256
const capped = (t: string) => (t.length <= TOKEN_MAX ? t : Array.from(t).slice(0, TOKEN_MAX).join(''))

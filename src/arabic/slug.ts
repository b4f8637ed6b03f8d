// Harakat U+064B–U+065F, superscript alef U+0670, tatweel U+0640, zero-width and bidi controls
// (U+200B–U+200F, U+202A–U+202E, U+2066–U+2069) and the BOM: never part of a slug.
const INVISIBLE = /[\u064B-\u065F\u0670\u0640\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g

/**
 * A readable URL slug that keeps Arabic letters (browsers show them; the wire carries them
 * percent-encoded). Harakat, tatweel and punctuation go; runs of spaces become one hyphen;
 * Latin is lower-cased. Limited to `maxWords` words so headlines make short URLs. A name with no
 * letters or digits at all (`—`, `📰`) is spelled by its code points (`u2014`), so it never gets
 * an empty slug — which would make `//` links — and two such names never share one. Only blank
 * text gives `''`.
 */
export function slugify(text: string, maxWords = 8): string {
  return wordSlug(text, maxWords) || Array.from(fold(text).replace(/\s+/g, '')).slice(0, 8).map((c) => `u${c.codePointAt(0)!.toString(16)}`).join('-')
}

/**
 * {@link slugify}'s words only: `''` for text without letters or digits, for callers whose paths
 * carry an id and so prefer a word of their own (an article's `article`) to spelt code points.
 */
export function wordSlug(text: string, maxWords = 8): string {
  return fold(text).match(/[\p{L}\p{N}]+/gu)?.slice(0, maxWords).join('-') ?? ''
}

const fold = (text: string) => text.normalize('NFKC').replace(INVISIBLE, '').toLowerCase()

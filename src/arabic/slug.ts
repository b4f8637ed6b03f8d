/**
 * A readable URL slug that keeps Arabic letters (browsers show them; the wire carries them
 * percent-encoded). Harakat, tatweel and punctuation go; runs of spaces become one hyphen;
 * Latin is lower-cased. Limited to `maxWords` words so headlines make short URLs.
 */
export function slugify(text: string, maxWords = 8): string {
  const words = text
    .normalize('NFKC')
    .replace(/[\u064B-\u065F\u0670\u0640\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, '')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu) ?? []
  return words.slice(0, maxWords).join('-')
}

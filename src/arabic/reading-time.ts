/**
 * Adult silent reading speed for Arabic text: 138 words per minute in the IReST study
 * (Trauzettel-Klosinski et al., "Standardized Assessment of Reading Performance: The New
 * International Reading Speed Texts IReST", IOVS 2012), well below the 200–250 wpm that
 * English-calibrated estimators assume. Arabic words carry attached clitics, so counting
 * space-separated words is the right unit here.
 */
export const ARABIC_WORDS_PER_MINUTE = 138

/** Minutes a reader needs for a text, at least one. */
export function readingMinutes(text: string): number {
  const words = text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0
  return Math.max(1, Math.round(words / ARABIC_WORDS_PER_MINUTE))
}

/** Arabic number agreement, which follows the last two digits: 3–10 take the plural, everything else the singular. */
function counted(n: number, one: string, two: string, plural: string, singular: string): string {
  if (n === 1) return one
  if (n === 2) return two
  const lastTwo = n % 100
  return lastTwo >= 3 && lastTwo <= 10 ? `${n} ${plural}` : `${n} ${singular}`
}

/**
 * "دقيقة واحدة", "دقيقتان", "3 دقائق", "11 دقيقة", "103 دقائق": Arabic number agreement for
 * minutes, which follows the last two digits (3–10 take the plural, everything else the singular).
 */
export function readingTimeLabel(minutes: number): string {
  return counted(Math.max(1, minutes), 'دقيقة واحدة', 'دقيقتان', 'دقائق', 'دقيقة')
}

/** "كلمة واحدة", "كلمتان", "3 كلمات", "11 كلمة", "0 كلمة": a word count, with the same agreement as minutes. */
export function wordCountLabel(words: number): string {
  return counted(words, 'كلمة واحدة', 'كلمتان', 'كلمات', 'كلمة')
}

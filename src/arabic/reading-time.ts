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

/**
 * "دقيقة واحدة", "دقيقتان", "3 دقائق", "11 دقيقة", "103 دقائق": Arabic number agreement for
 * minutes, which follows the last two digits (3–10 take the plural, everything else the singular).
 */
export function readingTimeLabel(minutes: number): string {
  if (minutes <= 1) return 'دقيقة واحدة'
  if (minutes === 2) return 'دقيقتان'
  const lastTwo = minutes % 100
  return lastTwo >= 3 && lastTwo <= 10 ? `${minutes} دقائق` : `${minutes} دقيقة`
}

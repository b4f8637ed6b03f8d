import { readingMinutes, readingTimeLabel, wordCountLabel } from '../../../arabic/reading-time.js'

const words = new Intl.Segmenter('ar', { granularity: 'word' })

/**
 * «N كلمة · قراءة M دقيقة» for the text being written. Words are the segmenter's word-like
 * segments; minutes come from the server's own readingMinutes, so the editor promises the
 * reading time the article page will print.
 */
export function wordCountText(text: string): string {
  let n = 0
  for (const s of words.segment(text)) if (s.isWordLike) n++
  return `${wordCountLabel(n)} · قراءة ${readingTimeLabel(readingMinutes(text))}`
}

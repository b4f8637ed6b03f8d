export { searchKey, searchTerms } from './search-key.js'
export { slugify } from './slug.js'
export { formatHijri, formatGregorian, formatTime } from './dates.js'
export { readingMinutes, readingTimeLabel, ARABIC_WORDS_PER_MINUTE } from './reading-time.js'

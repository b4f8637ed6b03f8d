/**
 * The baseline light stemmer: Larkey's light10 as Lucene's ArabicStemmer implements it (the
 * stemmer of Lucene's ArabicAnalyzer). Prefixes ال وال بال كال فال لل و — the first that fits,
 * leaving at least two letters (و only on words of four letters or more); then the suffixes
 * ها ان ات ون ين يه ية ه ة ي, each in turn, leaving at least two letters. Evaluation only: it
 * runs on Khabar's normalization and tokenizer, so the comparison is about stemming.
 */
const PREFIXES = ['ال', 'وال', 'بال', 'كال', 'فال', 'لل', 'و']
const SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ية', 'ه', 'ة', 'ي']

export function light10(word: string): string {
  let w = word
  for (const p of PREFIXES) {
    if (p.length === 1 && w.length < 4) continue
    if (w.length < p.length + 2) continue
    if (w.startsWith(p)) { w = w.slice(p.length); break }
  }
  for (const s of SUFFIXES) {
    if (w.length >= s.length + 2 && w.endsWith(s)) w = w.slice(0, -s.length)
  }
  return w
}

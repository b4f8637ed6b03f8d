import { forEachToken, tokenKey, type Token } from './tokenize.js'
import { stems } from './stem.js'
import { STOP_WORDS } from './stop-words.js'

/** A token with what search matches it by: its key (exact word, spelling folded) and its stems. */
export interface AnalyzedToken extends Token {
  key: string
  /** First the stem, then other readings of an ambiguous clitic (see `stems`). */
  stems: string[]
  stop: boolean
}

/** Turns text into matchable tokens; the same analyzer must serve indexing and querying. */
export interface Analyzer {
  readonly name: string
  analyze(text: string): AnalyzedToken[]
}

type Analysis = Pick<AnalyzedToken, 'key' | 'stems' | 'stop'>
// News vocabulary repeats: most tokens were seen before. Remembering each spelling's analysis
// makes indexing several times faster; the bound keeps memory flat on a large import.
const MEMO_MAX = 200_000

function analyzer(name: string, stemsOf: (key: string, token: Token) => string[]): Analyzer {
  const memo = new Map<string, Analysis | null>()
  return {
    name,
    analyze(text) {
      const out: AnalyzedToken[] = []
      forEachToken(text, (word, start, kind) => {
        let a = memo.get(word)
        if (a === undefined) {
          const token = { text: word, start, end: start + word.length, kind }
          const key = tokenKey(token)
          a = key ? { key, stems: stemsOf(key, token), stop: STOP_WORDS.has(key) } : null
          if (memo.size >= MEMO_MAX) memo.clear()
          memo.set(word, a)
        }
        if (a) out.push({ text: word, start, end: start + word.length, kind, key: a.key, stems: a.stems, stop: a.stop })
      })
      return out
    },
  }
}

/** Khabar's analyzer: normalization, tokenization and light stemming with clitic readings. */
export const arabicAnalyzer: Analyzer = analyzer('arabic', (key, token) => (token.kind === 'arabic' ? stems(key) : [key]))

/** Normalization only: the key is the only stem (the evaluation's middle run). */
export const normalizingAnalyzer: Analyzer = analyzer('normalized', (key) => [key])

/** A custom stemmer with Khabar's normalization and tokenizer, for comparisons. */
export function analyzerWithStemmer(name: string, stem: (key: string) => string): Analyzer {
  return analyzer(name, (key, token) => (token.kind === 'arabic' ? [stem(key)] : [key]))
}

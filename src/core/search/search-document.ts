import type { AnalyzedToken, Analyzer } from '../../arabic/index.js'
import type { ArticleId } from '../articles/article.js'
import type { SearchDocument } from './search-index.js'

const keysOf = (tokens: AnalyzedToken[]) => tokens.map((t) => t.key).join(' ')
const stemsOf = (tokens: AnalyzedToken[]) => tokens.flatMap((t) => t.stems).join(' ')

/** An article's index entry: each field analyzed once, as keys and as stems. */
export function toSearchDocument(analyzer: Analyzer, a: { id: ArticleId; title: string; dek: string | null; bodyText: string }): SearchDocument {
  const title = analyzer.analyze(a.title)
  const dek = analyzer.analyze(a.dek ?? '')
  const body = analyzer.analyze(a.bodyText)
  return {
    id: a.id,
    keys: { title: keysOf(title), dek: keysOf(dek), body: keysOf(body) },
    stems: { title: stemsOf(title), dek: stemsOf(dek), body: stemsOf(body) },
  }
}

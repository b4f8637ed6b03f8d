import { arabicAnalyzer, type Analyzer } from '../../arabic/index.js'
import { parseQuery, QUERY_MAX } from '../search/parse-query.js'
import { computeRelated } from '../search/related-articles.js'
import { toSearchDocument } from '../search/search-document.js'
import type { Repos } from '../store.js'
import { LIVE_STATUSES, type Article } from './article.js'

// Candidates for one article's related list: the index's best matches for its headline and dek.
const CANDIDATES = 100

/**
 * A headline as a reader's query of plain words: quotes and leading minus signs would make
 * phrases and exclusions of it, a word cut at the length limit would be read as a prefix, and a
 * last word without a space after it as one being typed.
 */
function plainWords(text: string): string {
  const words = text.replace(/["«»“”„]/g, ' ').replace(/(^|\s)-+/g, '$1')
  const cut = words.length >= QUERY_MAX ? words.slice(0, QUERY_MAX - 1).replace(/\S*$/, '') : words
  return `${cut.trim()} `
}

/**
 * Brings the search index and the article's related list up to date with the article as stored,
 * at once: a live story (published, or scheduled for its time) is (re)indexed and gets related
 * articles computed among the index's best matches for its headline; any other is taken out of
 * the index. Call it in the transaction that wrote the article. Other stories' lists take the new
 * one in at the next full refresh (`khabar reindex`, after an import).
 */
export async function indexArticle(repos: Pick<Repos, 'articles' | 'search'>, article: Article, now: Date, analyzer: Analyzer = arabicAnalyzer): Promise<void> {
  if (!LIVE_STATUSES.includes(article.status) || !article.publishedAt) {
    await repos.search.remove(article.id)
    return
  }
  await repos.search.put(toSearchDocument(analyzer, article))
  const query = parseQuery(plainWords(`${article.title} ${article.dek ?? ''}`), analyzer)
  const { hits } = await repos.search.search(query, { visibleAt: now }, { offset: 0, limit: CANDIDATES }, 'some')
  const others = await repos.articles.relatable(now, { ids: hits.map((h) => h.id).filter((id) => id !== article.id) })
  const self = {
    id: article.id, title: article.title, dek: article.dek, bodyText: article.bodyText, categoryId: article.category.id,
    tagIds: article.tags.map((t) => t.id), publishedAt: article.publishedAt,
  }
  await repos.articles.setRelated(article.id, computeRelated([self, ...others], analyzer).get(article.id) ?? [])
}

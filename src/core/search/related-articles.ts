import { arabicAnalyzer, type Analyzer } from '../../arabic/index.js'
import type { ArticleId } from '../articles/article.js'
import type { Store } from '../store.js'
import type { RelatableArticle, Related } from '../articles/article-repo.js'

/** How much each signal counts (the text similarity is a cosine in 0..1). */
export const RELATED_WEIGHTS = { text: 1, tags: 0.3, category: 0.1, recency: 0.05, recencyDays: 30 } as const
export const RELATED_STORED = 8
const TERMS_PER_ARTICLE = 24
const FIELD_WEIGHT = { title: 3, dek: 2, body: 1 }

/**
 * Related articles for every article: TF-IDF cosine over stems (title counted three times, the
 * standfirst twice, stop words and one- or two-letter stems left out), each article reduced to its
 * {@link TERMS_PER_ARTICLE} heaviest terms, blended with shared tags, the same desk and closeness in
 * time. Never the article itself; at most `keep` per article, best first. Pure: no I/O.
 */
export function computeRelated(articles: readonly RelatableArticle[], analyzer: Analyzer = arabicAnalyzer, keep = RELATED_STORED): Map<ArticleId, Related[]> {
  const n = articles.length
  // 1. Term frequencies per article, over stems, weighted by field.
  const tfs = articles.map((a) => {
    const tf = new Map<string, number>()
    for (const [text, weight] of [[a.title, FIELD_WEIGHT.title], [a.dek ?? '', FIELD_WEIGHT.dek], [a.bodyText, FIELD_WEIGHT.body]] as const) {
      for (const t of analyzer.analyze(text)) {
        if (t.stop || t.kind === 'number') continue
        const s = t.stems[0]!
        if (s.length < 3) continue
        tf.set(s, (tf.get(s) ?? 0) + weight)
      }
    }
    return tf
  })
  const df = new Map<string, number>()
  for (const tf of tfs) for (const term of tf.keys()) df.set(term, (df.get(term) ?? 0) + 1)

  // 2. Each article's heaviest terms, as a unit vector (sublinear tf × idf).
  const vectors = tfs.map((tf) => {
    const weighted = [...tf].map(([term, f]) => [term, (1 + Math.log(f)) * Math.log(n / df.get(term)!)] as const)
      .filter(([, w]) => w > 0).sort((a, b) => b[1] - a[1]).slice(0, TERMS_PER_ARTICLE)
    const norm = Math.hypot(...weighted.map(([, w]) => w)) || 1
    return weighted.map(([term, w]) => [term, w / norm] as const)
  })
  const postings = new Map<string, Array<[index: number, weight: number]>>()
  vectors.forEach((v, i) => { for (const [term, w] of v) (postings.get(term) ?? postings.set(term, []).get(term)!).push([i, w]) })

  // 3. Dot products through the postings, then the blend.
  const W = RELATED_WEIGHTS
  const out = new Map<ArticleId, Related[]>()
  const dot = new Float64Array(n)
  articles.forEach((a, i) => {
    const touched: number[] = []
    for (const [term, w] of vectors[i]!) {
      for (const [j, wj] of postings.get(term)!) {
        if (j === i) continue
        if (dot[j] === 0) touched.push(j)
        dot[j]! += w * wj
      }
    }
    const tags = new Set(a.tagIds)
    const scored = touched.map((j) => {
      const b = articles[j]!
      const shared = b.tagIds.filter((t) => tags.has(t)).length
      const days = Math.abs(a.publishedAt.getTime() - b.publishedAt.getTime()) / 86_400_000
      const score = W.text * dot[j]! + W.tags * Math.min(1, shared / 2) + W.category * Number(a.categoryId === b.categoryId)
        + W.recency * Math.exp(-days / W.recencyDays)
      dot[j] = 0
      return { id: b.id, score }
    })
    out.set(a.id, scored.sort((x, y) => y.score - x.score || y.id - x.id).slice(0, keep))
  })
  return out
}

// Articles whose related lists are written per transaction: a few hundred keep each hold on the
// write lock short (the site's comments and another import get in between) without a
// transaction per article.
const RELATED_WRITE_BATCH = 500

/**
 * Recomputes and stores the related articles of every visible article, so article pages read them
 * instead of computing them. Run after imports and by `khabar reindex`. Computed first, with no
 * lock held, then written in transactions of {@link RELATED_WRITE_BATCH} articles; a reader may
 * meet some lists refreshed and others not yet, each one whole.
 */
export async function refreshRelatedArticles(deps: { store: Pick<Store, 'articles' | 'transaction'>; analyzer?: Analyzer }, input: { visibleAt: Date }): Promise<number> {
  const articles = await deps.store.articles.relatable(input.visibleAt)
  const related = [...computeRelated(articles, deps.analyzer)]
  for (let i = 0; i < related.length; i += RELATED_WRITE_BATCH) {
    const chunk = related.slice(i, i + RELATED_WRITE_BATCH)
    await deps.store.transaction(async (tx) => {
      for (const [id, list] of chunk) await tx.articles.setRelated(id, list)
    })
  }
  return related.length
}

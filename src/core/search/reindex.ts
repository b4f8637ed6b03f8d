import { arabicAnalyzer, type Analyzer } from '../../arabic/index.js'
import type { Store } from '../store.js'
import { refreshRelatedArticles } from './related-articles.js'
import { toSearchDocument } from './search-document.js'

const BATCH = 500

/**
 * Rebuilds the search index from the stored articles (in batches, each its own transaction, so
 * the site keeps serving), then the related articles. `khabar reindex` runs it; so does start-up
 * when the index and the articles disagree in number (after an upgrade).
 */
export async function reindexSearch(
  deps: { store: Pick<Store, 'articles' | 'search' | 'transaction'>; clock: { now(): Date }; analyzer?: Analyzer },
  onProgress?: (done: number, total: number) => void,
): Promise<{ indexed: number; related: number }> {
  const analyzer = deps.analyzer ?? arabicAnalyzer
  const indexed = await rebuildSearchIndex({ store: deps.store, analyzer }, onProgress)
  const related = await refreshRelatedArticles({ store: deps.store, analyzer }, { visibleAt: deps.clock.now() })
  return { indexed, related }
}

/**
 * Rebuilds only the search index, leaving the stored related articles as they are (`khabar db
 * copy` copies those); returns how many articles it indexed (the live ones).
 */
export async function rebuildSearchIndex(
  deps: { store: Pick<Store, 'articles' | 'search' | 'transaction'>; analyzer?: Analyzer },
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  const analyzer = deps.analyzer ?? arabicAnalyzer
  const ids = await deps.store.articles.ids({ live: true })
  await deps.store.search.clear()
  for (let i = 0; i < ids.length; i += BATCH) {
    const articles = await deps.store.articles.getMany(ids.slice(i, i + BATCH))
    await deps.store.transaction(async (tx) => {
      for (const a of articles) await tx.search.put(toSearchDocument(analyzer, a))
    })
    onProgress?.(Math.min(ids.length, i + BATCH), ids.length)
  }
  return ids.length
}

/** Rebuilds the index when it does not hold one entry per article (a database from before search). */
export async function ensureSearchIndex(deps: { store: Pick<Store, 'articles' | 'search' | 'transaction'>; clock: { now(): Date } }): Promise<boolean> {
  if ((await deps.store.search.size()) === (await deps.store.articles.ids({ live: true })).length) return false
  await reindexSearch(deps)
  return true
}

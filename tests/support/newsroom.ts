import { ingestArticle, paragraphsToHtml, type IncomingArticle, type Store } from '../../src/core/index.js'
import { openSqliteStore } from '../../src/storage/index.js'

/** The fixed "now" of use-case tests. */
export const NOW = new Date('2026-11-29T09:00:00Z')
export const minutesAgo = (m: number, from = NOW) => new Date(from.getTime() - m * 60_000)

export type ArticleOverrides = Partial<IncomingArticle> & { paragraphs?: string[] }

/**
 * A maker of wire stories, each with the next external id under `source` (`source:1`, `source:2`,
 * …) and defaults for whatever the test does not say.
 */
export function wireStories(source: string): (overrides?: Partial<IncomingArticle>) => IncomingArticle {
  let n = 0
  return (overrides = {}) => {
    n++
    return {
      externalId: `${source}:${n}`, title: `خبر رقم ${n}`, bodyHtml: paragraphsToHtml(['نص الخبر.']),
      categoryName: 'سياسة', publishedAt: new Date('2026-11-29T06:00:00Z'), ...overrides,
    }
  }
}

/** Stores a published article, the n-th of a test, with defaults for whatever the test does not say. */
export async function addArticle(store: Store, n: number, o: ArticleOverrides = {}, from = NOW): Promise<number> {
  const { paragraphs, ...rest } = o
  const { id } = await store.transaction((tx) => ingestArticle(tx, {
    externalId: null,
    title: `خبر رقم ${n}`,
    bodyHtml: paragraphsToHtml(paragraphs ?? ['نص الخبر.']),
    categoryName: 'سياسة',
    publishedAt: minutesAgo(n, from),
    ...rest,
  }))
  return id
}

/** An in-memory store with a clock fixed at {@link NOW}, closed when the test ends. */
export async function openNewsroom(t: { after(fn: () => Promise<void>): void }) {
  const store = await openSqliteStore(':memory:')
  t.after(() => store.close())
  let n = 0
  return {
    store,
    deps: { repos: store as Store, clock: { now: () => NOW } },
    add: (o: ArticleOverrides = {}) => addArticle(store, ++n, o),
  }
}

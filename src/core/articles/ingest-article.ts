import { arabicAnalyzer, slugify, type Analyzer } from '../../arabic/index.js'
import { toSearchDocument } from '../search/search-document.js'
import type { SearchDocument } from '../search/search-index.js'
import { checkArticle, LIVE_STATUSES, storedDek, storedTitle, type ArticleId, type ArticleStatus, type CoverImage } from './article.js'
import { htmlToText, type SafeHtml } from '../safe-html.js'
import type { Repos } from '../store.js'
import { ValidationError } from '../errors.js'

/** An article from outside (a feed, an export, a scraped page), named by names, not ids. */
export interface IncomingArticle {
  externalId: string | null
  title: string
  dek?: string | null
  bodyHtml: SafeHtml
  /** Category by display name; created at the end of the menu when missing. */
  categoryName: string
  categorySlug?: string
  tags?: readonly string[]
  authors?: readonly string[]
  dateline?: string | null
  source?: string | null
  status?: ArticleStatus
  publishedAt: Date
  featured?: boolean
  breaking?: boolean
  cover?: CoverImage | null
}

/**
 * An incoming article with the work that needs no storage done ahead: its plain text and its
 * search analysis (most of the time spent ingesting a story). Importers prepare a batch before
 * opening its transaction, so the write lock is held for the writes only.
 */
export interface PreparedArticle {
  readonly input: IncomingArticle
  readonly bodyText: string
  /** The index entry but for the id, with the analyzer and the texts it was computed from. */
  readonly search: { analyzer: Analyzer; title: string; dek: string | null; entry: Omit<SearchDocument, 'id'> }
}

/** Does {@link ingestArticle}'s storage-free work for `input` ahead of time. */
export function prepareArticle(input: IncomingArticle, opts: { analyzer?: Analyzer } = {}): PreparedArticle {
  const analyzer = opts.analyzer ?? arabicAnalyzer
  const bodyText = htmlToText(input.bodyHtml)
  // The title and standfirst as checkArticle will store them; ingestArticle uses this entry only
  // if they match what it stores, and analyzes again otherwise.
  const title = storedTitle(input.title)
  const dek = storedDek(input.dek)
  const { id: _, ...entry } = toSearchDocument(analyzer, { id: 0, title, dek, bodyText })
  return { input, bodyText, search: { analyzer, title, dek, entry } }
}

/**
 * Stores an incoming article through the newsroom's rules, creating its category, tags and
 * authors as needed. An article whose external id is already stored is updated in place, so
 * running the same import twice changes nothing. Call it inside a transaction: a record that
 * fails the rules throws after its category or tags may have been created, and the rollback
 * takes those back. A {@link PreparedArticle} skips the work already done.
 */
export async function ingestArticle(repos: Omit<Repos, 'comments'>, incoming: IncomingArticle | PreparedArticle, opts: { analyzer?: Analyzer } = {}): Promise<{ id: ArticleId; created: boolean }> {
  const prepared = 'input' in incoming ? incoming : null
  const input = prepared?.input ?? (incoming as IncomingArticle)
  const analyzer = opts.analyzer ?? arabicAnalyzer
  const categoryName = input.categoryName.trim()
  if (!categoryName) throw new ValidationError({ category: 'required' }, 'article')
  const categorySlug = input.categorySlug ?? slugify(categoryName, 6)
  let category = await repos.categories.bySlug(categorySlug)
  if (!category) {
    const siblings = (await repos.categories.all()).filter((c) => c.parentId === null)
    // ensure, not create: another process may be adding the same desk at this moment.
    category = await repos.categories.ensure({
      slug: categorySlug, name: categoryName, description: null, parentId: null,
      position: Math.max(0, ...siblings.map((c) => c.position)) + 1,
    })
  }
  const tags = await repos.tags.ensure(input.tags ?? [])
  const authors = await repos.authors.ensure(input.authors ?? [])
  const complete = checkArticle(
    {
      externalId: input.externalId,
      title: input.title,
      dek: input.dek,
      bodyHtml: input.bodyHtml,
      dateline: input.dateline,
      source: input.source,
      categoryId: category.id,
      tagIds: tags.map((t) => t.id),
      authorIds: authors.map((a) => a.id),
      status: input.status ?? 'published',
      featured: input.featured,
      breaking: input.breaking,
      cover: input.cover,
      publishedAt: input.publishedAt,
    },
    prepared?.bodyText ?? htmlToText(input.bodyHtml),
  )
  // One call that either creates or names the stored article: a look-up then a create would
  // fail when another process imports the same external id at the same moment.
  const { id, created } = await repos.articles.createUnlessStored(complete)
  if (!created) await repos.articles.update(id, complete)
  // Indexed in the caller's transaction: the article and its search entry land together. Only
  // articles readers may see (now or when scheduled) are in the index.
  if (LIVE_STATUSES.includes(complete.status)) {
    const ahead = prepared?.search
    const reusable = ahead && ahead.analyzer === analyzer && ahead.title === complete.title && ahead.dek === complete.dek
    await repos.search.put(reusable ? { id, ...ahead.entry } : toSearchDocument(analyzer, { id, ...complete }))
  } else {
    await repos.search.remove(id)
  }
  return { id, created }
}

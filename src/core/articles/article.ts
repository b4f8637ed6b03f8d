import { wordSlug } from '../../arabic/index.js'
import { ValidationError, type FieldProblems } from '../errors.js'
import type { SafeHtml } from '../safe-html.js'

export type ArticleId = number
/** Where a story stands in the newsroom's workflow (core/articles/workflow.ts moves it along). */
export type ArticleStatus = 'draft' | 'review' | 'scheduled' | 'published' | 'unpublished'
export const ARTICLE_STATUSES: readonly ArticleStatus[] = ['draft', 'review', 'scheduled', 'published', 'unpublished']

export interface CategoryRef { id: number; slug: string; name: string }
export interface TagRef { id: number; slug: string; name: string }
export interface AuthorRef { id: number; slug: string; name: string }

export interface CoverImage {
  /** Site-relative path or absolute URL of the image. */
  src: string
  alt: string
  caption: string | null
  credit: string | null
}

/** What lists, cards and sliders show: everything but the body. */
export interface ArticleSummary {
  id: ArticleId
  externalId: string | null
  slug: string
  title: string
  dek: string | null
  category: CategoryRef
  status: ArticleStatus
  featured: boolean
  breaking: boolean
  cover: CoverImage | null
  publishedAt: Date | null
  updatedAt: Date
}

/** A whole story as the article page shows it. */
export interface Article extends ArticleSummary {
  bodyHtml: SafeHtml
  bodyText: string
  /** Where the story was filed, e.g. "واشنطن": the first half of the dateline. */
  dateline: string | null
  /** Credit line, e.g. "متابعة وطن برس": the second half of the dateline. */
  source: string | null
  tags: TagRef[]
  authors: AuthorRef[]
  /** The member whose story it is (who created it in the newsroom); null for imported stories. */
  ownerId: number | null
  /** What search engines and share cards show instead of the headline and dek, when set. */
  seoTitle: string | null
  seoDescription: string | null
}

/** What a writer or importer hands in; the store assigns id and times. */
export interface ArticleDraft {
  externalId?: string | null
  title: string
  slug?: string
  dek?: string | null
  bodyHtml: SafeHtml
  dateline?: string | null
  source?: string | null
  categoryId: number
  tagIds?: number[]
  authorIds?: number[]
  status: ArticleStatus
  featured?: boolean
  breaking?: boolean
  cover?: CoverImage | null
  publishedAt?: Date | null
  ownerId?: number | null
  seoTitle?: string | null
  seoDescription?: string | null
}

/** A draft checked and completed by the newsroom's rules, ready to store. */
export interface ArticleRecord extends Required<Omit<ArticleDraft, 'slug'>> {
  slug: string
  bodyText: string
}

export const TITLE_MAX = 300
export const SEO_TITLE_MAX = 300
export const SEO_DESCRIPTION_MAX = 500

/** A headline as stored: NFC, one space between words, trimmed. */
export const storedTitle = (title: string): string => title.normalize('NFC').replace(/\s+/g, ' ').trim()

/** A standfirst as stored: NFC and trimmed, null when blank. */
export const storedDek = (dek: string | null | undefined): string | null => dek?.normalize('NFC').trim() || null

/** What is wrong with a headline as stored, if anything. */
export function titleProblem(title: string): string | null {
  if (!title) return 'required'
  return title.length > TITLE_MAX ? `longer than ${TITLE_MAX} characters` : null
}

/**
 * The newsroom's rules for any article that is stored: a title (≤ 300 characters), a category,
 * a body for anything published, a publication time for anything published or scheduled.
 * Returns the record with its slug derived.
 */
export function checkArticle(draft: ArticleDraft, bodyText: string): ArticleRecord {
  const problems: FieldProblems = {}
  const title = storedTitle(draft.title)
  const titleRefused = titleProblem(title)
  if (titleRefused) problems.title = titleRefused
  if (!Number.isInteger(draft.categoryId) || draft.categoryId <= 0) problems.category = 'required'
  if ((draft.status === 'published' || draft.status === 'scheduled') && !bodyText.trim()) problems.body = 'required to publish'
  if (draft.status === 'scheduled' && !draft.publishedAt) problems.publishedAt = 'required to schedule'
  if (draft.status === 'published' && !draft.publishedAt) problems.publishedAt = 'required to publish'
  if (draft.publishedAt && Number.isNaN(draft.publishedAt.getTime())) problems.publishedAt = 'not a valid date'
  const seoTitle = storedDek(draft.seoTitle)
  const seoDescription = storedDek(draft.seoDescription)
  if (seoTitle && seoTitle.length > SEO_TITLE_MAX) problems.seoTitle = `longer than ${SEO_TITLE_MAX} characters`
  if (seoDescription && seoDescription.length > SEO_DESCRIPTION_MAX) problems.seoDescription = `longer than ${SEO_DESCRIPTION_MAX} characters`
  // The article's path carries its id, so a headline without words needs no spelt-out slug.
  const slug = wordSlug(draft.slug?.trim() || title) || 'article'
  if (Object.keys(problems).length) throw new ValidationError(problems, 'article')
  const dek = storedDek(draft.dek)
  return {
    externalId: draft.externalId ?? null,
    title,
    slug,
    dek,
    bodyHtml: draft.bodyHtml,
    bodyText,
    dateline: draft.dateline?.trim() || null,
    source: draft.source?.trim() || null,
    categoryId: draft.categoryId,
    tagIds: [...new Set(draft.tagIds ?? [])],
    authorIds: [...new Set(draft.authorIds ?? [])],
    status: draft.status,
    featured: draft.featured ?? false,
    breaking: draft.breaking ?? false,
    cover: draft.cover ?? null,
    publishedAt: draft.publishedAt ?? null,
    ownerId: draft.ownerId ?? null,
    seoTitle,
    seoDescription,
  }
}

/** Percent-encoded canonical path of an article: `/<category>/<id>/<slug>`. */
export function articlePath(a: { id: ArticleId; slug: string; category: { slug: string } }): string {
  return `/${encodeURIComponent(a.category.slug)}/${a.id}/${encodeURIComponent(a.slug)}`
}

/** Percent-encoded paths of the archives. */
export const archivePath = {
  category: (slug: string) => `/category/${encodeURIComponent(slug)}`,
  tag: (slug: string) => `/tag/${encodeURIComponent(slug)}`,
  author: (slug: string) => `/author/${encodeURIComponent(slug)}`,
}

/** Statuses whose articles readers see once their publication time has come. */
export const LIVE_STATUSES: readonly ArticleStatus[] = ['published', 'scheduled']

/**
 * Whether readers may see it now: published or scheduled, and its time has come. A scheduled
 * story needs no job to flip it: it appears at its time (within the page cache's time-to-live).
 */
export function isVisible(a: Pick<ArticleSummary, 'status' | 'publishedAt'>, now: Date): boolean {
  return LIVE_STATUSES.includes(a.status) && a.publishedAt !== null && a.publishedAt.getTime() <= now.getTime()
}

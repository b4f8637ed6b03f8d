import { ValidationError, type FieldProblems } from '../errors.js'
import { htmlToText, sanitizeArticleHtml } from '../safe-html.js'
import type { Repos } from '../store.js'
import { storedTitle, titleProblem, type Article, type ArticleDraft } from './article.js'

/**
 * An article as the newsroom's editor and the Admin API send it: the desk by slug, tags by name
 * (new ones are created), co-bylines by the authors' slugs, the body as HTML from any client —
 * cleaned by the allow-list here, whatever the client did.
 */
export interface ArticleInput {
  title: string
  dek?: string | null
  body: string
  category: string
  tags?: readonly string[]
  authors?: readonly string[]
  dateline?: string | null
  source?: string | null
  featured?: boolean
  breaking?: boolean
  slug?: string | null
  seoTitle?: string | null
  seoDescription?: string | null
}

export const TAGS_MAX = 20
export const TAG_NAME_MAX = 100
export const PLACE_MAX = 100

/** The input of a stored article: what an edit starts from. */
export function inputOf(a: Article): ArticleInput {
  return {
    title: a.title, dek: a.dek, body: a.bodyHtml, category: a.category.slug, tags: a.tags.map((t) => t.name),
    authors: a.authors.map((w) => w.slug), dateline: a.dateline, source: a.source, featured: a.featured,
    breaking: a.breaking, slug: a.slug, seoTitle: a.seoTitle, seoDescription: a.seoDescription,
  }
}

/**
 * Resolves names to ids and cleans the body; the fields an article's state decides (status,
 * publication time, owner) are the caller's. A desk or co-byline that does not exist is a
 * ValidationError naming the field; tags are created as needed. Call it in the transaction that
 * stores the article, so tags it creates go if the article is refused.
 */
export async function resolveArticleInput(
  repos: Pick<Repos, 'categories' | 'tags' | 'authors'>,
  input: ArticleInput,
): Promise<{ draft: Omit<ArticleDraft, 'status' | 'publishedAt' | 'ownerId'>; bodyText: string }> {
  const problems: FieldProblems = {}
  // Checked again when the article is stored; here too, so one answer names every refused field.
  const titleRefused = titleProblem(storedTitle(input.title))
  if (titleRefused) problems.title = titleRefused
  const tagNames = [...new Set((input.tags ?? []).map((t) => t.normalize('NFC').trim().replace(/\s+/g, ' ')).filter(Boolean))]
  if (tagNames.length > TAGS_MAX) problems.tags = `more than ${TAGS_MAX} tags`
  const longTag = tagNames.find((t) => t.length > TAG_NAME_MAX)
  if (longTag) problems.tags = `tag longer than ${TAG_NAME_MAX} characters: ${longTag.slice(0, 20)}…`
  for (const field of ['dateline', 'source'] as const) {
    if ((input[field]?.trim().length ?? 0) > PLACE_MAX) problems[field] = `longer than ${PLACE_MAX} characters`
  }
  const category = input.category.trim() ? await repos.categories.bySlug(input.category.trim()) : null
  if (!category) problems.category = input.category.trim() ? `no desk with the slug ${input.category.trim()}` : 'required'
  const authorIds: number[] = []
  for (const slug of input.authors ?? []) {
    const author = await repos.authors.bySlug(slug)
    if (author) authorIds.push(author.id)
    else problems.authors = `no author with the slug ${slug}`
  }
  if (Object.keys(problems).length) throw new ValidationError(problems, 'article')
  const bodyHtml = sanitizeArticleHtml(input.body)
  const tags = await repos.tags.ensure(tagNames)
  return {
    draft: {
      title: input.title, dek: input.dek, bodyHtml, dateline: input.dateline, source: input.source,
      categoryId: category!.id, tagIds: tags.map((t) => t.id), authorIds, featured: input.featured ?? false,
      breaking: input.breaking ?? false, slug: input.slug ?? undefined, seoTitle: input.seoTitle, seoDescription: input.seoDescription,
    },
    bodyText: htmlToText(bodyHtml),
  }
}

import type { Analyzer } from '../../arabic/index.js'
import { NotFoundError } from '../errors.js'
import { authorize } from '../people/policy.js'
import type { User } from '../people/user.js'
import type { Clock, Repos } from '../store.js'
import { checkArticle, type Article, type ArticleDraft, type ArticleId } from './article.js'
import { inputOf, resolveArticleInput, type ArticleInput } from './article-input.js'
import { indexArticle } from './index-article.js'

export type ArticleRepos = Pick<Repos, 'articles' | 'categories' | 'tags' | 'authors' | 'search'>
export interface WriteDeps { repos: ArticleRepos; clock: Clock; analyzer?: Analyzer }

/** An article the member may act on, or NotFoundError; what the policy reads of it. */
export async function articleFor(repos: Pick<Repos, 'articles'>, id: ArticleId): Promise<Article> {
  const article = await repos.articles.get(id)
  if (!article) throw new NotFoundError('article', id)
  return article
}

export const accessOf = (a: Article) => ({ ownerId: a.ownerId, status: a.status })

/**
 * Stores `draft` over the article (or as a new one) through the newsroom's rules and brings the
 * search index and related list along. Run inside a transaction.
 */
export async function storeArticle(deps: WriteDeps, id: ArticleId | null, draft: ArticleDraft, bodyText: string): Promise<Article> {
  const record = checkArticle(draft, bodyText)
  const stored = id ?? (await deps.repos.articles.create(record))
  if (id !== null) await deps.repos.articles.update(id, record)
  const article = (await deps.repos.articles.get(stored))!
  await indexArticle(deps.repos, article, deps.clock.now(), deps.analyzer)
  return article
}

/** A new draft, owned by the member who writes it. Run inside a transaction. */
export async function createArticle(deps: WriteDeps, user: User, input: ArticleInput): Promise<Article> {
  authorize(user, 'article.create')
  const { draft, bodyText } = await resolveArticleInput(deps.repos, input)
  return storeArticle(deps, null, { ...draft, status: 'draft', publishedAt: null, ownerId: user.id }, bodyText)
}

/**
 * Changes an article's content; fields left out of `changes` keep their stored values. Its state,
 * publication time and owner are the workflow's. A published story is re-indexed at once. Run
 * inside a transaction.
 */
export async function editArticle(deps: WriteDeps, user: User, id: ArticleId, changes: Partial<ArticleInput>): Promise<Article> {
  const article = await articleFor(deps.repos, id)
  authorize(user, 'article.edit', accessOf(article))
  const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined))
  const { draft, bodyText } = await resolveArticleInput(deps.repos, { ...inputOf(article), ...defined })
  return storeArticle(deps, id, keepState(article, draft), bodyText)
}

/** A draft with the stored article's state: status, publication time, owner, external id, cover. */
export function keepState(article: Article, draft: Omit<ArticleDraft, 'status' | 'publishedAt' | 'ownerId'>): ArticleDraft {
  return {
    ...draft, externalId: article.externalId, cover: article.cover, status: article.status,
    publishedAt: article.publishedAt, ownerId: article.ownerId,
  }
}

/** Deletes an article (with its comments) and its search entry. Run inside a transaction. */
export async function deleteArticle(deps: { repos: Pick<Repos, 'articles' | 'search'> }, user: User, id: ArticleId): Promise<void> {
  const article = await articleFor(deps.repos, id)
  authorize(user, 'article.delete', accessOf(article))
  await deps.repos.search.remove(id)
  await deps.repos.articles.remove(id)
}

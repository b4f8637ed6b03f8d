import type { Analyzer } from '../../arabic/index.js'
import { NotFoundError } from '../errors.js'
import { htmlToText } from '../safe-html.js'
import { authorize } from '../people/policy.js'
import type { User } from '../people/user.js'
import type { Clock, Repos } from '../store.js'
import { checkArticle, type Article, type ArticleDraft, type ArticleId } from './article.js'
import { inputOf, resolveArticleInput, type ArticleInput } from './article-input.js'
import { indexArticle } from './index-article.js'
import { snapshotOf } from './article-snapshot.js'

export type ArticleRepos = Pick<Repos, 'articles' | 'categories' | 'tags' | 'authors' | 'search' | 'revisions'>
export interface WriteDeps { repos: ArticleRepos; clock: Clock; analyzer?: Analyzer }

/** An article the member may act on, or NotFoundError; what the policy reads of it. */
export async function articleFor(repos: Pick<Repos, 'articles'>, id: ArticleId): Promise<Article> {
  const article = await repos.articles.get(id)
  if (!article) throw new NotFoundError('article', id)
  return article
}

export const accessOf = (a: Article) => ({ ownerId: a.ownerId, status: a.status })

/** Who saved, for the revision every save keeps; `autosave` folds quick saves of one member into one. */
export interface Saver { editorId: number | null; autosave?: boolean; note?: string }

// An autosave within this long of the same member's last revision replaces nothing and adds
// nothing: the history keeps a writer's session as one revision, not one per pause in typing.
const AUTOSAVE_FOLD_MS = 10 * 60_000

/**
 * Stores `draft` over `current` (or as a new article when it is null) through the newsroom's
 * rules, keeps the revision, and brings the search index and related list along. Run inside a
 * transaction.
 */
export async function storeArticle(deps: WriteDeps, current: Article | null, draft: ArticleDraft, bodyText: string, saver: Saver): Promise<Article> {
  const { articles, revisions } = deps.repos
  const record = checkArticle(draft, bodyText)
  const now = deps.clock.now()
  const [last] = current ? await revisions.listFor(current.id) : []
  const fold = saver.autosave && last && last.editorId === saver.editorId && now.getTime() - last.createdAt.getTime() < AUTOSAVE_FOLD_MS
  // Folded autosaves leave the story ahead of its last revision: before a save that is not
  // folded, that state is kept as its writer's revision, so no one's words go missing from the history.
  if (current && last && !fold) {
    const kept = await revisions.get(last.id)
    const before = snapshotOf(current)
    if (kept && JSON.stringify(before) !== JSON.stringify(kept.snapshot)) {
      await revisions.add({ articleId: current.id, editorId: last.editorId, at: current.updatedAt, snapshot: before, note: 'autosave' })
    }
  }
  const id = current?.id ?? (await articles.create(record))
  if (current) await articles.update(id, record)
  const article = (await articles.get(id))!
  if (!fold) await revisions.add({ articleId: id, editorId: saver.editorId, at: now, snapshot: snapshotOf(article), note: saver.note ?? null })
  await indexArticle(deps.repos, article, now, deps.analyzer)
  return article
}

/** A new draft, owned by the member who writes it. Run inside a transaction. */
export async function createArticle(deps: WriteDeps, user: User, input: ArticleInput): Promise<Article> {
  authorize(user, 'article.create')
  const { draft, bodyText } = await resolveArticleInput(deps.repos, input)
  return storeArticle(deps, null, { ...draft, status: 'draft', publishedAt: null, ownerId: user.id }, bodyText, { editorId: user.id })
}

/**
 * Changes an article's content; fields left out of `changes` keep their stored values. Its state,
 * publication time and owner are the workflow's. A published story is re-indexed at once. Run
 * inside a transaction.
 */
export async function editArticle(deps: WriteDeps, user: User, id: ArticleId, changes: Partial<ArticleInput>, opts: { autosave?: boolean } = {}): Promise<Article> {
  const article = await articleFor(deps.repos, id)
  authorize(user, 'article.edit', accessOf(article))
  const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined))
  const { draft, bodyText } = await resolveArticleInput(deps.repos, { ...inputOf(article), ...defined })
  return storeArticle(deps, article, keepState(article, draft), bodyText, { editorId: user.id, autosave: opts.autosave })
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

/**
 * Puts a revision's content back as the article's, through the same rules as any save (its state
 * stays where it is) and as a new revision of its own, so the restore itself is in the history.
 * Run inside a transaction.
 */
export async function restoreRevision(deps: WriteDeps, user: User, articleId: ArticleId, revisionId: number): Promise<Article> {
  const article = await articleFor(deps.repos, articleId)
  authorize(user, 'article.edit', accessOf(article))
  const revision = await deps.repos.revisions.get(revisionId)
  if (!revision || revision.articleId !== articleId) throw new NotFoundError('revision', revisionId)
  return storeArticle(deps, article, keepState(article, revision.snapshot), htmlToText(revision.snapshot.bodyHtml), { editorId: user.id, note: `restored revision ${revisionId}` })
}

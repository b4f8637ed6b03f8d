import { isVisible, type Article, type ArticleId, type ArticleSummary } from './article.js'
import type { Clock, Repos } from '../store.js'
import { NotFoundError } from '../errors.js'
import { threadComments, type CommentThread } from '../comments/comment.js'
import type { ArticleNote } from './article-note.js'

export interface ArticlePage {
  article: Article
  related: ArticleSummary[]
  comments: CommentThread[]
  commentCount: number
  /** Its corrections and updates, oldest first; usually none. */
  notes: ArticleNote[]
}

export const RELATED_COUNT = 4

/**
 * A visible article with what its page shows around it. Related stories come from shared tags
 * and the category; when those run short the newest stories fill the block, so it is never empty.
 * A caller that already holds the article (from {@link getArticle}, to decide a redirect first)
 * passes it, and it is not read again. `evenIfHidden` is the newsroom's preview of a story readers
 * cannot see yet (the caller has checked who asks).
 */
export async function getArticlePage(deps: { repos: Pick<Repos, 'articles' | 'comments' | 'notes'>; clock: Clock }, input: { id: ArticleId; article?: Article; evenIfHidden?: boolean }): Promise<ArticlePage> {
  const now = deps.clock.now()
  const article = input.article?.id === input.id ? input.article : await deps.repos.articles.get(input.id)
  if (!article || (!input.evenIfHidden && !isVisible(article, now))) throw new NotFoundError('article', input.id)
  const [related, comments, notes] = await Promise.all([
    deps.repos.articles.related(article, now, RELATED_COUNT),
    deps.repos.comments.approvedFor(article.id),
    deps.repos.notes.listFor(article.id),
  ])
  if (related.length < RELATED_COUNT) {
    const fill = await deps.repos.articles.list({
      visibleAt: now, excludeIds: [article.id, ...related.map((r) => r.id)], offset: 0, limit: RELATED_COUNT - related.length,
    })
    related.push(...fill)
  }
  return { article, related, comments: threadComments(comments), commentCount: comments.length, notes }
}

/** A visible article by id, for the API. */
export async function getArticle(deps: { repos: Pick<Repos, 'articles'>; clock: Clock }, input: { id: ArticleId }): Promise<Article> {
  const article = await deps.repos.articles.get(input.id)
  if (!article || !isVisible(article, deps.clock.now())) throw new NotFoundError('article', input.id)
  return article
}

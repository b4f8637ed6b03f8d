import type { Clock, Repos } from '../store.js'
import { isVisible } from '../articles/article.js'
import { NotFoundError, ValidationError } from '../errors.js'
import { checkComment, type NewComment } from './comment.js'

/**
 * A reader's comment, held for moderation. The article must be visible; a reply must answer an
 * approved comment on the same article.
 */
export async function submitComment(deps: { repos: Repos; clock: Clock }, input: NewComment): Promise<{ id: number }> {
  const comment = checkComment(input)
  const article = await deps.repos.articles.get(comment.articleId)
  if (!article || !isVisible(article, deps.clock.now())) throw new NotFoundError('article', comment.articleId)
  if (comment.parentId !== null) {
    const parent = await deps.repos.comments.get(comment.parentId)
    if (!parent || parent.articleId !== comment.articleId || parent.status !== 'approved') {
      throw new ValidationError({ parent: 'not a comment on this article' }, 'comment')
    }
  }
  return { id: await deps.repos.comments.add(comment, 'pending', deps.clock.now()) }
}

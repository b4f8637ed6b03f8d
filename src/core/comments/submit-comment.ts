import type { Clock, Store } from '../store.js'
import { isVisible } from '../articles/article.js'
import { NotFoundError, ValidationError } from '../errors.js'
import { checkComment, type NewComment } from './comment.js'
import { SPAM_AT, spamScore } from './spam-score.js'

/**
 * A reader's comment, held for moderation — or, when it scores as spam (spam-score.ts), put with
 * the spam at once, where the desk can still restore it. The reader is told the same either way. The article must be visible; a reply must answer an
 * approved comment on the same article. The checks and the write share one transaction, so a
 * comment posted while an import writes waits its turn instead of failing.
 */
export async function submitComment(deps: { store: Pick<Store, 'transaction'>; clock: Clock }, input: NewComment): Promise<{ id: number }> {
  const comment = checkComment(input) // before the transaction: a bad form never waits for the lock
  return deps.store.transaction(async (repos) => {
    const article = await repos.articles.get(comment.articleId)
    if (!article || !isVisible(article, deps.clock.now())) throw new NotFoundError('article', comment.articleId)
    if (comment.parentId !== null) {
      const parent = await repos.comments.get(comment.parentId)
      if (!parent || parent.articleId !== comment.articleId || parent.status !== 'approved') {
        throw new ValidationError({ parent: 'not a comment on this article' }, 'comment')
      }
    }
    const now = deps.clock.now()
    const recent = await repos.comments.recentFrom({ ip: comment.ip, email: comment.authorEmail }, new Date(now.getTime() - 86_400_000), 20)
    const status = spamScore(comment.body, recent, now).score >= SPAM_AT ? 'spam' : 'pending'
    return { id: await repos.comments.add(comment, status, now) }
  })
}

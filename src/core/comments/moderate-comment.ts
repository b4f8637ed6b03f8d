import { NotFoundError, ValidationError } from '../errors.js'
import { authorize } from '../people/policy.js'
import type { User } from '../people/user.js'
import type { Clock, Repos } from '../store.js'
import { checkComment, type CommentStatus } from './comment.js'

/** What the desk does to comments in the queue; `restore` sends a trashed or spam comment back to pending. */
export type ModerationAction = 'approve' | 'spam' | 'trash' | 'restore'
export const MODERATION_ACTIONS: readonly ModerationAction[] = ['approve', 'spam', 'trash', 'restore']

const TO: Record<ModerationAction, CommentStatus> = { approve: 'approved', spam: 'spam', trash: 'trash', restore: 'pending' }

/** Most comments one bulk action takes: a page of the queue. */
export const BULK_MAX = 100

/**
 * Approves, marks as spam, trashes or restores comments, one or a page at a time. Approved
 * comments show on the story's page on the next request (comments are content). Unknown ids are
 * NotFoundError when none of them exists.
 */
export async function moderateComments(
  repos: Pick<Repos, 'comments'>, user: User, ids: readonly number[], action: ModerationAction,
): Promise<number> {
  authorize(user, 'comments.moderate')
  const unique = [...new Set(ids)]
  if (unique.length === 0) throw new ValidationError({ ids: 'choose at least one comment' }, 'moderation')
  if (unique.length > BULK_MAX) throw new ValidationError({ ids: `more than ${BULK_MAX} comments` }, 'moderation')
  const changed = await repos.comments.setStatus(unique, TO[action])
  if (changed === 0) throw new NotFoundError('comment', unique.join(','))
  return changed
}

/** Corrects a reader's comment (a slur, a phone number); the same length rules as when it was posted. */
export async function editComment(repos: Pick<Repos, 'comments'>, user: User, id: number, body: string): Promise<void> {
  authorize(user, 'comments.moderate')
  const comment = await repos.comments.get(id)
  if (!comment) throw new NotFoundError('comment', id)
  const checked = checkComment({ articleId: comment.articleId, parentId: null, authorName: comment.authorName, authorEmail: 'desk@localhost.invalid', body, ip: null })
  await repos.comments.setBody(id, checked.body)
}

/**
 * The publication's reply to a comment, signed with the site's name and shown as the desk's,
 * published at once. Approves the comment it answers, which a reply makes public anyway.
 */
export async function replyAsDesk(
  deps: { repos: Pick<Repos, 'comments'>; clock: Clock }, user: User, input: { parentId: number; body: string; siteName: string },
): Promise<number> {
  authorize(user, 'comments.moderate')
  const parent = await deps.repos.comments.get(input.parentId)
  if (!parent) throw new NotFoundError('comment', input.parentId)
  const reply = checkComment({
    articleId: parent.articleId, parentId: parent.id, authorName: input.siteName, authorEmail: 'desk@localhost.invalid', body: input.body, ip: null,
  })
  if (parent.status !== 'approved') await deps.repos.comments.setStatus([parent.id], 'approved')
  return deps.repos.comments.add(reply, 'approved', deps.clock.now(), { fromDesk: true })
}

import { ForbiddenError } from '../errors.js'
import type { ArticleStatus } from '../articles/article.js'
import type { Role, User, UserId } from './user.js'

/**
 * Everything the newsroom lets someone do, by name. The one place that decides who may: every
 * route of the newsroom and the Admin API asks here, on the server, whatever the page showed.
 */
export type Action =
  | 'article.create'
  | 'article.view'
  | 'article.edit'
  | 'article.submit'
  | 'article.publish'
  | 'article.schedule'
  | 'article.unpublish'
  | 'article.return'
  | 'article.delete'
  | 'article.correct'
  | 'taxonomy.manage'
  | 'comments.moderate'
  | 'users.manage'
  | 'settings.manage'

/** An article as the policy sees it: whose it is, and where it stands. */
export interface ArticleAccess { ownerId: UserId | null; status: ArticleStatus }

const RANK: Record<Role, number> = { contributor: 0, author: 1, editor: 2, admin: 3 }
const atLeast = (user: User, role: Role) => RANK[user.role] >= RANK[role]

/**
 * Whether `user` may do `action` (to `article`, for the article actions). Signed out, or
 * deactivated: nothing. In the newsroom, a contributor or author sees only their own stories
 * (`article.view`); editors see everyone's. A contributor files: creates, edits and submits their own drafts, and
 * deletes them while they are drafts. An author also publishes, schedules and edits their own,
 * whatever their state. An editor does all of that to everyone's, takes stories down, adds
 * corrections, keeps the desks and tags, and moderates comments. An admin also manages people and
 * the site's settings. This says who may; whether the step fits the article's state now (publishing
 * a published story) is the workflow's to say.
 */
export function can(user: User | null, action: Action, article?: ArticleAccess): boolean {
  if (!user || !user.active) return false
  if (atLeast(user, 'editor')) return action === 'users.manage' || action === 'settings.manage' ? user.role === 'admin' : true
  if (action === 'article.create') return true
  if (!article || article.ownerId !== user.id) return false
  const unpublished = article.status === 'draft' || article.status === 'review'
  switch (action) {
    case 'article.view': return true
    case 'article.edit': return user.role === 'author' || unpublished
    case 'article.submit': return article.status === 'draft'
    case 'article.delete': return article.status === 'draft'
    case 'article.publish':
    case 'article.schedule': return user.role === 'author'
    default: return false
  }
}

/** {@link can}, as a guard: throws ForbiddenError naming the action when the answer is no. */
export function authorize(user: User | null, action: Action, article?: ArticleAccess): void {
  if (!can(user, action, article)) throw new ForbiddenError(action)
}

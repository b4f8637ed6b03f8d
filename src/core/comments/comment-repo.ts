import type { ArticleId } from '../articles/article.js'
import type { Comment, NewComment, CommentStatus } from './comment.js'

/** A comment as the moderation queue shows it: with what only the desk sees, and its story's title. */
export interface QueuedComment extends Comment { authorEmail: string; ip: string | null; articleTitle: string }

export interface ModerationQuery { status?: CommentStatus; articleId?: ArticleId; offset: number; limit: number }

export interface CommentRepo {
  /** `fromDesk`: the publication's own reply. */
  add(c: NewComment, status: CommentStatus, at: Date, opts?: { fromDesk?: boolean }): Promise<number>
  get(id: number): Promise<Comment | null>
  approvedFor(articleId: ArticleId): Promise<Comment[]>
  /** The latest comments sent from this address or with this e-mail since `since`, newest first (for the spam score). */
  recentFrom(sender: { ip: string | null; email: string }, since: Date, limit: number): Promise<Array<{ body: string; createdAt: Date }>>
  /** The moderation queue: newest first, filtered by status and story. */
  queue(query: ModerationQuery): Promise<QueuedComment[]>
  /** How many comments each status has, of one story or of all. */
  countByStatus(articleId?: ArticleId): Promise<Record<CommentStatus, number>>
  /** Moves comments to `status`; returns how many there were. */
  setStatus(ids: readonly number[], status: CommentStatus): Promise<number>
  /** Replaces a comment's text (the desk's edit); false when there is no such comment. */
  setBody(id: number, body: string): Promise<boolean>
}

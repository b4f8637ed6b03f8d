import type { ArticleId } from '../articles/article.js'
import type { Comment, NewComment, CommentStatus } from './comment.js'

export interface CommentRepo {
  add(c: NewComment, status: CommentStatus, at: Date): Promise<number>
  get(id: number): Promise<Comment | null>
  approvedFor(articleId: ArticleId): Promise<Comment[]>
}

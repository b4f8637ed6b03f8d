import type { ArticleId } from './article.js'

/** Who has a story open in the editor, since when (renewed while they work on it). */
export interface EditLock { articleId: ArticleId; userId: number; userName: string; takenAt: Date }

export interface EditLockRepo {
  /** Makes `userId` the holder, whoever held it before. */
  take(articleId: ArticleId, userId: number, at: Date): Promise<void>
  holder(articleId: ArticleId): Promise<EditLock | null>
  /** Lets go of the lock if `userId` holds it. */
  release(articleId: ArticleId, userId: number): Promise<void>
}

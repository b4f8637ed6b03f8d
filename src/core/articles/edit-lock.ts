import type { Clock } from '../store.js'
import type { ArticleId } from './article.js'
import type { EditLockRepo } from './edit-lock-repo.js'

/** A lock not renewed for this long (no autosave, no page load) is let go: its holder left. */
export const EDIT_LOCK_MINUTES = 5

/**
 * Opens a story for editing: takes (or renews) the lock unless someone else holds a live one —
 * then says who, and takes nothing; `takeOver` takes it from them. Advisory: it warns editors
 * of each other, it does not refuse a save.
 */
export async function openForEditing(
  deps: { locks: EditLockRepo; clock: Clock },
  input: { articleId: ArticleId; userId: number; takeOver?: boolean },
): Promise<{ heldBy: string | null }> {
  const now = deps.clock.now()
  if (!input.takeOver) {
    const lock = await deps.locks.holder(input.articleId)
    const live = lock && lock.userId !== input.userId && now.getTime() - lock.takenAt.getTime() < EDIT_LOCK_MINUTES * 60_000
    if (live) return { heldBy: lock.userName }
  }
  await deps.locks.take(input.articleId, input.userId, now)
  return { heldBy: null }
}

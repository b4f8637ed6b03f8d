import type { User, UserId } from './user.js'

/** How long a sign-in lasts: a newsroom's week and its weekend, then the password again. */
export const SESSION_DAYS = 14

/** A signed-in browser, as stored: by its token's hash only (secret.ts). */
export interface Session { idHash: string; userId: UserId; createdAt: Date; expiresAt: Date }

export interface SessionRepo {
  create(session: Session): Promise<void>
  /** The session with this token hash and its member, whatever their state; null when there is none. */
  find(idHash: string): Promise<{ session: Session; user: User } | null>
  delete(idHash: string): Promise<void>
  /** Ends every session of a member ("sign out everywhere", a deactivation, a new password); returns how many. */
  deleteAllFor(userId: UserId): Promise<number>
  /** Forgets sessions that expired before `at`; returns how many. */
  deleteExpired(at: Date): Promise<number>
}

import type { NewUser, StoredUser, UserId } from './user.js'

export interface UserRepo {
  /**
   * Stores a new member and returns them; null when a member already has that (normalized)
   * email address — also when another process adds the same address at the same moment.
   */
  create(user: NewUser, at: Date): Promise<StoredUser | null>
  byId(id: UserId): Promise<StoredUser | null>
  byEmail(email: string): Promise<StoredUser | null>
  /** Everyone, active or not, in the order they joined. */
  list(): Promise<StoredUser[]>
  count(): Promise<number>
  /** Lets a member in again, or keeps them out (their sessions then count for nothing); false when there is no such member. */
  setActive(id: UserId, active: boolean): Promise<boolean>
  /** Replaces a member's password hash; false when there is no such member. */
  setPasswordHash(id: UserId, passwordHash: string): Promise<boolean>
}

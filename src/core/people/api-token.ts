import type { User, UserId } from './user.js'

/**
 * A personal token for the Admin API: it acts as its member, with their role. Only its SHA-256 is
 * stored; the token itself is shown once, when it is made.
 */
export interface ApiToken { id: number; userId: UserId; label: string; createdAt: Date; revokedAt: Date | null }

export interface ApiTokenRepo {
  create(token: { userId: UserId; label: string; tokenHash: string }, at: Date): Promise<ApiToken>
  /** The token with this hash and its member, revoked or not; null when there is none. */
  find(tokenHash: string): Promise<{ token: ApiToken; user: User } | null>
  /** A member's tokens, oldest first, revoked ones included. */
  listFor(userId: UserId): Promise<ApiToken[]>
  /** Revokes a token (once: the first time counts); false when there is no such token, or it was already revoked. */
  revoke(id: number, at: Date): Promise<boolean>
}

export const TOKEN_LABEL_MAX = 100

/** What every API token starts with, so that secret scanners and people can tell what leaked. */
export const API_TOKEN_PREFIX = 'khabar_'

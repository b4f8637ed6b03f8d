import { NotFoundError, ValidationError } from '../errors.js'
import type { Clock } from '../store.js'
import type { UserRepo } from './user-repo.js'
import { normalizeEmail, withoutHash, type User } from './user.js'
import { API_TOKEN_PREFIX, TOKEN_LABEL_MAX, type ApiToken, type ApiTokenRepo } from './api-token.js'
import { newSecret, secretHash } from './secret.js'

/**
 * Makes a personal Admin API token for a member. The token is in the answer and nowhere else:
 * only its hash is kept, so it cannot be shown again.
 */
export async function createApiToken(
  deps: { users: UserRepo; tokens: ApiTokenRepo; clock: Clock },
  input: { email: string; label?: string },
): Promise<{ token: string; record: ApiToken; user: User }> {
  const label = (input.label ?? '').normalize('NFC').trim().replace(/\s+/g, ' ')
  if ([...label].length > TOKEN_LABEL_MAX) throw new ValidationError({ label: `longer than ${TOKEN_LABEL_MAX} characters` })
  const stored = await deps.users.byEmail(normalizeEmail(input.email))
  if (!stored) throw new NotFoundError('user', normalizeEmail(input.email))
  const token = newSecret(API_TOKEN_PREFIX)
  const record = await deps.tokens.create({ userId: stored.id, label, tokenHash: secretHash(token) }, deps.clock.now())
  return { token, record, user: withoutHash(stored) }
}

/** The member a bearer token acts as: null for an unknown or revoked token, or a deactivated member. */
export async function apiTokenUser(deps: { tokens: ApiTokenRepo }, token: string): Promise<User | null> {
  const found = await deps.tokens.find(secretHash(token))
  if (!found || found.token.revokedAt !== null || !found.user.active) return null
  return found.user
}

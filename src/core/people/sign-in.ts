import type { Clock } from '../store.js'
import type { UserRepo } from './user-repo.js'
import { normalizeEmail, withoutHash, type User } from './user.js'
import { hashPassword, verifyPassword } from './password.js'
import { SESSION_DAYS, type SessionRepo } from './session.js'
import { newSecret, secretHash } from './secret.js'

type Deps = { users: UserRepo; sessions: SessionRepo; clock: Clock }

// Verified when the address is unknown, so that a wrong address takes as long as a wrong
// password and the sign-in form does not tell which addresses are members'.
let nobody: Promise<string> | undefined
const nobodysHash = () => (nobody ??= hashPassword('not anyone’s password'))

/**
 * Signs a member in: a new session (a fresh token each time, so a token planted before sign-in is
 * worth nothing after it) when the address is an active member's and the password theirs; null
 * otherwise, without saying which part was wrong.
 */
export async function signIn(deps: Deps, input: { email: string; password: string }): Promise<{ token: string; user: User; expiresAt: Date } | null> {
  const stored = await deps.users.byEmail(normalizeEmail(input.email))
  const ok = await verifyPassword(stored?.passwordHash ?? (await nobodysHash()), input.password)
  if (!stored || !stored.passwordHash || !ok || !stored.active) return null
  const now = deps.clock.now()
  const token = newSecret()
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000)
  await deps.sessions.create({ idHash: secretHash(token), userId: stored.id, createdAt: now, expiresAt })
  return { token, user: withoutHash(stored), expiresAt }
}

/** The member a session token belongs to, while it lasts and they are active; null otherwise. */
export async function sessionUser(deps: { sessions: SessionRepo; clock: Clock }, token: string): Promise<User | null> {
  const found = await deps.sessions.find(secretHash(token))
  if (!found) return null
  if (found.session.expiresAt <= deps.clock.now() || !found.user.active) return null
  return found.user
}

/** Ends this browser's session (nothing to do when it has none). */
export async function signOut(deps: { sessions: SessionRepo }, token: string): Promise<void> {
  await deps.sessions.delete(secretHash(token))
}

/** Ends every session of the member this token belongs to, this one included; returns how many. */
export async function signOutEverywhere(deps: { sessions: SessionRepo; clock: Clock }, token: string): Promise<number> {
  const user = await sessionUser(deps, token)
  return user ? deps.sessions.deleteAllFor(user.id) : 0
}

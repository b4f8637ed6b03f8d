import { ConflictError, NotFoundError } from '../errors.js'
import type { Clock } from '../store.js'
import type { UserRepo } from './user-repo.js'
import { checkNewUser, checkPassword, normalizeEmail, withoutHash, type User } from './user.js'
import { hashPassword } from './password.js'
import type { SessionRepo } from './session.js'

/**
 * Adds a member of the newsroom. With a password, it is checked and kept only as its hash;
 * without one, the member has no way in until a password is set for them. An address already
 * taken is a conflict, and nothing is stored.
 */
export async function addUser(
  deps: { users: UserRepo; clock: Clock },
  input: { email: string; name: string; role: string; password?: string },
): Promise<User> {
  const fields = checkNewUser(input)
  if (input.password !== undefined) checkPassword(input.password)
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password)
  const user = await deps.users.create({ ...fields, passwordHash }, deps.clock.now())
  if (!user) throw new ConflictError('user', fields.email)
  return withoutHash(user)
}

/**
 * Sets a member's password (checked, kept as its hash) and ends their sessions: whoever signed in
 * with the old password is signed out.
 */
export async function resetPassword(deps: { users: UserRepo; sessions: SessionRepo }, input: { email: string; password: string }): Promise<User> {
  checkPassword(input.password)
  const user = await deps.users.byEmail(normalizeEmail(input.email))
  if (!user) throw new NotFoundError('user', normalizeEmail(input.email))
  if (!(await deps.users.setPasswordHash(user.id, await hashPassword(input.password)))) throw new NotFoundError('user', user.email)
  await deps.sessions.deleteAllFor(user.id)
  return withoutHash(user)
}

/** Everyone in the newsroom, in the order they joined, without their password hashes. */
export async function listUsers(deps: { users: UserRepo }): Promise<User[]> {
  return (await deps.users.list()).map(withoutHash)
}

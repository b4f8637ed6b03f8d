import { ValidationError, type FieldProblems } from '../errors.js'

/**
 * Who may do what in the newsroom, least to most: a contributor files drafts and submits them for
 * review; an author also publishes their own; an editor edits, schedules and publishes everyone's
 * and keeps the desks and tags; an admin also manages people and the site's settings.
 */
export const ROLES = ['contributor', 'author', 'editor', 'admin'] as const
export type Role = (typeof ROLES)[number]

export type UserId = number

/** A member of the newsroom. `active: false` keeps their name on their work but lets them in no more. */
export interface User {
  id: UserId
  email: string
  name: string
  role: Role
  active: boolean
  createdAt: Date
}

/** A user as stored: with the password's hash (null: no password set yet, so no way in). */
export interface StoredUser extends User { passwordHash: string | null }

/** A member as the rest of the newsroom sees them: never with their password's hash. */
export const withoutHash = ({ passwordHash: _, ...user }: StoredUser): User => user

export interface NewUser { email: string; name: string; role: Role; passwordHash: string | null }

export const NAME_MAX = 100
export const EMAIL_MAX = 254
/** Long enough for a passphrase; the upper bound keeps hashing a request's input cheap. */
export const PASSWORD_MIN = 10
export const PASSWORD_MAX = 200

/** One spelling per address: sign-in and uniqueness compare addresses as the mail system does, case aside. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase()

const isRole = (r: string): r is Role => (ROLES as readonly string[]).includes(r)

/** A new member's fields, checked and tidied; every problem named by its field. */
export function checkNewUser(input: { email: string; name: string; role: string }): { email: string; name: string; role: Role } {
  const problems: FieldProblems = {}
  const email = normalizeEmail(input.email)
  const name = input.name.normalize('NFC').trim().replace(/\s+/g, ' ')
  // Deliberately loose: one @, something on each side, a dot in the domain, no spaces. Whether
  // the address is real is the mail system's to say, not a pattern's.
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) problems.email = 'not an email address'
  else if (email.length > EMAIL_MAX) problems.email = `longer than ${EMAIL_MAX} characters`
  if (!name) problems.name = 'required'
  else if (name.length > NAME_MAX) problems.name = `longer than ${NAME_MAX} characters`
  if (!isRole(input.role)) problems.role = `one of ${ROLES.join(', ')}`
  if (Object.keys(problems).length) throw new ValidationError(problems)
  return { email, name, role: input.role as Role }
}

/** A password a member may choose: long enough, not absurdly long, not only spaces. */
export function checkPassword(password: string): void {
  const length = [...password].length
  if (!password.trim()) throw new ValidationError({ password: 'required' })
  if (length < PASSWORD_MIN) throw new ValidationError({ password: `shorter than ${PASSWORD_MIN} characters` })
  if (length > PASSWORD_MAX) throw new ValidationError({ password: `longer than ${PASSWORD_MAX} characters` })
}

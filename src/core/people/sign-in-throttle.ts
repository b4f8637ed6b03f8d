import { RateLimitedError } from '../errors.js'
import type { Clock } from '../store.js'
import type { UserRepo } from './user-repo.js'
import type { SessionRepo } from './session.js'
import { normalizeEmail, type User } from './user.js'
import { signIn } from './sign-in.js'
import type { SignInFailureRepo } from './sign-in-failure-repo.js'

/**
 * Credential stuffing and password guessing: after {@link SIGN_IN_LIMITS}.perAccount failures for
 * one address, or perAddress from one client address, within the window, sign-in is refused for
 * that account (or address) until the oldest of those failures leaves the window — whatever the
 * password, so a guess cannot be confirmed while locked out.
 */
export const SIGN_IN_LIMITS = { perAccount: 5, perAddress: 20, windowMinutes: 15 } as const

const keysOf = (email: string, ip: string) => ({ account: `account:${normalizeEmail(email)}`, address: `ip:${ip}` })

/** {@link signIn}, counted: RateLimitedError (with when to try again) while locked out. */
export async function throttledSignIn(
  deps: { users: UserRepo; sessions: SessionRepo; failures: SignInFailureRepo; clock: Clock },
  input: { email: string; password: string; ip: string },
): Promise<{ token: string; user: User; expiresAt: Date } | null> {
  const now = deps.clock.now()
  const windowMs = SIGN_IN_LIMITS.windowMinutes * 60_000
  const since = new Date(now.getTime() - windowMs + 1) // a failure counts for the window, not a moment longer
  const { account, address } = keysOf(input.email, input.ip)
  for (const [key, limit] of [[account, SIGN_IN_LIMITS.perAccount], [address, SIGN_IN_LIMITS.perAddress]] as const) {
    if ((await deps.failures.countSince(key, since)) >= limit) {
      const oldest = (await deps.failures.oldestSince(key, since)) ?? now
      throw new RateLimitedError('too many failed sign-ins', Math.max(1, Math.ceil((oldest.getTime() + windowMs - now.getTime()) / 1000)))
    }
  }
  const session = await signIn(deps, input)
  if (session) await deps.failures.clear(account)
  else await deps.failures.record([account, address], now)
  return session
}

import { createHmac, timingSafeEqual } from 'node:crypto'

export interface FormTokens {
  /** A token for a form about `scope` (e.g. one article), valid for a day. */
  issue(scope: string): string
  verify(scope: string, token: string): boolean
}

const HOUR = 3_600_000
const VALID_HOURS = 24

/**
 * Signed, stateless tokens for the public forms. Pages are cached and shared, so the token cannot
 * be per visitor; it proves the post came from a form we served (for that article, within a day).
 * Together with the Origin / Sec-Fetch-Site check on every post, that is the CSRF defence for
 * forms that carry no session.
 */
export function createFormTokens(secret: string, now: () => number = Date.now): FormTokens {
  const sign = (scope: string, hour: number) => createHmac('sha256', secret).update(`${scope}\n${hour}`).digest('base64url').slice(0, 32)
  return {
    issue(scope) {
      const hour = Math.floor(now() / HOUR)
      return `${hour.toString(36)}.${sign(scope, hour)}`
    },
    verify(scope, token) {
      if (!/^[0-9a-z]{1,12}\.[A-Za-z0-9_-]{32}$/.test(token)) return false
      const [hourText, mac] = token.split('.') as [string, string]
      const hour = parseInt(hourText, 36)
      const age = Math.floor(now() / HOUR) - hour
      if (!Number.isSafeInteger(hour) || age < 0 || age > VALID_HOURS) return false
      const expected = Buffer.from(sign(scope, hour))
      const given = Buffer.from(mac)
      return given.length === expected.length && timingSafeEqual(given, expected)
    },
  }
}

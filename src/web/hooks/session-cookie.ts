import { createHmac, timingSafeEqual } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import { SESSION_DAYS } from '../../core/index.js'

/** The newsroom's session cookie: an opaque token, kept server-side by its hash (core/people/session.ts). */
export const SESSION_COOKIE = 'khabar_session'

const PRESENT = `${SESSION_COOKIE}=`
const VALUE = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([A-Za-z0-9_-]{20,100})(?:;|$)`)

/**
 * Whether the request carries a session cookie at all: a substring test, cheap enough for every
 * request before routing, so anonymous readers' pages stay on the cache's fast path.
 */
export const hasSessionCookie = (req: FastifyRequest): boolean => req.headers.cookie?.includes(PRESENT) ?? false

/** The session token from the Cookie header, or null; read without a cookie plugin, for the public site too. */
export function sessionToken(req: FastifyRequest): string | null {
  return VALUE.exec(req.headers.cookie ?? '')?.[1] ?? null
}

/**
 * The cookie's attributes: HttpOnly (no script reads it), SameSite=Lax (not sent on cross-site
 * posts), Secure when the site is served over https, for the whole site so public pages know a
 * signed-in editor, and as long as the session lasts.
 */
export function sessionCookie(token: string, siteUrl: string): string {
  const secure = siteUrl.startsWith('https:') ? '; Secure' : ''
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${SESSION_DAYS * 86_400}${secure}`
}

export function clearedSessionCookie(siteUrl: string): string {
  const secure = siteUrl.startsWith('https:') ? '; Secure' : ''
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure}`
}

/**
 * The CSRF token of a session: an HMAC of the session token under the site's secret. Every
 * newsroom form and script sends it back; a page on another site cannot read it, and it changes
 * with every sign-in.
 */
export function csrfToken(secret: string, session: string): string {
  return createHmac('sha256', secret).update(`csrf\n${session}`).digest('base64url').slice(0, 32)
}

export function csrfMatches(secret: string, session: string, given: unknown): boolean {
  if (typeof given !== 'string' || given.length !== 32) return false
  return timingSafeEqual(Buffer.from(given), Buffer.from(csrfToken(secret, session)))
}

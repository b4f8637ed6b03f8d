import type { FastifyInstance } from 'fastify'
import type { PageCache } from './page-cache.js'

// Set by hand rather than with @fastify/helmet: the policy is fixed, and one constant object
// costs less per request on the hot path than helmet's per-request middleware chain.
export const SECURITY_HEADERS = {
  'content-security-policy': [
    "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data: https:", "font-src 'self'",
    "connect-src 'self'", "form-action 'self'", "frame-ancestors 'none'", "base-uri 'self'", "object-src 'none'",
  ].join('; '),
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'cross-origin-opener-policy': 'same-origin',
} as const

/**
 * The first thing every request meets: security headers on every response, then — for a page
 * already rendered and still fresh — the answer straight from memory, before routing.
 */
export function registerFrontHook(app: FastifyInstance, pages: PageCache, extraHeaders: Record<string, string> = {}): void {
  const headers = { ...SECURITY_HEADERS, ...extraHeaders }
  app.addHook('onRequest', (req, reply, done) => {
    reply.headers(headers)
    if (pages.sendIfFresh(req, reply)) return // answered: done() must not be called
    done()
  })
}

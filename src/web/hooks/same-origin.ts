import type { FastifyRequest } from 'fastify'

/**
 * Whether a form post comes from our own pages. Browsers send Sec-Fetch-Site (and Origin) on
 * every cross-site post; requests without them (old browsers, curl) fall back to the form token.
 */
export function isSameOriginPost(req: FastifyRequest): boolean {
  const site = req.headers['sec-fetch-site']
  if (site && site !== 'same-origin' && site !== 'none') return false
  const origin = req.headers.origin
  if (!origin || origin === 'null') return origin !== 'null'
  try {
    return new URL(origin).host === req.headers.host
  } catch {
    return false
  }
}

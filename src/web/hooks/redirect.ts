import type { FastifyReply } from 'fastify'

/**
 * The only form a `Location` this site sends may take: a path on this site. Anything else — a
 * scheme, a protocol-relative `//host`, a backslash (browsers read `/\host` as `//host`), control
 * characters — becomes `/`. Tabs and newlines are refused with the other controls: browsers
 * drop them before parsing a URL (WHATWG URL), so `/\t/host` would arrive as `//host`.
 * Characters outside printable ASCII are percent-encoded, since a header can carry nothing else.
 */
export function sameOriginPath(target: string): string {
  if (!target.startsWith('/') || target.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(target)) return '/'
  try {
    return target.replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c))
  } catch {
    return '/' // a lone surrogate cannot be encoded
  }
}

/** Redirects to a path on this site; see {@link sameOriginPath}. */
export function redirectTo(reply: FastifyReply, target: string, code: 301 | 302 | 303 | 307 | 308): FastifyReply {
  return reply.redirect(sameOriginPath(target), code)
}

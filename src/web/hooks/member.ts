import type { User } from '../../core/index.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is acting: set by the newsroom's session hook or the Admin API's token hook; null when nobody. */
    member: User | null
    /** The newsroom session's token (for its CSRF token and sign-out); null without one. */
    session: string | null
  }
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import formbody from '@fastify/formbody'
import { ForbiddenError, sessionUser, UnauthorizedError, type Article, type Clock, type Store } from '../../core/index.js'
import '../hooks/member.js'
import type { FormTokens } from '../hooks/form-token.js'
import { isSameOriginPost } from '../hooks/same-origin.js'
import { csrfMatches, sessionToken } from '../hooks/session-cookie.js'
import { registerSignInRoutes } from './sign-in.routes.js'
import { registerDeskRoutes } from './desk.routes.js'
import { registerPeopleRoutes } from './people.routes.js'
import { registerCommentRoutes } from './comments.routes.js'

export interface NewsroomOptions {
  store: Store
  clock: Clock
  siteName: string
  siteUrl: string
  secret: string
  assetVersion: string
  forms: FormTokens
  renderPreview(article: Article): Promise<string>
}

/** Requests that come before a session exists: they carry a signed form token instead of the session's CSRF token. */
const DOORS = /^\/newsroom\/(sign-in|setup\/[^/]+)$/

/**
 * The newsroom (`/newsroom/…`) as a Fastify plugin of its own:
 * - every request learns its member from the session cookie (sessions live in the database, so any
 *   process answers); pages are never cached;
 * - every state change must come from our own pages: same origin, and the session's CSRF token
 *   (or, at sign-in and setup, a signed form token);
 * - signed-out visitors are sent to the sign-in page (pages) or answered 401 (scripts).
 */
export async function newsroom(app: FastifyInstance, opts: NewsroomOptions): Promise<void> {
  const { store, clock, secret } = opts
  app.decorateRequest('member', null)
  app.decorateRequest('session', null)
  // The editor's body can be long: a newsroom form carries far more than a reader's comment, so
  // this context parses forms with a larger limit than the site's.
  app.removeContentTypeParser('application/x-www-form-urlencoded')
  await app.register(formbody, { bodyLimit: 2 * 1024 * 1024 })

  app.addHook('onRequest', async (req, reply) => {
    reply.header('cache-control', 'no-store')
    const token = sessionToken(req)
    req.member = token ? await sessionUser({ sessions: store.sessions, clock }, token) : null
    req.session = req.member ? token : null
  })

  app.addHook('preHandler', async (req) => {
    const path = req.url.split('?')[0]!
    const door = DOORS.test(path)
    if (req.method === 'GET' || req.method === 'HEAD') {
      if (!door && !req.member) throw new UnauthorizedError()
      return
    }
    if (!isSameOriginPost(req)) throw new ForbiddenError('cross-site request')
    if (door || path === '/newsroom/sign-out') return
    if (!req.session) throw new UnauthorizedError()
    const given = (req.body as { _csrf?: unknown } | undefined)?._csrf ?? req.headers['x-csrf-token']
    if (!csrfMatches(secret, req.session, given)) throw new ForbiddenError('csrf')
  })

  // Signed out: pages send the visitor to sign in and back; scripts (autosave) get 401 from the app's handler.
  const appHandler = app.errorHandler
  app.setErrorHandler(async (error: unknown, req: FastifyRequest, reply: FastifyReply) => {
    const wantsPage = req.method === 'GET' && !String(req.headers.accept ?? '').includes('application/json')
    if (error instanceof UnauthorizedError && wantsPage) {
      return reply.header('cache-control', 'no-store').redirect(`/newsroom/sign-in?next=${encodeURIComponent(req.url)}`, 303)
    }
    return appHandler.call(app, error as never, req, reply)
  })

  const deps = { ...opts, forms: opts.forms }
  registerSignInRoutes(app, deps)
  registerDeskRoutes(app, deps)
  registerPeopleRoutes(app, deps)
  registerCommentRoutes(app, deps)
}
